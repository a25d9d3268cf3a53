package io.jingsai.api.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests made once however often they are sent ({@code Idempotency-Key}): the first request with a key does its
 * work and its answer is stored with the key, in the same transaction as the work, so either both are committed or
 * neither is. A retry with the key gets the stored answer and does nothing; a request that reuses the key for
 * something else is refused (422).
 *
 * <p>The key is claimed by inserting it first: a retry that arrives while the first request is still running waits on
 * that row until the first commits (then it gets its answer) or rolls back (then it does the work itself). Refusals
 * roll back, so they are not remembered: a request that was refused may be sent again with the same key.
 */
@Component
public class IdempotentRequests {

    /**
     * An answer to remember: the status, the body, the version it shows (its ETag) and the location of a created
     * resource (or null).
     *
     * @param replayed true when this is the stored answer to an earlier request with the same key
     */
    public record Answer<T>(int status, T body, long version, String location, boolean replayed) {

        public static <T> Answer<T> of(int status, T body, long version, String location) {
            return new Answer<>(status, body, version, location, false);
        }
    }

    private static final String CLAIM = """
            INSERT INTO idempotent_request (account_id, idempotency_key, request_hash, created_at)
            VALUES (:account, :key, :hash, :now)
            ON CONFLICT (account_id, idempotency_key) DO NOTHING
            RETURNING account_id""";

    private static final String REMEMBER = """
            UPDATE idempotent_request SET status = :status, version = :version, location = :location, body = :body
            WHERE account_id = :account AND idempotency_key = :key""";

    private static final String STORED = """
            SELECT request_hash, status, version, location, body FROM idempotent_request
            WHERE account_id = :account AND idempotency_key = :key""";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(DatabaseClient database, TransactionalOperator transaction, JsonMapper json, Clock clock) {
        this.database = database;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Does {@code work} once for this key of this account, in the caller's transaction (or one of its own).
     *
     * @param request what identifies the request beyond its key (method, path, version named, the body in a
     *                canonical form): the same key with another request is {@code idempotencyKey.reused}
     * @param type    the body's type, to read a stored answer back
     */
    public <T> Mono<Answer<T>> once(long accountId, IdempotencyKey key, String request, Class<T> type,
                                    Mono<Answer<T>> work) {
        String hash = sha256(request);
        return Mono.defer(() -> database.sql(CLAIM)
                        .bind("account", accountId).bind("key", key.value()).bind("hash", hash)
                        .bind("now", clock.instant())
                        .map(row -> Boolean.TRUE)
                        .one()
                        .defaultIfEmpty(Boolean.FALSE))
                .flatMap(claimed -> claimed
                        ? work.flatMap(answer -> remember(accountId, key, answer).thenReturn(answer))
                        : stored(accountId, key, hash, type))
                .as(transaction::transactional);
    }

    private <T> Mono<Void> remember(long accountId, IdempotencyKey key, Answer<T> answer) {
        return database.sql(REMEMBER)
                .bind("status", answer.status()).bind("version", answer.version())
                .bind("location", Parameter.fromOrEmpty(answer.location(), String.class))
                .bind("body", json.writeValueAsString(answer.body()))
                .bind("account", accountId).bind("key", key.value())
                .then();
    }

    private <T> Mono<Answer<T>> stored(long accountId, IdempotencyKey key, String hash, Class<T> type) {
        return database.sql(STORED)
                .bind("account", accountId).bind("key", key.value())
                .map(row -> new Stored(row.get("request_hash", String.class), row.get("status", Integer.class),
                        row.get("version", Long.class), row.get("location", String.class),
                        row.get("body", String.class)))
                .one()
                .flatMap(stored -> {
                    if (!stored.hash().equals(hash)) {
                        return Mono.error(new UnprocessableRequestException("idempotencyKey.reused",
                                IdempotencyKey.HEADER));
                    }
                    return Mono.just(new Answer<>(stored.status(), json.readValue(stored.body(), type),
                            stored.version(), stored.location(), true));
                });
    }

    private record Stored(String hash, int status, long version, String location, String body) {
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
