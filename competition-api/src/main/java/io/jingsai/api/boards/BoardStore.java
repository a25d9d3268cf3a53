package io.jingsai.api.boards;

import java.util.Collection;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the public boards read besides results: whether an event is public yet, and how its entries are named in
 * public (contestant or team, and enterprise; nothing personal beyond the name).
 */
@Component
class BoardStore {

    /** Events are public from MARKING on; an event never goes back before MARKING. */
    private static final String PUBLIC = """
            SELECT status IN ('MARKING', 'REVIEW', 'PUBLISHED') AS public FROM event WHERE id = :eventId""";

    private static final String LABELS = """
            SELECT r.id, COALESCE(c.name, t.name) AS entrant, e.name AS enterprise
            FROM registration r
                LEFT JOIN contestant c ON c.id = r.contestant_id
                LEFT JOIN team t ON t.id = r.team_id
                LEFT JOIN enterprise e ON e.id = COALESCE(c.enterprise_id, t.enterprise_id)
            WHERE r.event_id = :eventId""";

    /** How an entry is named on a public board. */
    record Label(long registrationId, String entrant, String enterprise) {
    }

    private final DatabaseClient database;

    BoardStore(DatabaseClient database) {
        this.database = database;
    }

    /** True if the event's board is public, false if it is not yet, empty if there is no such event. */
    Mono<Boolean> isPublic(long eventId) {
        return database.sql(PUBLIC).bind("eventId", eventId)
                .map(row -> Boolean.TRUE.equals(row.get("public", Boolean.class)))
                .one();
    }

    /** The names of the event's entries: all of them when {@code registrationIds} is null. */
    Flux<Label> labels(long eventId, Collection<Long> registrationIds) {
        DatabaseClient.GenericExecuteSpec query = registrationIds == null
                ? database.sql(LABELS)
                : database.sql(LABELS + " AND r.id = ANY(:ids)").bind("ids", registrationIds.toArray(Long[]::new));
        return query.bind("eventId", eventId)
                .map(row -> new Label(row.get("id", Long.class), row.get("entrant", String.class),
                        row.get("enterprise", String.class)))
                .all();
    }
}
