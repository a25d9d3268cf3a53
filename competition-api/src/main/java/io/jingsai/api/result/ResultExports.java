package io.jingsai.api.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetTab;
import io.jingsai.scoring.scheme.Aspect;
import reactor.core.publisher.Mono;

/**
 * The files organizers print: an event's results in the layout they publish (the standings of
 * {@link ResultService#standings}, with each entrant's name and enterprise), and one score sheet per judge for
 * signing (签字确认): every entry the judge marked, by registration and station number, with the judge's current
 * marks per aspect. Headers and captions follow the request's language (Chinese unless English is asked for). No ID
 * number is read. For judges of a blind event, until identities are revealed, both files leave registration numbers,
 * entrants and enterprises empty: the station is all they name.
 */
@Component
class ResultExports {

    /** Titles on one line, in the order the rules give them. */
    private static final String TITLE_SEPARATOR = "、";

    private final DatabaseClient database;
    private final ResultService results;
    private final EventRulebook rulebook;
    private final MessageSource messages;

    ResultExports(DatabaseClient database, ResultService results, EventRulebook rulebook, MessageSource messages) {
        this.database = database;
        this.results = results;
        this.rulebook = rulebook;
        this.messages = messages;
    }

    /** The columns and rows of the results file. */
    record Table(List<SheetColumn> columns, List<List<String>> rows) {
    }

    /** An entrant as the files name it: the contestant or team, and its enterprise. */
    private record Entrant(String name, String enterprise) {
    }

    /** The results file; by station only ({@code stationsOnly}) for judges of an unrevealed blind event. */
    Mono<Table> results(long eventId, Locale language, boolean stationsOnly) {
        return rulebook.rules(eventId).flatMap(rules -> Mono.zip(
                        results.standings(eventId).map(standings -> stationsOnly ? standings.withoutIdentity()
                                : standings),
                        stationsOnly ? Mono.just(Map.<Long, Entrant>of()) : entrants(eventId))
                .map(found -> table(rules, found.getT1(), found.getT2(), language)));
    }

    private Table table(EventRules rules, StandingsView standings, Map<Long, Entrant> entrants, Locale language) {
        List<String> components = rules.scorer().scheme().components().stream()
                .map(io.jingsai.scoring.scheme.Component::id).toList();
        List<SheetColumn> columns = new ArrayList<>(List.of(
                column("rank", language), column("stationNumber", language).asText(),
                column("registrationNumber", language), column("entrant", language),
                column("enterprise", language)));
        components.forEach(id -> columns.add(SheetColumn.optional(id, null, null)));
        columns.addAll(List.of(column("total", language), column("award", language), column("titles", language),
                column("standardisedScore", language)));
        List<List<String>> rows = new ArrayList<>();
        for (StandingsView.Entry entry : standings.entries()) {
            Entrant entrant = entrants.getOrDefault(entry.registrationId(), new Entrant(null, null));
            List<String> row = new ArrayList<>(List.of(String.valueOf(entry.rank()), text(entry.stationNumber()),
                    entry.registrationNumber() == null ? "" : String.valueOf(entry.registrationNumber()),
                    text(entrant.name()), text(entrant.enterprise())));
            Map<String, BigDecimal> scores = entry.components();
            components.forEach(id -> row.add(number(scores.get(id))));
            row.add(number(entry.total()));
            row.add(text(entry.award()));
            row.add(String.join(TITLE_SEPARATOR, entry.titles()));
            row.add(number(entry.standardisedScore()));
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    // --- judges' score sheets -------------------------------------------------------------------------------------

    /** A judge of the event: on its panel, or with sheets in it. */
    private record Judge(long id, String name) {
    }

    /** One judge's current sheet for one entry. */
    private record SheetLine(long judgeId, int registrationNumber, String stationNumber, long version,
                             Instant submittedAt, Map<String, BigDecimal> marks) {
    }

    /** The judges' sheets; by station only ({@code stationsOnly}) for judges of an unrevealed blind event. */
    Mono<List<SheetTab>> judgeSheets(long eventId, Locale language, boolean stationsOnly) {
        return rulebook.rules(eventId).flatMap(rules -> Mono.zip(eventName(eventId), judges(eventId),
                        sheetLines(eventId))
                .map(found -> tabs(rules, found.getT1(), found.getT2(), found.getT3(), language, stationsOnly)));
    }

    private List<SheetTab> tabs(EventRules rules, String event, List<Judge> judges, List<SheetLine> lines,
                                Locale language, boolean stationsOnly) {
        List<Aspect> aspects = rules.scorer().scheme().aspects();
        List<SheetColumn> columns = new ArrayList<>(List.of(column("registrationNumber", language),
                column("stationNumber", language).asText()));
        aspects.forEach(aspect -> columns.add(SheetColumn.optional(aspect.id() + " " + aspect.description(), null,
                null)));
        columns.add(column("sheetVersion", language));
        columns.add(column("submittedAt", language).asText());
        Map<Long, List<List<String>>> rowsByJudge = new LinkedHashMap<>();
        for (SheetLine line : lines) {
            List<String> row = new ArrayList<>(List.of(stationsOnly ? "" : String.valueOf(line.registrationNumber()),
                    text(line.stationNumber())));
            aspects.forEach(aspect -> row.add(number(line.marks().get(aspect.id()))));
            row.add(String.valueOf(line.version()));
            row.add(line.submittedAt().toString());
            rowsByJudge.computeIfAbsent(line.judgeId(), id -> new ArrayList<>()).add(row);
        }
        List<SheetTab> tabs = new ArrayList<>();
        for (Judge judge : judges) {
            tabs.add(new SheetTab(judge.name(),
                    List.of(word(language, "export.judgeSheet.title", event, judge.name())),
                    columns, rowsByJudge.getOrDefault(judge.id(), List.of()),
                    List.of(word(language, "export.judgeSheet.signature"))));
        }
        if (tabs.isEmpty()) {
            tabs.add(new SheetTab(word(language, "export.judgeSheet.noJudges"), List.of(), columns, List.of(),
                    List.of()));
        }
        return tabs;
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    private Mono<Map<Long, Entrant>> entrants(long eventId) {
        return database.sql("""
                        SELECT r.id, COALESCE(c.name, t.name) AS entrant, e.name AS enterprise
                        FROM registration r
                        LEFT JOIN contestant c ON c.id = r.contestant_id
                        LEFT JOIN team t ON t.id = r.team_id
                        LEFT JOIN enterprise e ON e.id = COALESCE(c.enterprise_id, t.enterprise_id)
                        WHERE r.event_id = :event""")
                .bind("event", eventId)
                .map(row -> Map.entry(row.get("id", Long.class),
                        new Entrant(row.get("entrant", String.class), row.get("enterprise", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    private Mono<String> eventName(long eventId) {
        return database.sql("SELECT name FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("name", String.class))
                .one();
    }

    private Mono<List<Judge>> judges(long eventId) {
        return database.sql("""
                        SELECT j.id, j.name FROM judge j
                        WHERE j.id IN (SELECT p.judge_id FROM panel_member p WHERE p.event_id = :event
                                       UNION SELECT s.judge_id FROM score_sheet s WHERE s.event_id = :event)
                        ORDER BY j.id""")
                .bind("event", eventId)
                .map(row -> new Judge(row.get("id", Long.class), row.get("name", String.class)))
                .all()
                .collectList();
    }

    private Mono<List<SheetLine>> sheetLines(long eventId) {
        return database.sql("""
                        SELECT s.judge_id, r.registration_number, r.station_number, s.version, s.submitted_at,
                               m.aspect_id, m.value
                        FROM score_sheet s
                        JOIN registration r ON r.id = s.registration_id
                        JOIN mark m ON m.sheet_id = s.id AND m.sheet_version = s.version
                        WHERE s.event_id = :event
                        ORDER BY s.judge_id, r.registration_number, m.position""")
                .bind("event", eventId)
                .map(row -> new SheetLine(row.get("judge_id", Long.class),
                        row.get("registration_number", Integer.class), row.get("station_number", String.class),
                        row.get("version", Long.class), row.get("submitted_at", Instant.class),
                        Map.of(row.get("aspect_id", String.class), row.get("value", BigDecimal.class))))
                .all()
                .collectList()
                .map(ResultExports::bySheet);
    }

    /** One line per sheet, its marks gathered from the rows of its marks (in order). */
    private static List<SheetLine> bySheet(List<SheetLine> marks) {
        List<SheetLine> sheets = new ArrayList<>();
        for (SheetLine mark : marks) {
            SheetLine last = sheets.isEmpty() ? null : sheets.get(sheets.size() - 1);
            if (last != null && last.judgeId() == mark.judgeId()
                    && last.registrationNumber() == mark.registrationNumber()) {
                last.marks().putAll(mark.marks());
            } else {
                sheets.add(new SheetLine(mark.judgeId(), mark.registrationNumber(), mark.stationNumber(),
                        mark.version(), mark.submittedAt(), new LinkedHashMap<>(mark.marks())));
            }
        }
        return sheets;
    }

    // --- words ---------------------------------------------------------------------------------------------------

    private SheetColumn column(String name, Locale language) {
        return SheetColumn.optional(word(language, "export.column." + name), name, null);
    }

    private String word(Locale language, String key, Object... values) {
        return messages.getMessage(key, values, language);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
