package io.jingsai.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audited acts to their chains. An act is recorded in the caller's transaction (or in one of its own when
 * there is none), so its entry is stored exactly when the act is: an act rolled back leaves no entry, and no
 * committed act lacks one.
 *
 * <p>Entries of one chain are numbered 1, 2, 3… without gaps, each linked to the one before, so appending locks the
 * chain's head until the transaction ends; acts on different chains never wait for each other. Acts on one chain do
 * wait: every score sheet of an event appends to the event's chain. So recording an act only inserts it into
 * {@code audit_pending}, and PostgreSQL appends it while the transaction commits (a deferred trigger, migration V35:
 * lock the head, hash the entry with {@code audit_entry_hash}, move the head, insert the entry), in the order the
 * acts were recorded. The head is locked for the commit only, never for a round trip to this application.
 */
@Component
public class AuditTrail {

    /** The chain's head before its first entry: the "previous hash" of entry 1 (V35 starts chains with it). */
    static final String GENESIS = "0".repeat(64);

    private static final String RECORD = """
            INSERT INTO audit_pending (chain, occurred_at, actor, action, subject, reason, before_state, after_state)
            VALUES (:chain, :occurredAt, :actor, :action, :subject, :reason, :before, :after)""";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(DatabaseClient database, TransactionalOperator transaction, JsonMapper json, Clock clock) {
        this.database = database;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the act in the caller's transaction (or one of its own, when there is none); it is appended to its
     * chain when that transaction commits, and never when it rolls back.
     */
    public Mono<Void> record(AuditRecord record) {
        // Stored and hashed at PostgreSQL's precision, so that the stored entry hashes to what was written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.sql(RECORD)
                .bind("chain", record.chain().name())
                .bind("occurredAt", now)
                .bind("actor", record.actor())
                .bind("action", record.action())
                .bind("subject", record.subject())
                .bind("reason", Parameter.fromOrEmpty(record.reason(), String.class))
                .bind("before", Parameter.fromOrEmpty(state(record.before()), String.class))
                .bind("after", Parameter.fromOrEmpty(state(record.after()), String.class))
                .then()
                .as(transaction::transactional);
    }

    private String state(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
