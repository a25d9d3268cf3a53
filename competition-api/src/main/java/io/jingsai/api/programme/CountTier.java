package io.jingsai.api.programme;

import java.util.List;

import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.award.Awards;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankedEntry;

/**
 * A tier of a programme board is the top {@code quota} places of the board, filled as the scoring engine fills an
 * award band with a count quota: everyone on the board may take a place, and the cut-off policy decides for those
 * tied at the last place (the engine reports the overflow or shortfall).
 */
final class CountTier {

    private CountTier() {
    }

    static <T> AwardOutcome.BandAward<T> fill(List<RankedEntry<T>> ranking, String tier, int quota,
                                              CutOffPolicy policy) {
        AwardPlan<T> plan = AwardPlan.<T>builder(entry -> true)
                .band(AwardBand.of(tier, new BandQuota.Count(quota)))
                .cutOff(policy)
                .build();
        return Awards.award(ranking, plan).bands().get(0);
    }
}
