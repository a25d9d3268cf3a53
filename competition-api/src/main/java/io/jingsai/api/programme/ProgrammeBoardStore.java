package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.boards.FrozenBoards;
import io.jingsai.api.event.PublicEvents;
import io.jingsai.api.event.EventStatus;
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
     */
    record EventPart(long eventId, long programmeId, EventStatus status, boolean counted, boolean finalStandings,
                     List<Scored> scored, long freezeRevision, String keyArea) {

        EventPart {
            scored = List.copyOf(scored);
        }
    }

    private final DatabaseClient database;
    private final StandardisedResults standardised;
    private final FrozenBoards frozenBoards;

    ProgrammeBoardStore(DatabaseClient database, StandardisedResults standardised, FrozenBoards frozenBoards) {
        this.frozenBoards = frozenBoards;
        this.database = database;
        this.standardised = standardised;
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
        return database.sql(EVENT).bind("eventId", eventId)
                .map(row -> new Fact(row.get("programme_id", Long.class), 0,
                        eventId, EventStatus.valueOf(row.get("status", String.class)),
                        Boolean.TRUE.equals(row.get("public", Boolean.class)), 0,
                        row.get("key_area", String.class)))
                .one()
                .flatMap(event -> frozenBoards.of(eventId).flatMap(freeze -> event.open()
                        && StarBasis.LIVE.counts(event.status()) ? scored(event, freeze)
                        : Mono.just(new EventPart(eventId, event.programmeId(), event.status(), false, false,
                        List.of(), freeze.revision(), event.keyArea()))));
    }

    /** A frozen event counts with the results frozen: the public's ranking never sees past an event's freeze. */
    private Mono<EventPart> scored(Fact event, FrozenBoards.Freeze freeze) {
        long eventId = event.eventId();
        Mono<StandardisedResults.EventScores> standardisedScores = freeze.results()
                .map(frozen -> standardised.of(eventId, frozen)).orElseGet(() -> standardised.of(eventId));
        return Mono.zip(standardisedScores, entrants(eventId).collectList())
                .map(found -> {
                    Map<Long, BigDecimal> scores = found.getT1().scores();
                    List<Scored> scored = found.getT2().stream()
                            .filter(entrant -> scores.containsKey(entrant.registrationId()))
                            .map(entrant -> new Scored(entrant.who(), entrant.registrationId(),
                                    scores.get(entrant.registrationId())))
                            .toList();
                    return new EventPart(eventId, event.programmeId(), found.getT1().status(), true,
                            found.getT1().finalStandings(), scored, freeze.revision(), event.keyArea());
                });
    }

    private record Entrant(long registrationId, Contestant who) {
    }

    private Flux<Entrant> entrants(long eventId) {
        return database.sql(ENTRANTS).bind("eventId", eventId)
                .map(row -> new Entrant(row.get("registration_id", Long.class), new Contestant(
                        row.get("contestant_id", Long.class), row.get("name", String.class),
                        row.get("enterprise_id", Long.class), row.get("enterprise", String.class),
                        row.get("region_code", String.class), row.get("trade_id", Long.class),
                        row.get("trade_name", String.class), row.get("trade_name_en", String.class))))
                .all();
    }
}
