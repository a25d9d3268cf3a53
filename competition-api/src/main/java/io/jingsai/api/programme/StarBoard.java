package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.TieBreakChain;

/**
 * The competition stars board in the scoring engine's ranking language: one line per contestant, whose score is the
 * programme's combination of the contestant's standardised scores (each event's results on the common scale), higher
 * first, standard competition ranking ("1224", ties share a rank), ties displayed by contestant id. The stars tier
 * is the top {@code quotas.stars} of the board under the programme's cut-off policy ({@link CountTier}).
 */
final class StarBoard {

    static final String TIER = "stars";

    private static final TieBreakChain<Star> CHAIN = CountTier.byScore("score", Star::score);

    private StarBoard() {
    }

    /** A contestant's standardised score in one event. */
    record EventScore(long eventId, long registrationId, BigDecimal score, boolean provisional) {
    }

    /** A contestant and the scores combined into the board's score. */
    record Star(long contestantId, String name, long enterpriseId, long tradeId, List<EventScore> events,
                BigDecimal score) {

        boolean provisional() {
            return events.stream().anyMatch(EventScore::provisional);
        }
    }

    /** A contestant's place on the board. */
    record Placed(Star star, int rank, int position, boolean inTier) {
    }

    /** The board best first, and how the stars tier was filled. */
    record Board(List<Placed> entries, StarStandingsView.TierFill tier) {

        List<Placed> stars() {
            return entries.stream().filter(Placed::inTier).toList();
        }
    }

    /** One line per contestant: their event scores combined by {@code combination}. */
    static Star star(long contestantId, String name, long enterpriseId, long tradeId, List<EventScore> events,
                     StarCombination combination) {
        List<EventScore> ordered = events.stream().sorted(Comparator.comparingLong(EventScore::eventId)).toList();
        return new Star(contestantId, name, enterpriseId, tradeId, ordered,
                combination.combine(ordered.stream().map(EventScore::score).toList()));
    }

    static Board place(List<Star> stars, StarRule rule, int quota) {
        List<RankedEntry<Star>> ranked = CountTier.rank(stars, CHAIN, Star::contestantId);
        AwardOutcome.BandAward<Star> tier = CountTier.fill(ranked, CHAIN, TIER, quota, rule.cutOffPolicy());
        Set<Star> members = new HashSet<>();
        tier.winners().forEach(winner -> members.add(winner.entry()));
        List<Placed> entries = new ArrayList<>();
        for (RankedEntry<Star> entry : ranked) {
            entries.add(new Placed(entry.entry(), entry.rank(), entry.position(), members.contains(entry.entry())));
        }
        return new Board(entries, new StarStandingsView.TierFill(tier.quota(), tier.winners().size(),
                tier.overflow(), tier.shortfall()));
    }
}
