package io.jingsai.api.result;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.registration.EntryAbsence;
import io.jingsai.api.registration.EntryWithdrawn;
import reactor.core.publisher.Mono;

/**
 * A withdrawn entry's result is stored again as its next version, with the withdrawal in it, so that the change goes
 * through the outbox like any other and the public boards take the entry off; so is an absent entry's, and an entry's
 * whose absence is taken back (the boards put it back). An entry without a result has nothing to announce.
 */
@Component
class WithdrawnResults implements EntryWithdrawn, EntryAbsence {

    private final ResultStore store;
    private final EntryResults results;
    private final EventRulebook rulebook;

    WithdrawnResults(ResultStore store, EntryResults results, EventRulebook rulebook) {
        this.store = store;
        this.results = results;
        this.rulebook = rulebook;
    }

    @Override
    public Mono<Void> withdrawn(long eventId, long registrationId) {
        return storedAgain(eventId, registrationId);
    }

    /** An absence, or its reversal, takes the entry off the boards or puts it back, as a withdrawal does. */
    @Override
    public Mono<Void> absenceChanged(long eventId, long registrationId) {
        return storedAgain(eventId, registrationId);
    }

    private Mono<Void> storedAgain(long eventId, long registrationId) {
        return store.stored(eventId, registrationId)
                .flatMap(stored -> rulebook.rules(eventId))
                .flatMap(rules -> results.recompute(rules, registrationId))
                .then();
    }
}
