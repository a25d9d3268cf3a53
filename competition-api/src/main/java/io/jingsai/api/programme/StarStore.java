package io.jingsai.api.programme;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import reactor.core.publisher.Flux;

/**
 * What the stars board needs of other features' rows: a programme's events with their trade, status and key area (of
 * the event's project), and the contestants its individual entries are with their enterprise's region (team entries
 * have no contestant and are left out). Reads only.
 */
@Component
class StarStore {

    /** An event of the programme; {@code keyArea} is its project's, null when it has none. */
    record Event(long id, String name, long tradeId, EventStatus status, String keyArea) {
    }

    /** An individual entry of one of the programme's events and who entered, with the enterprise's region. */
    record Entrant(long registrationId, long eventId, long contestantId, String name, long enterpriseId,
                   long tradeId, String regionCode) {
    }

    private final DatabaseClient database;

    StarStore(DatabaseClient database) {
        this.database = database;
    }

    Flux<Event> events(long programmeId) {
        return database.sql("""
                        SELECT e.id, e.name, e.trade_id, e.status, p.key_area
                        FROM event e LEFT JOIN project p ON p.id = e.project_id
                        WHERE e.programme_id = :p ORDER BY e.id""")
                .bind("p", programmeId)
                .map(row -> new Event(row.get("id", Long.class), row.get("name", String.class),
                        row.get("trade_id", Long.class), EventStatus.valueOf(row.get("status", String.class)),
                        row.get("key_area", String.class)))
                .all();
    }

    /** The individual entrants of these events (none when there are none: a basis no event counts on yet). */
    Flux<Entrant> entrants(List<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("""
                        SELECT r.id AS registration_id, r.event_id, c.id AS contestant_id, c.name, c.enterprise_id,
                               c.trade_id, n.region_code
                        FROM registration r JOIN contestant c ON c.id = r.contestant_id
                             JOIN enterprise n ON n.id = c.enterprise_id
                        WHERE r.event_id = ANY(:events)""")
                .bind("events", eventIds.toArray(Long[]::new))
                .map(row -> new Entrant(row.get("registration_id", Long.class), row.get("event_id", Long.class),
                        row.get("contestant_id", Long.class), row.get("name", String.class),
                        row.get("enterprise_id", Long.class), row.get("trade_id", Long.class),
                        row.get("region_code", String.class)))
                .all();
    }
}
