package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.ConflictException;
import reactor.core.publisher.Mono;

/**
 * The SQL of judges' score sheets ({@code score_sheet}, {@code mark}): a judge's current sheets for entries, the marks
 * of sheet versions, and the next versions of many sheets at once, one multi-row statement per table. A sheet's
 * version is a whole sheet: every version's marks are kept, and the current ones are those of the sheet's version.
 */
@Component
class SheetStore {

    private static final String CURRENT = """
            SELECT id, registration_id, version, submitted_at, submitted_by FROM score_sheet
            WHERE judge_id = :judgeId AND registration_id = ANY(CAST(:registrations AS BIGINT[]))""";

    private static final String MARKS = """
            SELECT m.sheet_id, m.aspect_id, m.value
            FROM mark m JOIN unnest(CAST(:sheets AS BIGINT[]), CAST(:versions AS BIGINT[])) AS s (id, version)
                 ON m.sheet_id = s.id AND m.sheet_version = s.version
            ORDER BY m.sheet_id, m.position""";

    private static final String INSERT = """
            INSERT INTO score_sheet (event_id, registration_id, judge_id, version, submitted_at, submitted_by)
            SELECT :eventId, r.id, :judgeId, 0, :now, :by FROM unnest(CAST(:registrations AS BIGINT[])) AS r (id)
            ON CONFLICT (registration_id, judge_id) DO NOTHING
            RETURNING id, registration_id""";

    /** Only from the version read: a sheet changed meanwhile is not updated, and the write fails. */
    private static final String UPDATE = """
            UPDATE score_sheet s SET version = s.version + 1, submitted_at = :now, submitted_by = :by
            FROM unnest(CAST(:sheets AS BIGINT[]), CAST(:versions AS BIGINT[])) AS u (id, version)
            WHERE s.id = u.id AND s.version = u.version
            RETURNING s.id, s.registration_id, s.version""";

    private static final String INSERT_MARKS = """
            INSERT INTO mark (sheet_id, sheet_version, position, aspect_id, value)
            SELECT m.sheet_id, m.sheet_version, m.position, m.aspect_id, CAST(m.value AS NUMERIC)
            FROM unnest(CAST(:sheets AS BIGINT[]), CAST(:versions AS BIGINT[]), CAST(:positions AS INT[]),
                        CAST(:aspects AS TEXT[]), CAST(:values AS TEXT[]))
                 AS m (sheet_id, sheet_version, position, aspect_id, value)""";

    private final DatabaseClient database;

    SheetStore(DatabaseClient database) {
        this.database = database;
    }

    /** A version of a judge's sheet for an entry. */
    record Sheet(long id, long registrationId, long version, Instant submittedAt, String submittedBy) {
    }

    /** The judge's current sheet for the entry, if any. */
    Mono<Sheet> current(long registrationId, long judgeId) {
        return current(judgeId, List.of(registrationId))
                .flatMap(sheets -> Mono.justOrEmpty(sheets.get(registrationId)));
    }

    /** The judge's current sheets for these entries, by registration (entries without one are left out). */
    Mono<Map<Long, Sheet>> current(long judgeId, Collection<Long> registrationIds) {
        return database.sql(CURRENT)
                .bind("judgeId", judgeId).bind("registrations", registrationIds.toArray(Long[]::new))
                .map(row -> new Sheet(row.get("id", Long.class), row.get("registration_id", Long.class),
                        row.get("version", Long.class), row.get("submitted_at", Instant.class),
                        row.get("submitted_by", String.class)))
                .all()
                .collectMap(Sheet::registrationId);
    }

    /** The marks of the sheet's version, in the order the judge gave them. */
    Mono<List<ScoreSheetView.MarkView>> marks(Sheet sheet) {
        return marks(List.of(sheet)).map(marks -> marks.getOrDefault(sheet.id(), List.of()));
    }

    /** The marks of each of these sheet versions, by sheet id, each in the order the judge gave them. */
    Mono<Map<Long, List<ScoreSheetView.MarkView>>> marks(Collection<Sheet> sheets) {
        if (sheets.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(MARKS)
                .bind("sheets", sheets.stream().map(Sheet::id).toArray(Long[]::new))
                .bind("versions", sheets.stream().map(Sheet::version).toArray(Long[]::new))
                .map(row -> Map.entry(row.get("sheet_id", Long.class),
                        new ScoreSheetView.MarkView(row.get("aspect_id", String.class),
                                row.get("value", BigDecimal.class))))
                .all()
                .collect(LinkedHashMap::new, (bySheet, mark) -> bySheet
                        .computeIfAbsent(mark.getKey(), id -> new ArrayList<>()).add(mark.getValue()));
    }

    /**
     * First sheets (version 0) of the judge for these entries, by registration; 409 {@code scoreSheet.exists} (naming
     * the first such entry and its sheet's version) if the judge has a sheet for any of them already, so that a caller
     * need not look first.
     */
    Mono<Map<Long, Sheet>> insert(long eventId, long judgeId, List<Long> registrationIds, Instant now, String by) {
        if (registrationIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(INSERT)
                .bind("eventId", eventId).bind("judgeId", judgeId)
                .bind("registrations", registrationIds.toArray(Long[]::new))
                .bind("now", now).bind("by", by)
                .map(row -> new Sheet(row.get("id", Long.class), row.get("registration_id", Long.class), 0, now, by))
                .all()
                .collectMap(Sheet::registrationId)
                .flatMap(inserted -> inserted.size() == registrationIds.size() ? Mono.just(inserted)
                        : alreadySubmitted(judgeId, registrationIds.stream()
                                .filter(id -> !inserted.containsKey(id)).findFirst().orElseThrow()));
    }

    private <T> Mono<T> alreadySubmitted(long judgeId, long registrationId) {
        return current(registrationId, judgeId)
                .switchIfEmpty(Mono.error(() -> new ConflictException("scoreSheet.changedMeanwhile")))
                .flatMap(found -> Mono.error(new ConflictException("scoreSheet.exists", judgeId, registrationId,
                        found.version())));
    }

    /** The next version of each sheet, by registration; 409 if any was changed since it was read. */
    Mono<Map<Long, Sheet>> update(List<Sheet> sheets, Instant now, String by) {
        if (sheets.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(UPDATE)
                .bind("sheets", sheets.stream().map(Sheet::id).toArray(Long[]::new))
                .bind("versions", sheets.stream().map(Sheet::version).toArray(Long[]::new))
                .bind("now", now).bind("by", by)
                .map(row -> new Sheet(row.get("id", Long.class), row.get("registration_id", Long.class),
                        row.get("version", Long.class), now, by))
                .all()
                .collectMap(Sheet::registrationId)
                .filter(updated -> updated.size() == sheets.size())
                .switchIfEmpty(Mono.error(() -> new ConflictException("scoreSheet.changedMeanwhile")));
    }

    /** The marks of new sheet versions, all in one statement; {@code marks.get(i)} belong to {@code sheets.get(i)}. */
    Mono<Void> insertMarks(List<Sheet> sheets, List<List<ScoreSheetView.MarkView>> marks) {
        List<Long> ids = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> aspects = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < sheets.size(); i++) {
            List<ScoreSheetView.MarkView> sheetMarks = marks.get(i);
            for (int position = 0; position < sheetMarks.size(); position++) {
                ids.add(sheets.get(i).id());
                versions.add(sheets.get(i).version());
                positions.add(position + 1);
                aspects.add(sheetMarks.get(position).aspectId());
                values.add(sheetMarks.get(position).value().toPlainString());
            }
        }
        return database.sql(INSERT_MARKS)
                .bind("sheets", ids.toArray(Long[]::new)).bind("versions", versions.toArray(Long[]::new))
                .bind("positions", positions.toArray(Integer[]::new))
                .bind("aspects", aspects.toArray(String[]::new)).bind("values", values.toArray(String[]::new))
                .then();
    }
}
