package io.jingsai.api.judging;

import org.springframework.r2dbc.core.DatabaseClient;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * The locks every writer of marks and records takes, always in this order so that writers never wait for each other
 * in a circle: the event row shared (many write at once, while a change of the event's status waits for them), then
 * the registration row (one writer of an entry's marks, records and result at a time, so that a result always sees
 * every committed input).
 */
final class MarkingLocks {

    private MarkingLocks() {
    }

    /** The event as its writers see it, locked until the transaction ends. */
    record LockedEvent(long id, long programmeId, EventStatus status) {
    }

    static Mono<LockedEvent> event(DatabaseClient database, long eventId) {
        return database.sql("SELECT programme_id, status FROM event WHERE id = :id FOR SHARE").bind("id", eventId)
                .map(row -> new LockedEvent(eventId, row.get("programme_id", Long.class),
                        EventStatus.valueOf(row.get("status", String.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)));
    }

    /** Not a key update: rows that refer to the registration may still be written by others meanwhile. */
    static Mono<RegistrationStatus> entry(DatabaseClient database, long eventId, long registrationId) {
        return database.sql("SELECT status FROM registration WHERE id = :id AND event_id = :eventId "
                        + "FOR NO KEY UPDATE")
                .bind("id", registrationId).bind("eventId", eventId)
                .map(row -> RegistrationStatus.valueOf(row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.registration", registrationId,
                        eventId)));
    }
}
