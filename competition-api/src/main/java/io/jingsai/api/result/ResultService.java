package io.jingsai.api.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Mono;

/** Reading stored results, ranking them, and checking them against a recomputation from the marks. */
@Service
class ResultService {

    private final ResultStore store;
    private final EventRulebook rulebook;
    private final ReviewStore reviews;
    private final RankedResults ranked;

    ResultService(ResultStore store, EventRulebook rulebook, ReviewStore reviews, RankedResults ranked) {
        this.store = store;
        this.rulebook = rulebook;
        this.reviews = reviews;
        this.ranked = ranked;
    }

    Mono<ResultView> result(long eventId, long registrationId) {
        return rulebook.rules(eventId)
                .then(store.entry(eventId, registrationId))
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.registration", registrationId,
                        eventId)))
                .then(store.stored(eventId, registrationId))
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.result", registrationId)))
                .map(ResultView::of);
    }

    /**
     * The stored results ranked by the event's rules (under FORCE_DISTINCT, remaining ties are shown shared):
     * provisional while the event is marking, final with awards, titles and standardised scores once marking has
     * closed.
     */
    Mono<StandingsView> standings(long eventId) {
        return ranked.ranked(eventId).map(RankedResults.Ranked::standings);
    }

    /** What changed for whom in the final standings since the event first went out for review. */
    Mono<StandingChangesView> changes(long eventId) {
        return rulebook.rules(eventId)
                .flatMap(rules -> reviews.changes(eventId).collectList())
                .map(changes -> new StandingChangesView(eventId, changes));
    }

    /**
     * Recomputes every result of the event from its marks, deductions and disqualifications and lists where the stored one differs. Reads in one
     * repeatable-read snapshot, so that marks and results committed together are seen together.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    Mono<RecomputationView> recomputation(long eventId) {
        return rulebook.rules(eventId).flatMap(rules -> Mono.zip(
                        store.entries(eventId).collectMap(ResultStore.Entry::id, Function.identity()),
                        store.marksOfEvent(eventId).collect(Collectors.groupingBy(Map.Entry::getKey,
                                LinkedHashMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))),
                        store.storedOfEvent(eventId).collectMap(stored -> stored.entry().id(), Function.identity()),
                        store.recordsOfEvent(eventId),
                        store.penaltiesOfEvent(eventId).collect(Collectors.groupingBy(Map.Entry::getKey,
                                LinkedHashMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))))
                .map(found -> compare(eventId, rules, found.getT1(), found.getT2(), found.getT3(), found.getT4(),
                        found.getT5())));
    }

    private RecomputationView compare(long eventId, EventRules rules, Map<Long, ResultStore.Entry> entries,
                                      Map<Long, List<ComputedResult.Mark>> marks,
                                      Map<Long, ResultStore.Stored> stored, Map<Long, EntryRecord> records,
                                      Map<Long, List<ComputedResult.Penalty>> penalties) {
        List<Long> checked = entries.keySet().stream()
                .filter(id -> marks.containsKey(id) || stored.containsKey(id) || penalties.containsKey(id))
                .sorted().toList();
        List<RecomputationView.Difference> differences = new ArrayList<>();
        for (long id : checked) {
            ResultStore.Entry entry = entries.get(id);
            ComputedResult recomputed = ComputedResult.of(rules, id, entry.number(), entry.status(),
                    marks.getOrDefault(id, List.of()), records.getOrDefault(id, EntryRecord.NONE),
                    penalties.getOrDefault(id, List.of()));
            ResultStore.Stored kept = stored.get(id);
            List<String> fields = kept == null ? List.of("result") : differing(kept.result(), recomputed);
            if (!fields.isEmpty()) {
                differences.add(new RecomputationView.Difference(id, entry.number(), fields));
            }
        }
        return new RecomputationView(eventId, checked.size(), differences);
    }

    private List<String> differing(ComputedResult kept, ComputedResult recomputed) {
        List<String> fields = new ArrayList<>();
        differs(fields, "status", kept.status(), recomputed.status());
        differs(fields, "exactTotal", kept.exactTotal(), recomputed.exactTotal());
        if (kept.total().compareTo(recomputed.total()) != 0) {
            fields.add("total");
        }
        differs(fields, "components", store.fingerprint(kept.components()), store.fingerprint(recomputed.components()));
        differs(fields, "aspects", store.fingerprint(kept.aspects()), store.fingerprint(recomputed.aspects()));
        differs(fields, "standing", store.fingerprint(kept.standing()), store.fingerprint(recomputed.standing()));
        differs(fields, "sheets", kept.sheets(), recomputed.sheets());
        return fields;
    }

    private static void differs(List<String> fields, String name, Object kept, Object recomputed) {
        if (!Objects.equals(kept, recomputed)) {
            fields.add(name);
        }
    }
}
