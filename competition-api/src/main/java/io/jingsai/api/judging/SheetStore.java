package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.judging.ScoreSheetView.MarkView;
import io.jingsai.api.shared.ConflictException;
import reactor.core.publisher.Mono;

/**
 * The SQL of judges' score sheets ({@code score_sheet}, {@code mark}): a judge's current sheets for entries with their
 * marks, and the next versions of many sheets with their marks, each one statement. A sheet's version is a whole
 * sheet: every version's marks are kept, and the current ones are those of the sheet's version.
 */
@Component
class SheetStore {

    /** The current sheets, each with the marks of its version (none: one row of nulls) in the judge's order. */
    private static final String CURRENT = """
            SELECT s.id, s.registration_id, s.version, s.submitted_at, s.submitted_by, m.aspect_id, m.value
            FROM score_sheet s LEFT JOIN mark m ON m.sheet_id = s.id AND m.sheet_version = s.version
            WHERE s.judge_id = :judgeId AND s.registration_id = ANY(CAST(:registrations AS BIGINT[]))
            ORDER BY s.id, m.position""";

    /**
     * First sheets inserted (a judge's existing sheet is left alone and not returned), sheets replaced only from the
     * version read (a sheet changed meanwhile is not updated and not returned), and the marks of every sheet written,
     * matched by registration: one statement, so that a sheet and its marks cost one round trip.
     */
    private static final String WRITE = """
            WITH inserted AS (
                INSERT INTO score_sheet (event_id, registration_id, judge_id, version, submitted_at, submitted_by)
                SELECT :eventId, r.id, :judgeId, 0, :now, :by FROM unnest(CAST(:firsts AS BIGINT[])) AS r (id)
                ON CONFLICT (registration_id, judge_id) DO NOTHING
                RETURNING id, registration_id, version
            ), updated AS (
                UPDATE score_sheet s SET version = s.version + 1, submitted_at = :now, submitted_by = :by
                FROM unnest(CAST(:sheets AS BIGINT[]), CAST(:versions AS BIGINT[])) AS u (id, version)
                WHERE s.id = u.id AND s.version = u.version
                RETURNING s.id, s.registration_id, s.version
            ), written AS (
                SELECT * FROM inserted UNION ALL SELECT * FROM updated
            ), marks AS (
                INSERT INTO mark (sheet_id, sheet_version, position, aspect_id, value)
                SELECT w.id, w.version, m.position, m.aspect_id, CAST(m.value AS NUMERIC)
                FROM written w
                     JOIN unnest(CAST(:markEntries AS BIGINT[]), CAST(:positions AS INT[]),
                                 CAST(:aspects AS TEXT[]), CAST(:values AS TEXT[]))
                          AS m (registration_id, position, aspect_id, value)
                     ON m.registration_id = w.registration_id
            )
            SELECT id, registration_id, version FROM written""";

    private final DatabaseClient database;

    SheetStore(DatabaseClient database) {
        this.database = database;
    }

    /** A version of a judge's sheet for an entry. */
    record Sheet(long id, long registrationId, long version, Instant submittedAt, String submittedBy) {
    }

    /** A judge's current sheet with the marks of its version, in the order the judge gave them. */
    record Marked(Sheet sheet, List<MarkView> marks) {

        Marked {
            marks = List.copyOf(marks);
        }
    }

    /** A sheet's next version to write: a first sheet ({@code current} null) or the replacement of {@code current}. */
    record Next(long registrationId, Sheet current, List<MarkView> marks) {

        Next {
            marks = List.copyOf(marks);
        }
    }

    /** The judge's current sheet for the entry, with its marks, if any. */
    Mono<Marked> current(long registrationId, long judgeId) {
        return current(judgeId, List.of(registrationId))
                .flatMap(sheets -> Mono.justOrEmpty(sheets.get(registrationId)));
    }

    /** The judge's current sheets for these entries, with their marks, by registration (entries without: left out). */
    Mono<Map<Long, Marked>> current(long judgeId, Collection<Long> registrationIds) {
        return database.sql(CURRENT)
                .bind("judgeId", judgeId).bind("registrations", registrationIds.toArray(Long[]::new))
                .map(row -> Map.entry(
                        new Sheet(row.get("id", Long.class), row.get("registration_id", Long.class),
                                row.get("version", Long.class), row.get("submitted_at", Instant.class),
                                row.get("submitted_by", String.class)),
                        Optional.ofNullable(row.get("aspect_id", String.class))
                                .map(aspect -> new MarkView(aspect, row.get("value", BigDecimal.class)))))
                .all()
                .collect(LinkedHashMap<Sheet, List<MarkView>>::new, (bySheet, row) -> {
                    List<MarkView> marks = bySheet.computeIfAbsent(row.getKey(), sheet -> new ArrayList<>());
                    row.getValue().ifPresent(marks::add);
                })
                .map(bySheet -> bySheet.entrySet().stream().collect(Collectors.toMap(
                        sheet -> sheet.getKey().registrationId(),
                        sheet -> new Marked(sheet.getKey(), sheet.getValue()))));
    }

    /**
     * Writes the next versions of the judge's sheets with their marks, in one statement; completes with each sheet as
     * stored now, in the order given. 409 {@code scoreSheet.exists} (naming the first such entry and its sheet's
     * version) if a first sheet is for an entry the judge has a sheet for already, so that a caller need not look
     * first; 409 {@code scoreSheet.changedMeanwhile} if a replaced sheet is no longer at the version read. A refused
     * write leaves rows the caller's transaction must roll back.
     */
    Mono<List<Sheet>> write(long eventId, long judgeId, List<Next> sheets, Instant now, String by) {
        if (sheets.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Long> firsts = new ArrayList<>();
        List<Sheet> replaced = new ArrayList<>();
        sheets.forEach(next -> {
            if (next.current() == null) {
                firsts.add(next.registrationId());
            } else {
                replaced.add(next.current());
            }
        });
        return bindMarks(database.sql(WRITE), sheets)
                .bind("eventId", eventId).bind("judgeId", judgeId).bind("now", now).bind("by", by)
                .bind("firsts", firsts.toArray(Long[]::new))
                .bind("sheets", replaced.stream().map(Sheet::id).toArray(Long[]::new))
                .bind("versions", replaced.stream().map(Sheet::version).toArray(Long[]::new))
                .map(row -> new Sheet(row.get("id", Long.class), row.get("registration_id", Long.class),
                        row.get("version", Long.class), now, by))
                .all()
                .collectMap(Sheet::registrationId)
                .flatMap(written -> written.size() == sheets.size()
                        ? Mono.just(sheets.stream().map(next -> written.get(next.registrationId())).toList())
                        : refused(judgeId, sheets, written));
    }

    private static DatabaseClient.GenericExecuteSpec bindMarks(DatabaseClient.GenericExecuteSpec statement,
                                                               List<Next> sheets) {
        List<Long> entries = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> aspects = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Next next : sheets) {
            for (int position = 0; position < next.marks().size(); position++) {
                entries.add(next.registrationId());
                positions.add(position + 1);
                aspects.add(next.marks().get(position).aspectId());
                values.add(next.marks().get(position).value().toPlainString());
            }
        }
        return statement.bind("markEntries", entries.toArray(Long[]::new))
                .bind("positions", positions.toArray(Integer[]::new))
                .bind("aspects", aspects.toArray(String[]::new)).bind("values", values.toArray(String[]::new));
    }

    /** Why not every sheet was written: a first sheet that exists already, else a sheet changed meanwhile. */
    private <T> Mono<T> refused(long judgeId, List<Next> sheets, Map<Long, Sheet> written) {
        return sheets.stream()
                .filter(next -> next.current() == null && !written.containsKey(next.registrationId()))
                .findFirst()
                .map(next -> current(next.registrationId(), judgeId)
                        .switchIfEmpty(Mono.error(() -> new ConflictException("scoreSheet.changedMeanwhile")))
                        .<T>flatMap(found -> Mono.error(new ConflictException("scoreSheet.exists", judgeId,
                                next.registrationId(), found.sheet().version()))))
                .orElseGet(() -> Mono.error(new ConflictException("scoreSheet.changedMeanwhile")));
    }
}
