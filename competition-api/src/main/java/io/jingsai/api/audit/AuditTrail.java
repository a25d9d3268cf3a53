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
 * transaction's last writes, just before it commits, in the order they were recorded: the head stays locked for two
 * statements and the commit, not for the rest of the transaction's work.
 */
@Component
public class AuditTrail {

    private static final String LOCK_HEAD = """
            INSERT INTO audit_chain (chain, length, head_hash) VALUES (:chain, 0, :genesis)
            ON CONFLICT (chain) DO UPDATE SET length = audit_chain.length
            RETURNING length, head_hash""";

    private static final String APPEND = """
            WITH head AS (
                UPDATE audit_chain SET length = :position, head_hash = :entryHash WHERE chain = :chain)
            INSERT INTO audit_entry (chain, position, occurred_at, actor, action, subject, reason, before_state,
                                     after_state, previous_hash, entry_hash)
            VALUES (:chain, :position, :occurredAt, :actor, :action, :subject, :reason, :before, :after,
                    :previousHash, :entryHash)""";

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
        String chain = record.chain().name();
        String before = state(record.before());
        String after = state(record.after());
        return database.sql(LOCK_HEAD)
                .bind("chain", chain)
                .bind("genesis", EntryHash.GENESIS)
                .map(row -> new Head(row.get("length", Long.class), row.get("head_hash", String.class)))
                .one()
                .flatMap(head -> write(record, head, before, after));
    }

    private Mono<Void> write(AuditRecord record, Head head, String before, String after) {
        long position = head.length() + 1;
        // Stored and hashed at PostgreSQL's precision, so that the stored entry hashes to what was written.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String chain = record.chain().name();
        String hash = EntryHash.of(head.hash(), chain, position, now, record.actor(), record.action(),
                record.subject(), record.reason(), before, after);
        return database.sql(APPEND)
                .bind("chain", chain)
                .bind("position", position)
                .bind("occurredAt", now)
                .bind("actor", record.actor())
                .bind("action", record.action())
                .bind("subject", record.subject())
                .bind("reason", Parameter.fromOrEmpty(record.reason(), String.class))
                .bind("before", Parameter.fromOrEmpty(before, String.class))
                .bind("after", Parameter.fromOrEmpty(after, String.class))
                .bind("previousHash", head.hash())
                .bind("entryHash", hash)
                .then();
    }

    private String state(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private record Head(long length, String hash) {
    }
}
