package io.jingsai.api.boards;

import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * A feature that keeps boards of its own current from the committed result changes {@link ResultChangeFollower}
 * reads (the programme's star boards). It hears what the follower applies to the event boards, in the same order and
 * on the same schedule, and need not follow the outbox itself.
 *
 * <p>Calls come one at a time, never concurrently. A listener should not fail: a failure makes the follower read the
 * same changes again after reconnecting, which delays the event boards too; a listener that cannot apply a change
 * had better remember to load afresh at its next {@link #caughtUp()}.
 */
public interface ResultChangeListener {

    /**
     * The results of these entries changed (registration ids by event id, in the order the changes were written).
     * The current results are to be read from the database: a change may be applied more than once.
     */
    Mono<Void> resultsChanged(Map<Long, Set<Long>> entriesByEvent);

    /**
     * The follower has applied every change it could read: at start (the first call of all), after a notification,
     * after each reconnection and every poll. What changes without a result change (an event's step, a reveal, a
     * programme's rules) is to be read now; an event's step announces itself ({@link EventStepNotice}), anything else
     * is seen by the next poll.
     */
    Mono<Void> caughtUp();
}
