package io.jingsai.api.boards;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of board freezes ({@code board_freeze}): the stored state of each event's freeze, written with its
 * announcement on the channel {@code board_freeze}, and the lock a freeze takes on the event.
 */
@Component
class BoardFreezeStore {

    /** The channel every change of a freeze state is announced on (the event's id), delivered at commit. */
    static final String CHANNEL = "board_freeze";

    /**
     * Every writer of results holds the event's row shared (marks, deductions, records, absences) or locked
     * (withdrawals, steps of the event's life) while it writes: this lock waits for those under way and keeps new
     * ones out until the freeze commits, so that the results a freeze reads are exactly those committed before it.
     */
    private static final String LOCK_EVENT = "SELECT status FROM event WHERE id = :eventId FOR NO KEY UPDATE";

    private static final String EVENT_STATUS = "SELECT status FROM event WHERE id = :eventId";

    private static final String STATE = """
            SELECT event_id, revision, frozen_at, scheduled_at, changed_by, changed_at%s
            FROM board_freeze WHERE event_id = :eventId""";

    private static final String REVISIONS = "SELECT event_id, revision FROM board_freeze WHERE event_id = ANY(:ids)";

    /** The row and its announcement, in one statement; PostgreSQL delivers the notification at commit. */
    private static final String WRITE = """
            WITH written AS (
                INSERT INTO board_freeze (event_id, revision, frozen_at, results, scheduled_at, changed_by, changed_at)
                VALUES (:eventId, 1, :frozenAt, :results, :scheduledAt, :changedBy, :changedAt)
                ON CONFLICT (event_id) DO UPDATE SET
                    revision = board_freeze.revision + 1, frozen_at = EXCLUDED.frozen_at,
                    results = EXCLUDED.results, scheduled_at = EXCLUDED.scheduled_at,
                    changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
                RETURNING event_id, revision)
            SELECT revision, pg_notify('board_freeze', event_id::text) FROM written""";

    private static final String SCHEDULED = "SELECT event_id, scheduled_at FROM board_freeze "
            + "WHERE scheduled_at IS NOT NULL";

    private static final TypeReference<List<FrozenResult>> RESULTS = new TypeReference<>() { };

    /** A freeze to be taken. */
    record Scheduled(long eventId, Instant at) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    BoardFreezeStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The event's status, its row locked against writers of results until the transaction ends; empty: none. */
    Mono<EventStatus> lockEvent(long eventId) {
        return status(LOCK_EVENT, eventId);
    }

    /** The event's status, without a lock; empty if there is no such event. */
    Mono<EventStatus> eventStatus(long eventId) {
        return status(EVENT_STATUS, eventId);
    }

    private Mono<EventStatus> status(String sql, long eventId) {
        return database.sql(sql).bind("eventId", eventId)
                .map(row -> EventStatus.valueOf(row.get("status", String.class)))
                .one();
    }

    /** The freeze state without the frozen results (a board never frozen: revision 0). */
    Mono<BoardFreeze> state(long eventId) {
        return read(eventId, "", false);
    }

    /** The freeze state, its row locked until the transaction ends, without the frozen results. */
    Mono<BoardFreeze> lockState(long eventId) {
        return read(eventId, " FOR UPDATE", false);
    }

    /** The freeze state with the frozen results, what a board takes. */
    Mono<BoardFreeze> stateWithResults(long eventId) {
        return read(eventId, "", true);
    }

    private Mono<BoardFreeze> read(long eventId, String lock, boolean withResults) {
        return database.sql(STATE.formatted(withResults ? ", results" : "") + lock)
                .bind("eventId", eventId)
                .map(row -> freeze(row, withResults))
                .one()
                .defaultIfEmpty(BoardFreeze.none(eventId));
    }

    private BoardFreeze freeze(Readable row, boolean withResults) {
        long eventId = row.get("event_id", Long.class);
        String results = withResults ? row.get("results", String.class) : null;
        List<FrozenResult> frozen = results == null ? List.of() : json.readValue(results, RESULTS);
        return new BoardFreeze(eventId, row.get("revision", Long.class), row.get("frozen_at", Instant.class),
                frozen.stream().map(result -> result.result(eventId)).toList(),
                row.get("scheduled_at", Instant.class), row.get("changed_by", String.class),
                row.get("changed_at", Instant.class));
    }

    /** The revisions of these events' freeze states (events never frozen are left out). */
    Mono<Map<Long, Long>> revisions(Collection<Long> eventIds) {
        return database.sql(REVISIONS).bind("ids", eventIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("event_id", Long.class), row.get("revision", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Stores the next state of the event's freeze (its revision is the stored one's next) and announces it. */
    Mono<Long> write(BoardFreeze next) {
        DatabaseClient.GenericExecuteSpec sql = database.sql(WRITE)
                .bind("eventId", next.eventId())
                .bind("changedBy", next.changedBy())
                .bind("changedAt", next.changedAt());
        sql = next.frozenAt() == null ? sql.bindNull("frozenAt", Instant.class).bindNull("results", String.class)
                : sql.bind("frozenAt", next.frozenAt()).bind("results", json.writeValueAsString(
                        next.results().stream().map(FrozenResult::of).toList()));
        sql = next.scheduledAt() == null ? sql.bindNull("scheduledAt", Instant.class)
                : sql.bind("scheduledAt", next.scheduledAt());
        return sql.map(row -> row.get("revision", Long.class)).one();
    }

    /** Every freeze still to be taken, of any event. */
    Flux<Scheduled> scheduled() {
        return database.sql(SCHEDULED)
                .map(row -> new Scheduled(row.get("event_id", Long.class), row.get("scheduled_at", Instant.class)))
                .all();
    }
}
