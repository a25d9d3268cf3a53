package io.jingsai.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import io.jingsai.api.IntegrationTest;

/** Keys older than the keep-for period (a day) are forgotten by a sweep; younger ones are kept. */
@IntegrationTest
class ForgottenIdempotencyKeysTests {

    @Autowired
    ForgottenIdempotencyKeys keys;

    @Autowired
    DatabaseClient database;

    @Test
    void aSweepForgetsKeysOlderThanADayAndKeepsTheRest() {
        long account = database.sql("SELECT id FROM account WHERE username = 'admin'")
                .map(row -> row.get("id", Long.class)).one().block();
        String old = "old-" + UUID.randomUUID();
        String young = "young-" + UUID.randomUUID();
        Instant now = Instant.now();
        claim(account, old, now.minus(Duration.ofHours(25)));
        claim(account, young, now.minus(Duration.ofHours(23)));

        assertThat(keys.sweep().block()).isPositive();

        assertThat(exists(account, old)).isFalse();
        assertThat(exists(account, young)).isTrue();
    }

    private void claim(long account, String key, Instant at) {
        database.sql("INSERT INTO idempotent_request (account_id, idempotency_key, request_hash, created_at) "
                        + "VALUES (:account, :key, :hash, :at)")
                .bind("account", account).bind("key", key).bind("hash", "0".repeat(64)).bind("at", at)
                .then().block();
    }

    private boolean exists(long account, String key) {
        return database.sql("SELECT COUNT(*) FROM idempotent_request WHERE account_id = :account AND "
                        + "idempotency_key = :key")
                .bind("account", account).bind("key", key)
                .map(row -> row.get(0, Long.class)).one().block() == 1;
    }
}
