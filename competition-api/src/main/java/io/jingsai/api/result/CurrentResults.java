package io.jingsai.api.result;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.scoring.marking.AspectStatus;
import reactor.core.publisher.Flux;

/**
 * The stored results of an event as values, for features that follow them: what each entry's current result is and
 * how ranking sees it (the public boards), and which results wait for review (the chief judge's desk). Reads only;
 * the rows stay in this feature.
 */
@Component
public class CurrentResults {

    private final ResultStore store;

    CurrentResults(ResultStore store) {
        this.store = store;
    }

    /**
     * One entry's current result.
     *
     * @param registrationStatus WITHDRAWN and ABSENT entries keep their result but do not compete
     * @param total              the published total (provisional unless {@code status} is COMPLETE)
     * @param standing           the entry as the event's ranking rule sees it
     * @param version            grows with every recomputation; the result-change outbox names it
     */
    public record CurrentResult(long eventId, long registrationId, int registrationNumber, String stationNumber,
                                RegistrationStatus registrationStatus, EntryResultStatus status, BigDecimal total,
                                Standing standing, long version) {
    }

    /**
     * The current results of the event's entries, of every entry that has one when {@code registrationIds} is
     * null; entries without a result (or of another event) are left out.
     */
    public Flux<CurrentResult> of(long eventId, Collection<Long> registrationIds) {
        return registrationIds != null && registrationIds.isEmpty() ? Flux.empty()
                : store.current(eventId, registrationIds);
    }

    /**
     * An entry whose result waits for its judges to settle aspects they disagree on beyond the scheme's allowed
     * spread (NEEDS_REVIEW), with those aspects, as the engine judged them.
     */
    public record AwaitingReview(long registrationId, int registrationNumber, String stationNumber,
                                 List<String> aspectIds) {

        public AwaitingReview {
            aspectIds = List.copyOf(aspectIds);
        }
    }

    /** The event's competing entries whose results need review, by registration number. */
    public Flux<AwaitingReview> awaitingReview(long eventId) {
        return store.storedOfEvent(eventId)
                .filter(stored -> stored.result().status() == EntryResultStatus.NEEDS_REVIEW
                        && stored.entry().status().competes())
                .map(stored -> new AwaitingReview(stored.entry().id(), stored.entry().number(),
                        stored.entry().station(), stored.result().aspects().stream()
                        .filter(aspect -> aspect.status() == AspectStatus.NEEDS_REVIEW)
                        .map(AspectResultView::aspectId).toList()))
                .sort(Comparator.comparingInt(AwaitingReview::registrationNumber));
    }
}
