package io.jingsai.api.result;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * A feature that follows the committed changes of results (the outbox {@code result_change}) after the public boards
 * have taken them: the programme's tier history. Called by the one follower of the outbox on each instance, so every
 * instance calls it with every change at least once (again after a reconnection, and for the last rows read again
 * at start); an implementation must therefore be idempotent. A failure makes the follower read the changes again
 * after reconnecting.
 */
public interface ResultChangesFollowed {

    /** One committed change of an entry's result: the outbox row. */
    record Change(long resultChangeId, long eventId, long registrationId) {
    }

    /** @param changes in outbox id order, never empty */
    Mono<Void> followed(List<Change> changes);

    /**
     * The follower has applied every change it could read: at start (before any other call), after a notification,
     * after each reconnection and every poll. What changes without a result change (an event's step, a reveal, a
     * programme's rules) is to be read now: an event's step wakes the follower at once, anything else is seen by the
     * next poll.
     */
    default Mono<Void> caughtUp() {
        return Mono.empty();
    }
}
