package io.jingsai.api.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.registration.RegistrationStatus;
import reactor.core.publisher.Mono;

/**
 * Every stored result of an event with its place in the event's standings, as values, for features that show or
 * certify results (a contestant's own results, certificates): the same standings as
 * {@code GET /api/events/{id}/results}, ranked once by {@link Standings}. Reads only.
 */
@Component
public class RankedResults {

    private final ResultStore store;
    private final EventRulebook rulebook;

    RankedResults(ResultStore store, EventRulebook rulebook) {
        this.store = store;
        this.rulebook = rulebook;
    }

    /**
     * An event's results as they stand.
     *
     * @param status      the event's status when read
     * @param provisional true before marking closes: ranks only, no awards nor titles
     * @param entries     every entry with a stored result, in registration-number order
     */
    public record EventResults(long eventId, EventStatus status, boolean provisional, List<Placed> entries) {

        public EventResults {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One entry's stored result and its place.
     *
     * @param registrationStatus WITHDRAWN and ABSENT entries keep their result but are not ranked
     * @param total              the published total (provisional unless {@code status} is COMPLETE)
     * @param components         component id → published component score; empty when the scheme has none
     * @param rank               tied entries share it; null for an entry that is not ranked (withdrawn, absent)
     * @param eligible           may take award places
     * @param award              the award band won, or null (always null while provisional)
     * @param titles             the titles earned (empty while provisional)
     * @param resultVersion      the version of the stored result
     */
    public record Placed(long registrationId, int registrationNumber, RegistrationStatus registrationStatus,
                         EntryResultStatus status, BigDecimal total, Map<String, BigDecimal> components,
                         Integer rank, boolean eligible, String award, List<String> titles, long resultVersion) {

        public Placed {
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
            titles = List.copyOf(titles);
        }
    }

    /** The event's results and places now; fails as not found (404) if there is no such event. */
    public Mono<EventResults> of(long eventId) {
        return ranked(eventId).map(RankedResults::placed);
    }

    /** The event's rules, status, stored results and their standings, read and ranked together. */
    record Ranked(EventRules rules, EventStatus status, List<ResultStore.Stored> stored, StandingsView standings) {
    }

    Mono<Ranked> ranked(long eventId) {
        return rulebook.rules(eventId)
                .flatMap(rules -> Mono.zip(store.eventStatus(eventId), store.storedOfEvent(eventId).collectList())
                        .map(found -> new Ranked(rules, found.getT1(), found.getT2(), Standings.of(eventId, rules,
                                found.getT2(), !ReviewedStandings.isFinal(found.getT1())))));
    }

    private static EventResults placed(Ranked ranked) {
        Map<Long, StandingsView.Entry> places = new HashMap<>();
        ranked.standings().entries().forEach(entry -> places.put(entry.registrationId(), entry));
        List<Placed> entries = new ArrayList<>();
        for (ResultStore.Stored stored : ranked.stored()) {
            StandingsView.Entry place = places.get(stored.entry().id());
            ComputedResult result = stored.result();
            entries.add(new Placed(stored.entry().id(), stored.entry().number(), stored.entry().status(),
                    result.status(), result.total(), result.components(),
                    place == null ? null : place.rank(), place != null && place.eligible(),
                    place == null ? null : place.award(), place == null ? List.of() : place.titles(),
                    stored.version()));
        }
        return new EventResults(ranked.standings().eventId(), ranked.status(), ranked.standings().provisional(),
                entries);
    }
}
