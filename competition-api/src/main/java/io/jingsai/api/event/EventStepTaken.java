package io.jingsai.api.event;

import reactor.core.publisher.Mono;

/**
 * A feature that must hear of a step of an event's life in the transaction that takes it: the results, which keep the
 * final standings the public reviews from the moment the event enters REVIEW. Called after the event's row has its
 * new status and before the step's own audit entry; implementations join the caller's transaction, and a failure
 * undoes the step.
 */
public interface EventStepTaken {

    /**
     * @param actor the account that took the step, as it signed in
     */
    Mono<Void> taken(long eventId, EventStatus from, EventStatus to, String actor);
}
