package io.jingsai.api.result;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.registration.EntryWithdrawn;
import reactor.core.publisher.Mono;

/**
 * A withdrawn entry's result is stored again as its next version, with the withdrawal in it, so that the change goes
 * through the outbox like any other and the public boards take the entry off. An entry without a result has
 * nothing to announce.
 */
@Component
class WithdrawnResults implements EntryWithdrawn {

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
        return store.stored(eventId, registrationId)
                .flatMap(stored -> rulebook.rules(eventId))
                .flatMap(rules -> results.recompute(rules, registrationId))
                .then();
    }
}
