package io.jingsai.api.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The account, account_grant and auth_session tables; SQL only, no rules. */
@Component
class AccountStore {

    /** An account as stored; the hash never leaves this package. */
    record StoredAccount(long id, String username, String displayName, Long judgeId, String passwordHash,
                         boolean passwordChangeRequired, long version, Instant createdAt, Instant updatedAt) {
    }

    record StoredSession(UUID id, long accountId, Instant expiresAt, Instant revokedAt) {
    }

    private static final String ACCOUNT_COLUMNS = "id, username, display_name, judge_id, password_hash, "
            + "password_change_required, version, created_at, updated_at";

    private final DatabaseClient database;

    AccountStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<StoredAccount> byUsername(String username) {
        return database.sql("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE lower(username) = lower(:username)")
                .bind("username", username).map((Readable row) -> account(row)).one();
    }

    Mono<StoredAccount> byId(long id) {
        return database.sql("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id).map((Readable row) -> account(row)).one();
    }

    Mono<StoredAccount> byJudge(long judgeId) {
        return database.sql("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE judge_id = :judge")
                .bind("judge", judgeId).map((Readable row) -> account(row)).one();
    }

    Flux<Grant> grants(long accountId) {
        return database.sql("SELECT g.role, g.programme_id, g.event_id, e.programme_id AS event_programme_id "
                        + "FROM account_grant g LEFT JOIN event e ON e.id = g.event_id WHERE g.account_id = :id "
                        + "ORDER BY g.role, g.programme_id, g.event_id")
                .bind("id", accountId)
                .map(row -> new Grant(Role.valueOf(row.get("role", String.class)),
                        row.get("programme_id", Long.class), row.get("event_id", Long.class),
                        row.get("event_programme_id", Long.class)))
                .all();
    }

    Mono<Long> insert(String username, String displayName, Long judgeId, String hash, boolean changeRequired,
                      String createdBy, Instant now) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("INSERT INTO account (username, display_name, "
                        + "judge_id, password_hash, password_change_required, password_changed_at, created_by, "
                        + "created_at, updated_at) VALUES (:username, :display, :judge, :hash, :change, :now, :by, "
                        + ":now, :now) RETURNING id")
                .bind("username", username).bind("hash", hash).bind("change", changeRequired).bind("now", at(now))
                .bind("by", createdBy);
        insert = displayName == null ? insert.bindNull("display", String.class) : insert.bind("display", displayName);
        insert = judgeId == null ? insert.bindNull("judge", Long.class) : insert.bind("judge", judgeId);
        return insert.map(row -> row.get("id", Long.class)).one();
    }

    Mono<Void> addGrant(long accountId, Grant grant, Instant now) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("INSERT INTO account_grant (account_id, role, "
                        + "programme_id, event_id, created_at) VALUES (:account, :role, :programme, :event, :now) "
                        + "ON CONFLICT DO NOTHING")
                .bind("account", accountId).bind("role", grant.role().name()).bind("now", at(now));
        insert = grant.programmeId() == null ? insert.bindNull("programme", Long.class)
                : insert.bind("programme", grant.programmeId());
        insert = grant.eventId() == null ? insert.bindNull("event", Long.class) : insert.bind("event", grant.eventId());
        return insert.then();
    }

    Mono<Void> setPassword(long accountId, String hash, boolean changeRequired, Instant now) {
        return database.sql("UPDATE account SET password_hash = :hash, password_change_required = :change, "
                        + "password_changed_at = :now, updated_at = :now, version = version + 1 WHERE id = :id")
                .bind("hash", hash).bind("change", changeRequired).bind("now", at(now)).bind("id", accountId)
                .then();
    }

    /** The ids of the accounts that hold a grant on one of these programmes or their events. */
    Flux<StoredAccount> page(List<Long> programmeIds, boolean everyone, int limit, long offset) {
        String where = everyone ? "" : " WHERE a.id IN (" + IN_PROGRAMMES + ")";
        DatabaseClient.GenericExecuteSpec query = database.sql("SELECT " + prefixed() + " FROM account a" + where
                        + " ORDER BY a.username, a.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        if (!everyone) {
            query = query.bind("programmes", programmeIds.toArray(Long[]::new));
        }
        return query.map((Readable row) -> account(row)).all();
    }

    Mono<Long> count(List<Long> programmeIds, boolean everyone) {
        String where = everyone ? "" : " WHERE a.id IN (" + IN_PROGRAMMES + ")";
        DatabaseClient.GenericExecuteSpec query = database.sql("SELECT count(*) AS total FROM account a" + where);
        if (!everyone) {
            query = query.bind("programmes", programmeIds.toArray(Long[]::new));
        }
        return query.map(row -> row.get("total", Long.class)).one();
    }

    private static final String IN_PROGRAMMES = "SELECT g.account_id FROM account_grant g LEFT JOIN event e "
            + "ON e.id = g.event_id WHERE g.programme_id = ANY(:programmes) OR e.programme_id = ANY(:programmes)";

    private static String prefixed() {
        return "a." + ACCOUNT_COLUMNS.replace(", ", ", a.");
    }

    Mono<Boolean> programmeExists(long programmeId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM programme WHERE id = :id) AS found").bind("id", programmeId)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class))).one();
    }

    /** The programme of an event, or empty if there is no such event. */
    Mono<Long> programmeOfEvent(long eventId) {
        return database.sql("SELECT programme_id FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("programme_id", Long.class)).one();
    }

    Flux<Long> existingJudges(List<Long> judgeIds) {
        return database.sql("SELECT id FROM judge WHERE id = ANY(:ids)").bind("ids", judgeIds.toArray(Long[]::new))
                .map(row -> row.get("id", Long.class)).all();
    }

    Mono<String> judgeName(long judgeId) {
        return database.sql("SELECT name FROM judge WHERE id = :id").bind("id", judgeId)
                .map(row -> row.get("name", String.class)).one();
    }

    // --- sessions ---

    Mono<Void> insertSession(UUID id, long accountId, String refreshHash, Instant now, Instant expiresAt) {
        return database.sql("INSERT INTO auth_session (id, account_id, refresh_hash, created_at, expires_at) "
                        + "VALUES (:id, :account, :hash, :now, :expires)")
                .bind("id", id).bind("account", accountId).bind("hash", refreshHash).bind("now", at(now))
                .bind("expires", at(expiresAt)).then();
    }

    Mono<StoredSession> session(UUID id) {
        return database.sql("SELECT id, account_id, expires_at, revoked_at FROM auth_session WHERE id = :id")
                .bind("id", id).map((Readable row) -> session(row)).one();
    }

    /** Replaces the refresh token of a live session, if {@code oldHash} is still its token; the session, if so. */
    Mono<StoredSession> rotate(String oldHash, String newHash, Instant now) {
        return database.sql("UPDATE auth_session SET refresh_hash = :new WHERE refresh_hash = :old "
                        + "AND revoked_at IS NULL AND expires_at > :now "
                        + "RETURNING id, account_id, expires_at, revoked_at")
                .bind("new", newHash).bind("old", oldHash).bind("now", at(now))
                .map((Readable row) -> session(row)).one();
    }

    Mono<Void> revokeSession(UUID id, Instant now) {
        return database.sql("UPDATE auth_session SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", at(now)).bind("id", id).then();
    }

    Mono<Void> revokeSessionsOf(long accountId, Instant now) {
        return database.sql("UPDATE auth_session SET revoked_at = :now WHERE account_id = :id AND revoked_at IS NULL")
                .bind("now", at(now)).bind("id", accountId).then();
    }

    private static StoredAccount account(Readable row) {
        return new StoredAccount(row.get("id", Long.class), row.get("username", String.class),
                row.get("display_name", String.class), row.get("judge_id", Long.class),
                row.get("password_hash", String.class),
                Boolean.TRUE.equals(row.get("password_change_required", Boolean.class)),
                row.get("version", Long.class), instant(row, "created_at"), instant(row, "updated_at"));
    }

    private static StoredSession session(Readable row) {
        return new StoredSession(row.get("id", UUID.class), row.get("account_id", Long.class),
                instant(row, "expires_at"), instant(row, "revoked_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
