package io.jingsai.api.result;

import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of the final standings under review: the snapshot of each event's places ({@code final_standings}) and
 * the log of what changed for whom ({@code standing_change}).
 */
@Component
class ReviewStore {

    private static final TypeReference<List<StandingChangeView.Placing>> PLACINGS = new TypeReference<>() { };

    /** An event's snapshot: its places, and the last result change they include. */
    record Snapshot(List<StandingChangeView.Placing> places, long lastChangeId) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    ReviewStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The event's snapshot, locked, whatever the event's status; empty when it never went out for review. */
    Mono<Snapshot> lock(long eventId) {
        return database.sql("SELECT entries::text AS entries, last_change_id FROM final_standings "
                        + "WHERE event_id = :id FOR UPDATE")
                .bind("id", eventId)
                .map(this::snapshot)
                .one();
    }

    /**
     * The event's snapshot, locked, if the event's status is one of {@code statuses}; empty otherwise (no lock is
     * taken then, so that marking never waits here).
     */
    Mono<Snapshot> lockWhile(long eventId, List<String> statuses) {
        return database.sql("""
                        SELECT f.entries::text AS entries, f.last_change_id
                        FROM final_standings f JOIN event e ON e.id = f.event_id
                        WHERE f.event_id = :id AND e.status = ANY(:statuses)
                        FOR UPDATE OF f""")
                .bind("id", eventId).bind("statuses", statuses.toArray(String[]::new))
                .map(this::snapshot)
                .one();
    }

    Mono<Void> keep(long eventId, List<StandingChangeView.Placing> places, long lastChangeId, Instant now) {
        return database.sql("""
                        INSERT INTO final_standings (event_id, entries, last_change_id, taken_at, updated_at)
                        VALUES (:id, CAST(:entries AS JSONB), :last, :now, :now)
                        ON CONFLICT (event_id) DO UPDATE SET entries = EXCLUDED.entries,
                            last_change_id = EXCLUDED.last_change_id, updated_at = EXCLUDED.updated_at""")
                .bind("id", eventId).bind("entries", json.writeValueAsString(places))
                .bind("last", lastChangeId).bind("now", now)
                .then();
    }

    /** The event's result changes after {@code afterId}, in order. */
    Flux<StandingChangeView.ResultChangeRef> resultChangesAfter(long eventId, long afterId) {
        return database.sql("SELECT id, registration_id, result_version FROM result_change "
                        + "WHERE event_id = :id AND id > :after ORDER BY id")
                .bind("id", eventId).bind("after", afterId)
                .map(row -> new StandingChangeView.ResultChangeRef(row.get("id", Long.class),
                        row.get("registration_id", Long.class), row.get("result_version", Long.class)))
                .all();
    }

    Mono<Void> record(long eventId, StandingChangeView change) {
        long registrationId = change.registrationId();
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO standing_change (event_id, registration_id, before, after, cause, changed_at)
                        VALUES (:eventId, :registrationId, CAST(:before AS JSONB), CAST(:after AS JSONB),
                                CAST(:cause AS JSONB), :at)""")
                .bind("eventId", eventId).bind("registrationId", registrationId)
                .bind("cause", json.writeValueAsString(change.cause()))
                .bind("at", change.changedAt());
        insert = bindPlacing(insert, "before", change.before());
        return bindPlacing(insert, "after", change.after()).then();
    }

    private DatabaseClient.GenericExecuteSpec bindPlacing(DatabaseClient.GenericExecuteSpec spec, String name,
                                                          StandingChangeView.Placing placing) {
        return placing == null ? spec.bindNull(name, String.class) : spec.bind(name, json.writeValueAsString(placing));
    }

    Flux<StandingChangeView> changes(long eventId) {
        return database.sql("""
                        SELECT c.id, c.registration_id, r.registration_number, c.before::text AS before,
                               c.after::text AS after, c.cause::text AS cause, c.changed_at
                        FROM standing_change c JOIN registration r ON r.id = c.registration_id
                        WHERE c.event_id = :id ORDER BY c.id""")
                .bind("id", eventId)
                .map(this::change)
                .all();
    }

    private StandingChangeView change(Readable row) {
        return new StandingChangeView(row.get("id", Long.class), row.get("registration_id", Long.class),
                row.get("registration_number", Integer.class), placing(row.get("before", String.class)),
                placing(row.get("after", String.class)),
                json.readValue(row.get("cause", String.class), StandingChangeView.Cause.class),
                row.get("changed_at", Instant.class));
    }

    private StandingChangeView.Placing placing(String stored) {
        return stored == null ? null : json.readValue(stored, StandingChangeView.Placing.class);
    }

    private Snapshot snapshot(Readable row) {
        return new Snapshot(json.readValue(row.get("entries", String.class), PLACINGS),
                row.get("last_change_id", Long.class));
    }
}
