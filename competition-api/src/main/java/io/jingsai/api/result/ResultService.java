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
import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TiePolicy;
import reactor.core.publisher.Mono;

/** Reading stored results, ranking them, and checking them against a recomputation from the marks. */
@Service
class ResultService {

    private final ResultStore store;
    private final EventRulebook rulebook;

    ResultService(ResultStore store, EventRulebook rulebook) {
        this.store = store;
        this.rulebook = rulebook;
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

    /** The stored results ranked by the event's rules; under FORCE_DISTINCT, remaining ties are shown shared. */
    Mono<StandingsView> standings(long eventId) {
        return rulebook.rules(eventId)
                .flatMap(rules -> store.storedOfEvent(eventId)
                        .filter(stored -> stored.entry().status().competes())
                        .collectList()
                        .map(results -> ranked(eventId, rules, results)));
    }

    private static StandingsView ranked(long eventId, EventRules rules, List<ResultStore.Stored> results) {
        Map<Standing, ResultStore.Stored> byStanding = new LinkedHashMap<>();
        for (ResultStore.Stored stored : results) {
            byStanding.put(stored.result().standing().standing(stored.entry().number()), stored);
        }
        RankingRule<Standing> rule = rules.ranking();
        RankingOutcome<Standing> outcome = Ranking.rank(byStanding.keySet(), rule);
        boolean unresolved = outcome instanceof RankingOutcome.UnresolvedTies<Standing>;
        if (unresolved) {
            outcome = Ranking.rank(byStanding.keySet(), rule.withTiePolicy(TiePolicy.SHARE));
        }
        List<StandingsView.Entry> entries = ((RankingOutcome.Ranked<Standing>) outcome).entries().stream()
                .map(ranked -> {
                    ResultStore.Stored stored = byStanding.get(ranked.entry());
                    return new StandingsView.Entry(ranked.rank(), ranked.position(), stored.entry().id(),
                            stored.entry().number(), stored.entry().station(), stored.result().status(),
                            stored.result().total(), ranked.entry().eligible(), stored.version());
                })
                .toList();
        return new StandingsView(eventId, unresolved, entries);
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
                        store.penaltiesOfEvent(eventId).collect(Collectors.groupingBy(Map.Entry::getKey,
                                LinkedHashMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))))
                .map(found -> compare(eventId, rules, found.getT1(), found.getT2(), found.getT3(), found.getT4())));
    }

    private RecomputationView compare(long eventId, EventRules rules, Map<Long, ResultStore.Entry> entries,
                                      Map<Long, List<ComputedResult.Mark>> marks,
                                      Map<Long, ResultStore.Stored> stored,
                                      Map<Long, List<ComputedResult.Penalty>> penalties) {
        List<Long> checked = entries.keySet().stream()
                .filter(id -> marks.containsKey(id) || stored.containsKey(id) || penalties.containsKey(id))
                .sorted().toList();
        List<RecomputationView.Difference> differences = new ArrayList<>();
        for (long id : checked) {
            ResultStore.Entry entry = entries.get(id);
            ComputedResult recomputed = ComputedResult.of(rules, id, entry.number(), entry.status(),
                    marks.getOrDefault(id, List.of()), penalties.getOrDefault(id, List.of()));
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
