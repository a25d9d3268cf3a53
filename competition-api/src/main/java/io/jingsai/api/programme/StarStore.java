package io.jingsai.api.programme;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import reactor.core.publisher.Flux;

/**
 * What the stars board needs of other features' rows: a programme's events with their trade and status, and the
 * contestants its individual entries are (team entries have no contestant and are left out). Reads only.
 */
@Component
class StarStore {

    /** An event of the programme. */
    record Event(long id, String name, long tradeId, EventStatus status) {
    }

    /** An individual entry of one of the programme's events and who entered. */
    record Entrant(long registrationId, long eventId, long contestantId, String name, long enterpriseId,
                   long tradeId) {
    }

    private final DatabaseClient database;

    StarStore(DatabaseClient database) {
        this.database = database;
    }

    Flux<Event> events(long programmeId) {
        return database.sql("SELECT id, name, trade_id, status FROM event WHERE programme_id = :p ORDER BY id")
                .bind("p", programmeId)
                .map(row -> new Event(row.get("id", Long.class), row.get("name", String.class),
                        row.get("trade_id", Long.class), EventStatus.valueOf(row.get("status", String.class))))
                .all();
    }

    Flux<Entrant> entrants(long programmeId) {
        return database.sql("""
                        SELECT r.id AS registration_id, r.event_id, c.id AS contestant_id, c.name, c.enterprise_id,
                               c.trade_id
                        FROM registration r JOIN event e ON e.id = r.event_id
                             JOIN contestant c ON c.id = r.contestant_id
                        WHERE e.programme_id = :p""")
                .bind("p", programmeId)
                .map(row -> new Entrant(row.get("registration_id", Long.class), row.get("event_id", Long.class),
                        row.get("contestant_id", Long.class), row.get("name", String.class),
                        row.get("enterprise_id", Long.class), row.get("trade_id", Long.class)))
                .all();
    }
}
