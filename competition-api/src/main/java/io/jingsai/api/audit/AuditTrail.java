package io.jingsai.api.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audited acts to their chains. An entry is written in the caller's transaction (or in one of its own when
 * there is none), so it is stored exactly when the act it records is: an act rolled back leaves no entry, and no
 * committed act lacks one.
 *
 * <p>Appending locks the chain's head row until the transaction ends, so that entries of one chain are numbered
 * 1, 2, 3… without gaps and each links to the one before; acts on different chains never wait for each other. Acts on
 * one chain do wait: every score sheet of an event appends to the event's chain. So entries are appended as the
 * transaction's last writes, just before it commits, in the order they were recorded, each by one statement that
 * locks the head, hashes the entry in the database ({@code audit_entry_hash}, migration V33), moves the head and
 * inserts the entry: the head stays locked for that statement and the commit, never for a round trip through the
 * application.
 */
@Component
public class AuditTrail {

    /** The chain's head before its first entry: the "previous hash" of entry 1. */
    static final String GENESIS = "0".repeat(64);

    /** Appends one entry to a chain that exists; changes nothing (0 rows) when it does not. */
    private static final String APPEND = """
            WITH head AS (
                SELECT length + 1 AS position, head_hash FROM audit_chain WHERE chain = :chain FOR UPDATE),
            entry AS (
                SELECT position, head_hash AS previous_hash,
                       audit_entry_hash(head_hash, :chain, position, :occurredAt, :actor, :action, :subject, :reason,
                                        :before, :after) AS entry_hash
                FROM head),
            moved AS (
                UPDATE audit_chain SET length = entry.position, head_hash = entry.entry_hash
                FROM entry WHERE audit_chain.chain = :chain)
            INSERT INTO audit_entry (chain, position, occurred_at, actor, action, subject, reason, before_state,
                                     after_state, previous_hash, entry_hash)
            SELECT :chain, position, :occurredAt, :actor, :action, :subject, :reason, :before, :after, previous_hash,
                   entry_hash
            FROM entry""";

    /** A chain's first entry finds no head: the head is created (by whichever writer comes first) and it appends. */
    private static final String START_CHAIN = """
            INSERT INTO audit_chain (chain, length, head_hash) VALUES (:chain, 0, :genesis)
            ON CONFLICT (chain) DO NOTHING""";

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
     * Appends the act to its chain when the caller's transaction (or one of its own, when there is none) is about to
     * commit; the entry commits with the caller's work, or not at all.
     */
    public Mono<Void> record(AuditRecord record) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(current -> pending(current).add(record))
                .then()
                .as(transaction::transactional);
    }

    /** The acts recorded in the current transaction and not yet appended; the first registers their appending. */
    private List<AuditRecord> pending(TransactionSynchronizationManager current) {
        @SuppressWarnings("unchecked")
        List<AuditRecord> pending = (List<AuditRecord>) current.getResource(this);
        if (pending == null) {
            List<AuditRecord> created = new ArrayList<>();
            current.bindResource(this, created);
            current.registerSynchronization(new TransactionSynchronization() {
                @Override
                public Mono<Void> beforeCommit(boolean readOnly) {
                    return Flux.fromIterable(created).concatMap(AuditTrail.this::append).then();
                }

                @Override
                public Mono<Void> afterCompletion(int status) {
                    current.unbindResourceIfPossible(AuditTrail.this);
                    return Mono.empty();
                }
            });
            return created;
        }
        return pending;
    }

    private Mono<Void> append(AuditRecord record) {
        // Stored and hashed at PostgreSQL's precision, so that the stored entry hashes to what was written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String before = state(record.before());
        String after = state(record.after());
        return appendToExisting(record, now, before, after)
                .flatMap(appended -> appended ? Mono.<Void>empty() : database.sql(START_CHAIN)
                        .bind("chain", record.chain().name())
                        .bind("genesis", GENESIS)
                        .then()
                        .then(appendToExisting(record, now, before, after))
                        .then());
    }

    private Mono<Boolean> appendToExisting(AuditRecord record, Instant now, String before, String after) {
        return database.sql(APPEND)
                .bind("chain", record.chain().name())
                .bind("occurredAt", now)
                .bind("actor", record.actor())
                .bind("action", record.action())
                .bind("subject", record.subject())
                .bind("reason", Parameter.fromOrEmpty(record.reason(), String.class))
                .bind("before", Parameter.fromOrEmpty(before, String.class))
                .bind("after", Parameter.fromOrEmpty(after, String.class))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    private String state(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
