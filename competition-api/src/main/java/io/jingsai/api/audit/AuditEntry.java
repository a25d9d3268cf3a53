package io.jingsai.api.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One stored entry of a chain, exactly as hashed: {@code entryHash} covers every other column but the id. */
@Table("audit_entry")
record AuditEntry(@Id Long id, String chain, long position, Instant occurredAt, String actor, String action,
                  String subject, String reason, String beforeState, String afterState, String previousHash,
                  String entryHash) {
}
