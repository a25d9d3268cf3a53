package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.result.StandardisedResults;
import io.jingsai.api.result.StandardisedResults.EventScores;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The competition stars of a programme, computed on each request from the stored results: each counted event's
 * standardised scores (the result feature's one standardisation), one line per contestant combined by the
 * programme's star rule, ranked and cut into the stars tier by the scoring engine ({@link StarBoard}). Reads every
 * event in one repeatable-read snapshot, so that results committed together are counted together.
 *
 * <p>A programme that splits its stars quota has one more board per split: the same computation over the entries of
 * that split only, cut at the split's quota. The programme-wide board stays what it is without splits (it is the one
 * the fund and the enterprises index count).
 */
@Service
class StarStandings {

    private final ProgrammeService programmes;
    private final StarStore store;
    private final StandardisedResults standardised;
    private final ProgrammeJson json;

    StarStandings(ProgrammeService programmes, StarStore store, StandardisedResults standardised, ProgrammeJson json) {
        this.programmes = programmes;
        this.store = store;
        this.standardised = standardised;
        this.json = json;
    }

    /** A board and what it was computed from; {@code split} is null for the programme-wide board. */
    record Computed(ProgrammeRow programme, StarRule rule, StarSplit split, StarBoard.Board board,
                    List<StarStandingsView.EventCounted> events) {
    }

    /**
     * The board on {@code basis}, of the split with key {@code split} when given.
     *
     * @throws RejectedRequestException (400, parameter {@code split}) when the programme has no split of that key
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<StarStandingsView> standings(long programmeId, StarBasis basis, String split) {
        return compute(programmeId, basis, split).map(computed -> view(computed, basis));
    }

    /** The programme-wide board on {@code basis}; call it inside a repeatable-read transaction. */
    Mono<Computed> compute(long programmeId, StarBasis basis) {
        return compute(programmeId, basis, null);
    }

    private Mono<Computed> compute(long programmeId, StarBasis basis, String splitKey) {
        return programmes.load(programmeId).flatMap(programme -> {
            StarRule rule = json.starRule(programme);
            StarSplit split = splitKey == null ? null : rule.split(splitKey).orElse(null);
            if (splitKey != null && split == null) {
                return Mono.error(new RejectedRequestException(List.of(
                        FieldProblem.of("split", "starSplit.unknown", programmeId))));
            }
            StarScope scope = StarScope.of(rule.splitBy(), split);
            return store.events(programmeId).collectList().flatMap(events -> {
                List<Long> counted = events.stream().filter(event -> basis.counts(event.status()))
                        .map(StarStore.Event::id).toList();
                return Mono.zip(store.entrants(counted).collectList(), Flux.fromIterable(counted)
                                .concatMap(standardised::of)
                                .collectMap(EventScores::eventId))
                        .map(found -> board(programme, rule, scope, events, found.getT1(), found.getT2()));
            });
        });
    }

    private static Computed board(ProgrammeRow programme, StarRule rule, StarScope scope,
                                  List<StarStore.Event> events, List<StarStore.Entrant> entrants,
                                  Map<Long, EventScores> scores) {
        Map<Long, StarStore.Event> eventsById = new HashMap<>();
        events.forEach(event -> eventsById.put(event.id(), event));
        Map<Long, List<StarBoard.EventScore>> byContestant = new LinkedHashMap<>();
        Map<Long, StarStore.Entrant> contestants = new HashMap<>();
        for (StarStore.Entrant entrant : entrants) {
            EventScores event = scores.get(entrant.eventId());
            if (event != null && event.scores().containsKey(entrant.registrationId())
                    && scope.counts(entrant.regionCode(), eventsById.get(entrant.eventId()).keyArea())) {
                byContestant.computeIfAbsent(entrant.contestantId(), id -> new ArrayList<>())
                        .add(new StarBoard.EventScore(entrant.eventId(), entrant.registrationId(),
                                event.scores().get(entrant.registrationId()), !event.finalStandings()));
                contestants.put(entrant.contestantId(), entrant);
            }
        }
        List<StarBoard.Star> stars = new ArrayList<>();
        byContestant.forEach((id, scored) -> {
            StarStore.Entrant who = contestants.get(id);
            stars.add(StarBoard.star(id, who.name(), who.enterpriseId(), who.tradeId(), scored, rule.combination()));
        });
        List<StarStandingsView.EventCounted> counted = events.stream().map(event -> counted(event,
                scores.get(event.id()))).toList();
        return new Computed(programme, rule, scope.split(),
                StarBoard.place(stars, rule, scope.quota(programme.quotas().stars())), counted);
    }

    private static StarStandingsView.EventCounted counted(StarStore.Event event, EventScores scores) {
        return scores == null
                ? new StarStandingsView.EventCounted(event.id(), event.name(), event.tradeId(), event.status(), false,
                        false, false, null, 0)
                : new StarStandingsView.EventCounted(event.id(), event.name(), event.tradeId(), scores.status(), true,
                        scores.finalStandings(), scores.standardised(), scores.flag(), scores.results());
    }

    private static StarStandingsView view(Computed computed, StarBasis basis) {
        List<StarStandingsView.Entry> entries = computed.board().entries().stream()
                .map(placed -> {
                    StarBoard.Star star = placed.star();
                    return new StarStandingsView.Entry(placed.rank(), placed.position(), star.contestantId(),
                            star.name(), star.enterpriseId(), star.tradeId(), star.score(), placed.inTier(),
                            star.provisional(), star.events().stream()
                            .map(e -> new StarStandingsView.EventScore(e.eventId(), e.registrationId(), e.score(),
                                    e.provisional()))
                            .toList());
                })
                .toList();
        List<StarStandingsView.EventCounted> counted = computed.events().stream()
                .filter(StarStandingsView.EventCounted::counted).toList();
        boolean provisional = counted.stream().anyMatch(event -> !event.finalStandings());
        boolean published = !counted.isEmpty()
                && counted.stream().allMatch(event -> event.status() == EventStatus.PUBLISHED);
        StarRule rule = computed.rule();
        StarSplit split = computed.split();
        return new StarStandingsView(computed.programme().id(), basis, split == null ? null : rule.splitBy(),
                split == null ? null : split.key(), provisional, published, rule.combination(),
                rule.cutOffPolicy(), computed.board().tier(), computed.events(), entries);
    }
}
