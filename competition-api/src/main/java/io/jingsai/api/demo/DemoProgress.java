package io.jingsai.api.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Grant;
import io.jingsai.api.account.Role;
import reactor.core.publisher.Mono;

/**
 * What an earlier start of the demo wrote, read back so that a restarted application resumes marking where the
 * demo stood instead of filling the database again or standing still. Reads only; every write still goes through
 * the services. The reads cross features (programme, event, registration, panel, account, score sheets) because
 * the demo is a client of all of them; they are listed in the tests' {@code CrossFeatureReads}.
 *
 * <p>A judge marks as a caller built from their account (id and name, with the judge grant on the event that the
 * demo gave it), as the filler's callers were: the score-sheet service finds the judge by the account's id.
 */
final class DemoProgress {

    private final DatabaseClient database;

    DemoProgress(DatabaseClient database) {
        this.database = database;
    }

    /** The most recent demo programme (by its name, whatever its year); empty when the database has none. */
    Mono<Long> programme() {
        return database.sql("SELECT id FROM programme WHERE name LIKE :name ORDER BY id DESC LIMIT 1")
                .bind("name", "%" + DemoFiller.PROGRAMME_NAME)
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /**
     * The plan's events as the earlier start wrote them, in the plan's order, each with its registrations in
     * station order and its judges in panel order (the filler seats them one after another); empty when the demo
     * was stopped before every event was in MARKING with all its entries and judges' accounts (it is then left as
     * it is).
     *
     * @param tradeIds the reference trades' ids in the filler's order (by id), to find each event by its trade
     */
    Mono<List<DemoMarking.Event>> events(long programme, DemoPlan plan, List<Long> tradeIds) {
        return Mono.zip(eventsByTrade(programme), registrations(programme), judges(programme))
                .flatMap(found -> Mono.justOrEmpty(complete(plan, tradeIds, found.getT1(),
                        found.getT2(), found.getT3())));
    }

    /** The current version of every sheet of the programme's events, by (registration, judge). */
    Mono<Map<SheetKey, Long>> versions(long programme) {
        return database.sql("SELECT s.registration_id, s.judge_id, s.version FROM score_sheet s "
                        + "JOIN event e ON e.id = s.event_id WHERE e.programme_id = :programme")
                .bind("programme", programme)
                .map(row -> Map.entry(new SheetKey(row.get("registration_id", Long.class),
                        row.get("judge_id", Long.class)), row.get("version", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** A judge's sheet for an entry. */
    record SheetKey(long registration, long judge) {
    }

    private static Optional<List<DemoMarking.Event>> complete(DemoPlan plan, List<Long> tradeIds,
                                                              Map<Long, Long> eventsByTrade,
                                                              Map<Long, Map<String, Long>> registrations,
                                                              Map<Long, List<DemoMarking.Judge>> judges) {
        List<DemoMarking.Event> events = new ArrayList<>();
        for (DemoPlan.Event planned : plan.events()) {
            Long event = eventsByTrade.get(tradeIds.get(planned.trade()));
            if (event == null) {
                return Optional.empty();
            }
            Map<String, Long> stations = registrations.getOrDefault(event, Map.of());
            List<Long> entries = new ArrayList<>();
            for (int station = 1; station <= planned.entrants().size(); station++) {
                Long registration = stations.get(DemoFiller.station(station));
                if (registration == null) {
                    return Optional.empty();
                }
                entries.add(registration);
            }
            List<DemoMarking.Judge> panel = judges.getOrDefault(event, List.of());
            if (panel.size() != planned.judges().size()) {
                return Optional.empty();
            }
            events.add(new DemoMarking.Event(event, entries, panel));
        }
        return Optional.of(events);
    }

    /** The programme's events in MARKING by their trade (the demo runs one event per trade). */
    private Mono<Map<Long, Long>> eventsByTrade(long programme) {
        return database.sql("SELECT id, trade_id FROM event WHERE programme_id = :programme AND status = 'MARKING'")
                .bind("programme", programme)
                .map(row -> Map.entry(row.get("trade_id", Long.class), row.get("id", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Registration ids by event and station number. */
    private Mono<Map<Long, Map<String, Long>>> registrations(long programme) {
        return database.sql("SELECT r.id, r.event_id, r.station_number FROM registration r "
                        + "JOIN event e ON e.id = r.event_id "
                        + "WHERE e.programme_id = :programme AND r.station_number IS NOT NULL")
                .bind("programme", programme)
                .map(row -> new Station(row.get("event_id", Long.class), row.get("station_number", String.class),
                        row.get("id", Long.class)))
                .all()
                .collect(HashMap::new, (byEvent, station) -> byEvent
                        .computeIfAbsent(station.event(), event -> new HashMap<>())
                        .put(station.number(), station.registration()));
    }

    private record Station(long event, String number, long registration) {
    }

    /** Each event's judges in the order they were seated, each with the account the demo gave them. */
    private Mono<Map<Long, List<DemoMarking.Judge>>> judges(long programme) {
        return database.sql("SELECT p.event_id, p.judge_id, a.id AS account, a.username FROM panel_member p "
                        + "JOIN event e ON e.id = p.event_id "
                        + "JOIN LATERAL (SELECT id, username FROM account WHERE judge_id = p.judge_id "
                        + "ORDER BY id LIMIT 1) a ON TRUE "
                        + "WHERE e.programme_id = :programme AND p.role = 'JUDGE' ORDER BY p.event_id, p.id")
                .bind("programme", programme)
                .map(row -> Map.entry(row.get("event_id", Long.class), new DemoMarking.Judge(
                        row.get("judge_id", Long.class), new Caller(row.get("account", Long.class),
                        row.get("username", String.class),
                        List.of(Grant.of(Role.JUDGE, row.get("event_id", Long.class), programme)), false))))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byEvent -> {
                    Map<Long, List<DemoMarking.Judge>> judges = new HashMap<>();
                    byEvent.forEach((event, panel) -> judges.put(event, List.copyOf(panel)));
                    return judges;
                });
    }
}
