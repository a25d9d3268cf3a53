package io.jingsai.api.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.registration.RegistrationStatus;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of results: the current marks they are computed from (the marks of each sheet's current version) with the
 * entries' deductions and disqualifications, the stored results, and the outbox of their changes.
 */
@Component
class ResultStore {

    private static final String CURRENT_MARKS = """
            SELECT s.registration_id, s.judge_id, m.aspect_id, m.value
            FROM score_sheet s JOIN mark m ON m.sheet_id = s.id AND m.sheet_version = s.version
            WHERE %s ORDER BY s.registration_id, m.aspect_id, s.judge_id""";

    private static final String PENALTIES = """
            SELECT registration_id, aspect_id, points, reason, judge_id, status, decided_by_judge, decided_at
            FROM penalty WHERE %s ORDER BY registration_id, id""";

    /**
     * The result stored as its next version, and the change in the outbox with its announcement, in one statement;
     * PostgreSQL delivers the notification at commit.
     */
    private static final String SAVE = """
            WITH saved AS (
                INSERT INTO entry_result (registration_id, event_id, status, exact_total, total, components, aspects,
                                          holds, standing, sheets, rules_version, version, computed_at)
                VALUES (:registrationId, :eventId, :status, :exactTotal, :total, :components, :aspects, :holds,
                        :standing, :sheets, :rulesVersion, 0, :now)
                ON CONFLICT (registration_id) DO UPDATE SET
                    status = EXCLUDED.status, exact_total = EXCLUDED.exact_total, total = EXCLUDED.total,
                    components = EXCLUDED.components, aspects = EXCLUDED.aspects, holds = EXCLUDED.holds,
                    standing = EXCLUDED.standing, sheets = EXCLUDED.sheets, rules_version = EXCLUDED.rules_version,
                    version = entry_result.version + 1, computed_at = EXCLUDED.computed_at
                RETURNING version),
            change AS (
                INSERT INTO result_change (event_id, registration_id, result_version, changed_at)
                SELECT :eventId, :registrationId, version, :now FROM saved
                RETURNING id, event_id, registration_id, result_version)
            SELECT id, result_version, pg_notify('result_change', json_build_object('id', id, 'eventId', event_id,
                             'registrationId', registration_id, 'resultVersion', result_version)::text)
            FROM change""";

    /**
     * What one entry's result is computed from, in one statement: the registration, its current marks (as one JSON
     * array of {@code [judge, aspect, value]}, in the order of {@link #CURRENT_MARKS}, so that a sheet's marks are
     * not decoded row by row: an entry of a large panel has hundreds), what officials recorded about it, whether
     * it has any deduction or disqualification (rare; read only then), and the event's status.
     */
    private static final String ENTRY_INPUTS = """
            SELECT r.id, r.event_id, r.registration_number, r.station_number, r.status,
                   (SELECT json_agg(json_build_array(s.judge_id, m.aspect_id, m.value) ORDER BY m.aspect_id, s.judge_id)
                    FROM score_sheet s JOIN mark m ON m.sheet_id = s.id AND m.sheet_version = s.version
                    WHERE s.registration_id = r.id)::text AS marks,
                   er.registration_id IS NOT NULL AS recorded, er.completion_seconds, er.difficulty,
                   EXISTS (SELECT 1 FROM penalty p WHERE p.registration_id = r.id) AS penalised,
                   e.status AS event_status
            FROM registration r JOIN event e ON e.id = r.event_id
                 LEFT JOIN entry_record er ON er.registration_id = r.id
            WHERE r.id = :id AND r.event_id = :eventId""";

    private static final String RESULT_COLUMNS = """
            er.registration_id, er.event_id, er.status, er.exact_total, er.total, er.components, er.aspects, er.holds,
            er.standing, er.sheets, er.rules_version, er.version, er.computed_at, r.registration_number,
            r.station_number, r.status AS registration_status""";

    /** The channel {@code result_change} announcements go to. */
    static final String CHANNEL = "result_change";

    private static final String RECORDS = """
            SELECT registration_id, completion_seconds, difficulty FROM entry_record WHERE %s""";

    private static final TypeReference<Map<String, BigDecimal>> COMPONENTS = new TypeReference<>() { };
    private static final TypeReference<List<AspectResultView>> ASPECTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> HOLDS = new TypeReference<>() { };

    /** A registration as results need it. */
    record Entry(long id, long eventId, int number, String station, RegistrationStatus status) {
    }

    /**
     * What one entry's result is computed from, but its deductions (read only when {@code penalised}), with the
     * status of its event.
     */
    record EntryInputs(Entry entry, List<ComputedResult.Mark> marks, EntryRecord record, boolean penalised,
                       EventStatus eventStatus) {
    }

    /** What saving a result wrote: its version and the outbox row that records the change. */
    record Saved(long version, long changeId) {
    }

    /** A stored result with its registration. */
    record Stored(Entry entry, ComputedResult result, long rulesVersion, long version, Instant computedAt) {
    }

    private final DatabaseClient database;
    private final JsonMapper json;

    ResultStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Flux<Entry> entries(long eventId) {
        return database.sql("SELECT id, event_id, registration_number, station_number, status FROM registration "
                        + "WHERE event_id = :eventId ORDER BY registration_number")
                .bind("eventId", eventId)
                .map(ResultStore::entry)
                .all();
    }

    Mono<Entry> entry(long eventId, long registrationId) {
        return database.sql("SELECT id, event_id, registration_number, station_number, status FROM registration "
                        + "WHERE id = :id AND event_id = :eventId")
                .bind("id", registrationId).bind("eventId", eventId)
                .map(ResultStore::entry)
                .one();
    }

    /** What one entry's result is computed from; empty when the event has no such registration. */
    Mono<EntryInputs> inputs(long eventId, long registrationId) {
        return database.sql(ENTRY_INPUTS)
                .bind("id", registrationId).bind("eventId", eventId)
                .map(row -> new EntryInputs(entry(row), marks(row.get("marks", String.class)),
                        Boolean.TRUE.equals(row.get("recorded", Boolean.class)) ? record(row) : EntryRecord.NONE,
                        Boolean.TRUE.equals(row.get("penalised", Boolean.class)),
                        EventStatus.valueOf(row.get("event_status", String.class))))
                .one();
    }

    /** The marks {@link #ENTRY_INPUTS} reads, each value exactly as stored (its decimal text, never a double). */
    private List<ComputedResult.Mark> marks(String array) {
        if (array == null) {
            return List.of();
        }
        List<ComputedResult.Mark> marks = new ArrayList<>();
        try (JsonParser parser = json.createParser(array)) {
            parser.nextToken(); // the outer array
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                parser.nextToken();
                long judgeId = parser.getLongValue();
                parser.nextToken();
                String aspectId = parser.getString();
                parser.nextToken();
                BigDecimal value = new BigDecimal(parser.getString());
                parser.nextToken(); // the mark's end
                marks.add(new ComputedResult.Mark(judgeId, aspectId, value));
            }
        }
        return marks;
    }

    /** The current marks of every entry of the event, with the entry each belongs to. */
    Flux<Map.Entry<Long, ComputedResult.Mark>> marksOfEvent(long eventId) {
        return database.sql(CURRENT_MARKS.formatted("s.event_id = :id"))
                .bind("id", eventId)
                .map(row -> Map.entry(row.get("registration_id", Long.class), mark(row)))
                .all();
    }

    /** What officials recorded about the event's entries, by registration id (entries without a record left out). */
    Mono<Map<Long, EntryRecord>> recordsOfEvent(long eventId) {
        return database.sql(RECORDS.formatted("event_id = :id"))
                .bind("id", eventId)
                .map(row -> Map.entry(row.get("registration_id", Long.class), record(row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private EntryRecord record(Readable row) {
        return new EntryRecord(row.get("completion_seconds", BigDecimal.class),
                json.readValue(row.get("difficulty", String.class), COMPONENTS));
    }

    /** The deductions and disqualifications of one entry, whatever their status, in the order recorded. */
    Flux<ComputedResult.Penalty> penalties(long registrationId) {
        return database.sql(PENALTIES.formatted("registration_id = :id"))
                .bind("id", registrationId)
                .map(ResultStore::penalty)
                .all();
    }

    /** The deductions and disqualifications of every entry of the event, with the entry each belongs to. */
    Flux<Map.Entry<Long, ComputedResult.Penalty>> penaltiesOfEvent(long eventId) {
        return database.sql(PENALTIES.formatted("event_id = :id"))
                .bind("id", eventId)
                .map(row -> Map.entry(row.get("registration_id", Long.class), penalty(row)))
                .all();
    }

    /** Stores the entry's result as its next version and records the change in the outbox. */
    Mono<Saved> save(Entry entry, ComputedResult result, long rulesVersion, Instant now) {
        return database.sql(SAVE)
                .bind("registrationId", entry.id()).bind("eventId", entry.eventId())
                .bind("status", result.status().name()).bind("exactTotal", result.exactTotal())
                .bind("total", result.total())
                .bind("components", json.writeValueAsString(result.components()))
                .bind("aspects", json.writeValueAsString(result.aspects()))
                .bind("holds", json.writeValueAsString(result.holds()))
                .bind("standing", json.writeValueAsString(result.standing()))
                .bind("sheets", result.sheets()).bind("rulesVersion", rulesVersion).bind("now", now)
                .map(row -> new Saved(row.get("result_version", Long.class), row.get("id", Long.class)))
                .one();
    }

    /** The id of the event's latest result change, 0 when there is none. */
    Mono<Long> lastChangeId(long eventId) {
        return database.sql("SELECT COALESCE(MAX(id), 0) AS last FROM result_change WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("last", Long.class))
                .one();
    }

    /** The event's status; empty if there is no such event. */
    Mono<EventStatus> eventStatus(long eventId) {
        return database.sql("SELECT status FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> EventStatus.valueOf(row.get("status", String.class)))
                .one();
    }

    Mono<Stored> stored(long eventId, long registrationId) {
        return database.sql("SELECT " + RESULT_COLUMNS + " FROM entry_result er JOIN registration r "
                        + "ON r.id = er.registration_id WHERE er.registration_id = :id AND er.event_id = :eventId")
                .bind("id", registrationId).bind("eventId", eventId)
                .map((Readable row) -> stored(row))
                .one();
    }

    /**
     * The current results of the event's entries, of every entry that has one when {@code registrationIds} is null,
     * in one statement; only what following a result needs is read and decoded (not the aspects, components or
     * holds: the boards read these results on every change).
     */
    Flux<CurrentResults.CurrentResult> current(long eventId, Collection<Long> registrationIds) {
        String which = registrationIds == null ? "" : " AND er.registration_id = ANY(:ids)";
        DatabaseClient.GenericExecuteSpec sql = database.sql("SELECT er.registration_id, er.event_id, er.status, "
                        + "er.total, er.standing, er.version, r.registration_number, r.station_number, "
                        + "r.status AS registration_status FROM entry_result er JOIN registration r "
                        + "ON r.id = er.registration_id WHERE er.event_id = :eventId" + which
                        + " ORDER BY r.registration_number")
                .bind("eventId", eventId);
        if (registrationIds != null) {
            sql = sql.bind("ids", registrationIds.toArray(Long[]::new));
        }
        return sql.map((Readable row) -> {
            int number = row.get("registration_number", Integer.class);
            return new CurrentResults.CurrentResult(eventId, row.get("registration_id", Long.class), number,
                    row.get("station_number", String.class),
                    RegistrationStatus.valueOf(row.get("registration_status", String.class)),
                    EntryResultStatus.valueOf(row.get("status", String.class)), row.get("total", BigDecimal.class),
                    json.readValue(row.get("standing", String.class), ComputedResult.StandingValues.class)
                            .standing(number),
                    row.get("version", Long.class));
        }).all();
    }

    Flux<Stored> storedOfEvent(long eventId) {
        return database.sql("SELECT " + RESULT_COLUMNS + " FROM entry_result er JOIN registration r "
                        + "ON r.id = er.registration_id WHERE er.event_id = :eventId ORDER BY r.registration_number")
                .bind("eventId", eventId)
                .map((Readable row) -> stored(row))
                .all();
    }

    private Stored stored(Readable row) {
        Entry entry = new Entry(row.get("registration_id", Long.class), row.get("event_id", Long.class),
                row.get("registration_number", Integer.class), row.get("station_number", String.class),
                RegistrationStatus.valueOf(row.get("registration_status", String.class)));
        ComputedResult result = new ComputedResult(EntryResultStatus.valueOf(row.get("status", String.class)),
                row.get("exact_total", String.class), row.get("total", BigDecimal.class),
                json.readValue(row.get("components", String.class), COMPONENTS),
                json.readValue(row.get("aspects", String.class), ASPECTS),
                json.readValue(row.get("holds", String.class), HOLDS),
                json.readValue(row.get("standing", String.class), ComputedResult.StandingValues.class),
                row.get("sheets", Integer.class));
        return new Stored(entry, result, row.get("rules_version", Long.class), row.get("version", Long.class),
                row.get("computed_at", Instant.class));
    }

    /** A part of a result as it is stored (JSON), for comparing a stored result with a recomputed one. */
    String fingerprint(Object part) {
        return json.writeValueAsString(part);
    }

    private static Entry entry(Readable row) {
        return new Entry(row.get("id", Long.class), row.get("event_id", Long.class),
                row.get("registration_number", Integer.class), row.get("station_number", String.class),
                RegistrationStatus.valueOf(row.get("status", String.class)));
    }

    private static ComputedResult.Penalty penalty(Readable row) {
        return new ComputedResult.Penalty(row.get("aspect_id", String.class), row.get("points", BigDecimal.class),
                row.get("reason", String.class), row.get("judge_id", Long.class), row.get("status", String.class),
                row.get("decided_by_judge", Long.class), row.get("decided_at", Instant.class));
    }

    private static ComputedResult.Mark mark(Readable row) {
        return new ComputedResult.Mark(row.get("judge_id", Long.class), row.get("aspect_id", String.class),
                row.get("value", BigDecimal.class));
    }
}
