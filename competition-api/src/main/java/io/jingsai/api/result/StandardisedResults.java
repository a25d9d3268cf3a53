package io.jingsai.api.result;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventStatus;
import reactor.core.publisher.Mono;

/**
 * Each event's results on the common scale, for features that rank entrants across events and trades (the
 * programme's competition stars). Computed from the stored results by the one standardisation of final standings
 * ({@code GET /api/events/{id}/results}); reads only.
 */
@Component
public class StandardisedResults {

    private final ResultStore store;
    private final EventRulebook rulebook;

    StandardisedResults(ResultStore store, EventRulebook rulebook) {
        this.store = store;
        this.rulebook = rulebook;
    }

    /**
     * One event's standardised scores.
     *
     * @param status         the event's status when read
     * @param finalStandings true once marking has closed (REVIEW, PUBLISHED): the scores are those of the event's
     *                       final standings; false before: the event's complete results so far, standardised the same
     *                       way (provisional)
     * @param standardised   false when the eligible results are too few or do not spread: then {@code scores} is
     *                       empty and {@code flag} says why (TOO_FEW_RESULTS, NO_SPREAD)
     * @param results        eligible results counted
     * @param scores         registration id → standardised score (rounded once by the event's scale), of eligible
     *                       entries only (observers, disqualified, incomplete and withdrawn entries have none)
     */
    public record EventScores(long eventId, EventStatus status, boolean finalStandings, boolean standardised,
                              String flag, int results, Map<Long, BigDecimal> scores) {

        public EventScores {
            scores = Map.copyOf(scores);
        }
    }

    /**
     * The event's standardised scores from the given results instead of the stored ones: those of its public board
     * frozen (封榜), which the public's ranking across events must not see past, or those a follower of the results
     * holds, with the event's status as the caller read it (in the same snapshot).
     */
    public Mono<EventScores> of(long eventId, EventStatus status, List<CurrentResults.CurrentResult> results) {
        return rulebook.rules(eventId).map(rules -> scores(rules, status, results));
    }

    /** The event's standardised scores as its results stand now; fails as not found (404) if there is no such event. */
    public Mono<EventScores> of(long eventId) {
        return rulebook.rules(eventId)
                .flatMap(rules -> Mono.zip(store.eventStatus(eventId), store.current(eventId, null).collectList())
                        .map(found -> scores(rules, found.getT1(), found.getT2())));
    }

    private static EventScores scores(EventRules rules, EventStatus status, List<CurrentResults.CurrentResult> results) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        StandingsView.Standardisation done = Standings.standardised(rules.eventId(), rules, results, scores);
        return new EventScores(rules.eventId(), status, ReviewedStandings.isFinal(status), done.standardised(),
                done.flag(), done.results(), scores);
    }
}
