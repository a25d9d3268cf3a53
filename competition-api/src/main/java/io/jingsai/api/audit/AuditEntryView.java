package io.jingsai.api.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of an audit chain, as recorded. {@code before} and {@code after} are the JSON the act recorded.
 */
record AuditEntryView(String chain, long position, Instant occurredAt, String actor, String action, String subject,
                      String reason,
                      @JsonRawValue @Schema(type = "object", description = "The state before the act; absent when it created the thing") String before,
                      @JsonRawValue @Schema(type = "object", description = "The state after the act; absent when it removed the thing") String after,
                      String previousHash, String entryHash) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.chain(), entry.position(), entry.occurredAt(), entry.actor(), entry.action(),
                entry.subject(), entry.reason(), entry.beforeState(), entry.afterState(), entry.previousHash(),
                entry.entryHash());
    }
}
