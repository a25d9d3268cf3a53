package io.jingsai.api.event;

import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Questions about rows other features own (programmes, projects, trades, registrations), asked in SQL so that this
 * feature never touches their rows or repositories.
 */
@Component
class EventQueries {

    private final DatabaseClient db;

    EventQueries(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> programmeExists(long programmeId) {
        return exists("SELECT EXISTS (SELECT 1 FROM programme WHERE id = :id)", programmeId);
    }

    /** Whether the programme has been closed (a closed programme takes no new events). */
    Mono<Boolean> programmeClosed(long programmeId) {
        return exists("SELECT EXISTS (SELECT 1 FROM programme WHERE id = :id AND status = 'CLOSED')", programmeId);
    }

    Mono<Boolean> tradeExists(long tradeId) {
        return exists("SELECT EXISTS (SELECT 1 FROM trade WHERE id = :id)", tradeId);
    }

    /** The programme a project belongs to; empty if there is no such project. */
    Mono<Optional<Long>> programmeOfProject(long projectId) {
        return db.sql("SELECT programme_id FROM project WHERE id = :id")
                .bind("id", projectId)
                .map(row -> row.get(0, Long.class))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    Mono<Long> registrations(long eventId) {
        return db.sql("SELECT count(*) FROM registration WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** An entry of the event by its id and registration number. */
    record Entry(long id, int number) {
    }

    /** The event's competing entries that have no station number, by registration number. */
    Flux<Entry> entriesWithoutStation(long eventId) {
        return db.sql("SELECT id, registration_number FROM registration WHERE event_id = :id "
                        + "AND status IN ('REGISTERED', 'OBSERVER') AND station_number IS NULL "
                        + "ORDER BY registration_number")
                .bind("id", eventId)
                .map(row -> new Entry(row.get("id", Long.class), row.get("registration_number", Integer.class)))
                .all();
    }

    private Mono<Boolean> exists(String sql, long id) {
        return db.sql(sql).bind("id", id).map(row -> row.get(0, Boolean.class)).one();
    }
}
