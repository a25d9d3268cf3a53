package io.jingsai.api.result;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Keeps each entry's stored result equal to what its marks make: the feature that changes marks calls
 * {@link #recompute} in the same transaction, after its writes and while it holds the entry, so that a committed
 * mark never has a stale result and every change of a result is in the outbox ({@code result_change}) and announced
 * on the channel {@code result_change} when it commits; once marking has closed, what the change does to the final
 * standings is recorded for whom it changes ({@link ReviewedStandings}).
 */
@Component
public class EntryResults {

    private final ResultStore store;
    private final ReviewedStandings reviewed;
    private final Clock clock;

    EntryResults(ResultStore store, ReviewedStandings reviewed, Clock clock) {
        this.store = store;
        this.reviewed = reviewed;
        this.clock = clock;
    }

    /**
     * Scores the entry's current marks, deductions and disqualification under the event's rules and stores the result as its next version; completes
     * with that version. Call it inside the transaction that changed the marks, holding a lock on the registration.
     */
    public Mono<Long> recompute(EventRules rules, long registrationId) {
        return store.inputs(rules.eventId(), registrationId)
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.registration", registrationId,
                        rules.eventId())))
                .flatMap(inputs -> penalties(inputs)
                        .map(penalties -> ComputedResult.of(rules, inputs.entry().id(), inputs.entry().number(),
                                inputs.entry().status(), inputs.marks(), inputs.record(), penalties))
                        .flatMap(result -> store.save(inputs.entry(), result, rules.version(), clock.instant()))
                        .flatMap(saved -> reviewed.resultChanged(rules, inputs.eventStatus(),
                                        new StandingChangeView.ResultChangeRef(saved.changeId(), registrationId,
                                                saved.version()))
                                .thenReturn(saved.version())));
    }

    private Mono<List<ComputedResult.Penalty>> penalties(ResultStore.EntryInputs inputs) {
        return inputs.penalised() ? store.penalties(inputs.entry().id()).collectList() : Mono.just(List.of());
    }

    /**
     * Like {@link #recompute}, for an entry that has a result: one without marks yet gets its first result with its
     * first marks. Completes empty when there is no result to recompute.
     */
    public Mono<Long> refresh(EventRules rules, long registrationId) {
        return store.stored(rules.eventId(), registrationId)
                .flatMap(stored -> recompute(rules, registrationId));
    }
}
