package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.award.Awards;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;

/**
 * How every programme board (stars, projects, enterprises) ranks and fills its tiers, in the scoring engine's
 * language. A board is ranked by one score, higher first, standard competition ranking ("1224": equal scores share a
 * rank), ties displayed by id. A tier of a board is the top {@code quota} places of the board, filled as the scoring
 * engine fills an award band with a count quota: everyone on the board may take a place, and the cut-off policy
 * decides for those tied at the last place (the engine reports the overflow or shortfall).
 */
final class CountTier {

    private CountTier() {
    }

    /** A board's one key: its score, higher first. */
    static <T> TieBreakChain<T> byScore(String scoreName, Function<? super T, BigDecimal> score) {
        return TieBreakChain.of(TieBreakKey.descending(scoreName, score));
    }

    /** {@code entries} ranked by {@code chain}, ties sharing a rank and displayed by {@code id}. */
    static <T> List<RankedEntry<T>> rank(List<T> entries, TieBreakChain<T> chain, ToLongFunction<? super T> id) {
        RankingRule<T> rule = RankingRule.standard(chain, Comparator.comparingLong(id));
        if (!(Ranking.rank(entries, rule) instanceof RankingOutcome.Ranked<T> ranked)) {
            throw new IllegalStateException("a ranking that shares ties always ranks");
        }
        return ranked.entries();
    }

    /**
     * The tier of {@code ranking}. BREAK_BY_CHAIN breaks a tie at the cut-off by the board's own {@code chain}, which
     * holds nothing after the score: the tied stay tied and all enter, as under INCLUDE_ALL.
     */
    static <T> AwardOutcome.BandAward<T> fill(List<RankedEntry<T>> ranking, TieBreakChain<T> chain, String tier,
                                              int quota, CutOffPolicy policy) {
        AwardPlan<T> plan = AwardPlan.<T>builder(entry -> true)
                .band(AwardBand.of(tier, new BandQuota.Count(quota)))
                .cutOff(policy)
                .breakChain(policy == CutOffPolicy.BREAK_BY_CHAIN ? chain : null)
                .build();
        return Awards.award(ranking, plan).bands().get(0);
    }
}
