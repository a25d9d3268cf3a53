package io.jingsai.api.boards;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventStepTaken;
import reactor.core.publisher.Mono;

/**
 * Announces every step of an event's life on the channel {@value #CHANNEL}, in the step's transaction: PostgreSQL
 * delivers it at commit, to every instance, and their followers catch up at once ({@link io.jingsai.api.result.ResultChangesFollowed#caughtUp()}).
 * A step changes no result, yet it changes which results count and whether they are final.
 */
@Component
class EventStepNotice implements EventStepTaken {

    static final String CHANNEL = "event_step";

    private final DatabaseClient database;

    EventStepNotice(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> taken(long eventId, EventStatus from, EventStatus to, String actor) {
        return database.sql("SELECT pg_notify('" + CHANNEL + "', :eventId::text)")
                .bind("eventId", eventId)
                .fetch().rowsUpdated().then();
    }
}
