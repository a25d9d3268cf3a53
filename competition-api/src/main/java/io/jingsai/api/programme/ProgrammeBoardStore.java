package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.boards.FrozenBoards;
import io.jingsai.api.event.PublicEvents;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.result.CurrentResults;
import io.jingsai.api.result.CurrentResults.CurrentResult;
import io.jingsai.api.result.StandardisedResults;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the programmes' live star boards read ({@link ProgrammeBoards}): which programmes and events exist and whether
 * each event's results are public, and one event's part of its programme's star board, read in one snapshot. Reads
 * only; the event, registration, contestant, enterprise and trade rows are read where one statement answers.
 */
@Component
class ProgrammeBoardStore {

    private static final String FACTS = "SELECT p.id AS programme_id, p.version AS programme_version, e.id AS event_id, "
            + "e.status, " + PublicEvents.condition("e") + " AS public, COALESCE(f.revision, 0) AS freeze_revision, "
            + "pr.key_area FROM programme p LEFT JOIN event e ON e.programme_id = p.id "
            + "LEFT JOIN board_freeze f ON f.event_id = e.id LEFT JOIN project pr ON pr.id = e.project_id";

    private static final String EVENT = "SELECT e.programme_id, e.status, " + PublicEvents.condition("e")
            + " AS public, pr.key_area FROM event e LEFT JOIN project pr ON pr.id = e.project_id "
            + "WHERE e.id = :eventId";

    /** Individual entries only: a team's result is the crew's (see StarStandings). */
    private static final String ENTRANTS = """
            SELECT r.id AS registration_id, c.id AS contestant_id, c.name, c.enterprise_id, en.name AS enterprise,
                   en.region_code, c.trade_id, t.name_zh AS trade_name, t.name_en AS trade_name_en
            FROM registration r JOIN contestant c ON c.id = r.contestant_id
                 JOIN enterprise en ON en.id = c.enterprise_id JOIN trade t ON t.id = c.trade_id
            WHERE r.event_id = :eventId""";

    private static final String SOME_ENTRANTS = ENTRANTS + " AND r.id = ANY(:ids)";

    /**
     * A programme's version and one of its events (absent for a programme without events); {@code keyArea} is the
     * key area of the event's project, null when it has none.
     */
    record Fact(long programmeId, long programmeVersion, Long eventId, EventStatus status, boolean open,
                long freezeRevision, String keyArea) {
    }

    /** Who a contestant is on a public board: a name, an enterprise, a trade, a region; nothing personal beyond. */
    record Contestant(long id, String name, long enterpriseId, String enterprise, String regionCode, long tradeId,
                      String tradeName, String tradeNameEn) {
    }

    /** A contestant's standardised score in the event, by entry. */
    record Scored(Contestant who, long registrationId, BigDecimal score) {
    }

    /**
     * One event's part of its programme's live star board.
     *
     * @param counted        public (from MARKING on, a blind event once revealed) with a status the LIVE basis counts
     * @param finalStandings marking has closed: the scores are final, else provisional
     * @param scored         the standardised scores of its individual eligible entries; empty when not counted or
     *                       when it could not be standardised (too few results, no spread)
     * @param freezeRevision the revision of the event's board freeze it was read at; a frozen event's scores are those
     *                       of the results frozen (封榜)
     * @param keyArea        the key area of the event's project, null when it has none (a KEY_AREA split counts it)
     * @param live           what the scores were standardised from when counted with the event's current results (not
     *                       frozen); null otherwise
     */
    record EventPart(long eventId, long programmeId, EventStatus status, boolean counted, boolean finalStandings,
                     List<Scored> scored, long freezeRevision, String keyArea, Live live) {

        EventPart {
            scored = List.copyOf(scored);
        }

        /** The part of an event the board does not count (not public yet, or a status the LIVE basis leaves out). */
        static EventPart uncounted(long eventId, long programmeId, EventStatus status, long freezeRevision,
                                   String keyArea) {
            return new EventPart(eventId, programmeId, status, false, false, List.of(), freezeRevision, keyArea,
                    null);
        }
    }

    /**
     * What a part counted with the event's current results was standardised from: every entry's current result and
     * the individual entrants, by registration id. Standardisation needs the whole event, but a change of a few
     * entries need not read the rest again: they are read and replaced here.
     */
    record Live(Map<Long, CurrentResult> results, Map<Long, Contestant> entrants) {

        Live {
            results = Map.copyOf(results);
            entrants = Map.copyOf(entrants);
        }

        /** These inputs with the entries of {@code changed} as read again (an entry read no more is gone). */
        private Live with(Collection<Long> changed, List<CurrentResult> changedResults, List<Entrant> changedEntrants) {
            Map<Long, CurrentResult> nextResults = new HashMap<>(results);
            Map<Long, Contestant> nextEntrants = new HashMap<>(entrants);
            changed.forEach(id -> {
                nextResults.remove(id);
                nextEntrants.remove(id);
            });
            changedResults.forEach(result -> nextResults.put(result.registrationId(), result));
            changedEntrants.forEach(entrant -> nextEntrants.put(entrant.registrationId(), entrant.who()));
            return new Live(nextResults, nextEntrants);
        }

        /** The results in registration-number order, the order the stored results are ranked from. */
        private List<CurrentResult> ordered() {
            return results.values().stream()
                    .sorted(Comparator.comparingInt(CurrentResult::registrationNumber))
                    .toList();
        }
    }

    private final DatabaseClient database;
    private final CurrentResults currentResults;
    private final StandardisedResults standardised;
    private final FrozenBoards frozenBoards;

    ProgrammeBoardStore(DatabaseClient database, CurrentResults currentResults, StandardisedResults standardised,
                        FrozenBoards frozenBoards) {
        this.database = database;
        this.currentResults = currentResults;
        this.standardised = standardised;
        this.frozenBoards = frozenBoards;
    }

    Flux<Fact> facts() {
        return database.sql(FACTS)
                .map(row -> new Fact(row.get("programme_id", Long.class), row.get("programme_version", Long.class),
                        row.get("event_id", Long.class),
                        row.get("status", String.class) == null ? null
                                : EventStatus.valueOf(row.get("status", String.class)),
                        Boolean.TRUE.equals(row.get("public", Boolean.class)),
                        row.get("freeze_revision", Long.class), row.get("key_area", String.class)))
                .all();
    }

    /**
     * The event's part as stored now: its status, whether it is public, its standardised scores and who they are of,
     * all in one snapshot. Empty if the event no longer exists.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<EventPart> part(long eventId) {
        return part(eventId, null, List.of());
    }

    /**
     * As {@link #part(long)}, reading again only the results and entrants of the entries {@code changed} since
     * {@code held} was read, when {@code held} was counted with the current results and its event's freeze has not
     * moved since; else the whole event.
     *
     * @param held    the part held now, null for none
     * @param changed the entries whose results changed after {@code held} was read (the outbox's changes followed)
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<EventPart> part(long eventId, EventPart held, Collection<Long> changed) {
        return database.sql(EVENT).bind("eventId", eventId)
                .map(row -> new Fact(row.get("programme_id", Long.class), 0,
                        eventId, EventStatus.valueOf(row.get("status", String.class)),
                        Boolean.TRUE.equals(row.get("public", Boolean.class)), 0,
                        row.get("key_area", String.class)))
                .one()
                .flatMap(event -> frozenBoards.of(eventId).flatMap(freeze -> {
                    if (!event.open() || !StarBasis.LIVE.counts(event.status())) {
                        return Mono.just(EventPart.uncounted(eventId, event.programmeId(), event.status(),
                                freeze.revision(), event.keyArea()));
                    }
                    if (freeze.results().isPresent()) {
                        return frozen(event, freeze);
                    }
                    boolean followed = held != null && held.live() != null
                            && held.freezeRevision() == freeze.revision();
                    return (followed ? changed(eventId, held.live(), changed) : live(eventId))
                            .flatMap(inputs -> standardised.of(eventId, event.status(), inputs.ordered())
                                    .map(scores -> counted(event, scores, scored(inputs.entrants(), scores),
                                            freeze.revision(), inputs)));
                }));
    }

    /** A frozen event counts with the results frozen: the public's ranking never sees past an event's freeze. */
    private Mono<EventPart> frozen(Fact event, FrozenBoards.Freeze freeze) {
        long eventId = event.eventId();
        return Mono.zip(standardised.of(eventId, event.status(), freeze.results().orElseThrow()),
                        entrants(eventId, null).collectMap(Entrant::registrationId, Entrant::who))
                .map(found -> counted(event, found.getT1(), scored(found.getT2(), found.getT1()),
                        freeze.revision(), null));
    }

    private Mono<Live> live(long eventId) {
        return Mono.zip(currentResults.of(eventId, null).collectList(), entrants(eventId, null).collectList())
                .map(found -> new Live(Map.of(), Map.of()).with(List.of(), found.getT1(), found.getT2()));
    }

    private Mono<Live> changed(long eventId, Live held, Collection<Long> changed) {
        if (changed.isEmpty()) {
            return Mono.just(held);
        }
        return Mono.zip(currentResults.of(eventId, changed).collectList(), entrants(eventId, changed).collectList())
                .map(found -> held.with(changed, found.getT1(), found.getT2()));
    }

    private static List<Scored> scored(Map<Long, Contestant> entrants, StandardisedResults.EventScores scores) {
        return entrants.entrySet().stream()
                .filter(entrant -> scores.scores().containsKey(entrant.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(entrant -> new Scored(entrant.getValue(), entrant.getKey(), scores.scores().get(entrant.getKey())))
                .toList();
    }

    private static EventPart counted(Fact event, StandardisedResults.EventScores scores, List<Scored> scored,
                                     long freezeRevision, Live live) {
        return new EventPart(event.eventId(), event.programmeId(), scores.status(), true, scores.finalStandings(),
                scored, freezeRevision, event.keyArea(), live);
    }

    private record Entrant(long registrationId, Contestant who) {
    }

    /** The event's individual entrants, those of {@code registrationIds} only unless it is null. */
    private Flux<Entrant> entrants(long eventId, Collection<Long> registrationIds) {
        DatabaseClient.GenericExecuteSpec sql = database.sql(registrationIds == null ? ENTRANTS : SOME_ENTRANTS)
                .bind("eventId", eventId);
        if (registrationIds != null) {
            sql = sql.bind("ids", registrationIds.toArray(Long[]::new));
        }
        return sql.map(row -> new Entrant(row.get("registration_id", Long.class), new Contestant(
                        row.get("contestant_id", Long.class), row.get("name", String.class),
                        row.get("enterprise_id", Long.class), row.get("enterprise", String.class),
                        row.get("region_code", String.class), row.get("trade_id", Long.class),
                        row.get("trade_name", String.class), row.get("trade_name_en", String.class))))
                .all();
    }
}
