package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.award.CutOffPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How the programme's enterprises index (万家企业) weighs participation and results: an enterprise's index is the
 * exact sum of each count times its weight. Missing fields take their defaults: a contestant entered 1, a star 10,
 * awards by level 8 / 5 / 3 / 1 (first prize first), a key project 20, a demonstration project 50, cut-off
 * INCLUDE_ALL. Weights are exact decimals from 0 to 1,000,000; at least one must be above 0.
 *
 * @param contestantWeight           per distinct contestant of the enterprise entered (alone or in a team) in a
 *                                   counted way: an entry neither withdrawn nor absent
 * @param starWeight                 per contestant of the enterprise in the stars tier of the board of the same basis
 * @param awardWeights               per award of the enterprise's entries by the award's level: the first weight for
 *                                   an event's first band, the second for its second, and so on; an award of a band
 *                                   beyond the list weighs 0, so an empty list leaves awards out
 * @param keyProjectWeight           per project the enterprise hosts that is a key project but not a demonstration one
 * @param demonstrationProjectWeight per demonstration project the enterprise hosts (counted in that tier only)
 * @param cutOffPolicy               enterprises tied at the enterprises tier's last place: INCLUDE_ALL (the overflow is
 *                                   reported), EXCLUDE_ALL (the places stay empty), BREAK_BY_CHAIN (the board has no
 *                                   key after the index, so as INCLUDE_ALL)
 */
@Schema(name = "EnterpriseIndexRule", description = "Weights of the enterprises index and the tier's cut-off policy")
record EnterpriseIndexRule(
        @Schema(description = "per contestant entered, default 1") @DecimalMin("0") @DecimalMax(MAX)
        BigDecimal contestantWeight,
        @Schema(description = "per contestant in the stars tier, default 10") @DecimalMin("0") @DecimalMax(MAX)
        BigDecimal starWeight,
        @Schema(description = "per award by level, first prize first; default [8, 5, 3, 1]")
        @Size(max = MAX_LEVELS) List<@NotNull @DecimalMin("0") @DecimalMax(MAX) BigDecimal> awardWeights,
        @Schema(description = "per key project hosted (not demonstration), default 20") @DecimalMin("0")
        @DecimalMax(MAX) BigDecimal keyProjectWeight,
        @Schema(description = "per demonstration project hosted, default 50") @DecimalMin("0") @DecimalMax(MAX)
        BigDecimal demonstrationProjectWeight,
        @Schema(description = "enterprises tied at the tier's last place: INCLUDE_ALL (default), EXCLUDE_ALL, "
                + "BREAK_BY_CHAIN (as INCLUDE_ALL)") CutOffPolicy cutOffPolicy) {

    static final String MAX = "1000000";
    static final int MAX_LEVELS = 10;
    static final EnterpriseIndexRule DEFAULTS = new EnterpriseIndexRule(null, null, null, null, null, null);

    EnterpriseIndexRule {
        contestantWeight = contestantWeight == null ? BigDecimal.ONE : contestantWeight;
        starWeight = starWeight == null ? BigDecimal.TEN : starWeight;
        awardWeights = awardWeights == null ? Stream.of(8, 5, 3, 1).map(BigDecimal::valueOf).toList() : awardWeights;
        keyProjectWeight = keyProjectWeight == null ? BigDecimal.valueOf(20) : keyProjectWeight;
        demonstrationProjectWeight = demonstrationProjectWeight == null ? BigDecimal.valueOf(50)
                : demonstrationProjectWeight;
        cutOffPolicy = cutOffPolicy == null ? CutOffPolicy.INCLUDE_ALL : cutOffPolicy;
    }

    /** The weight of an award of {@code level} (1 for a first band); 0 beyond the list. */
    BigDecimal awardWeight(int level) {
        return level <= awardWeights.size() ? awardWeights.get(level - 1) : BigDecimal.ZERO;
    }

    /**
     * The rule across the fields (each weight on its own is checked by Bean Validation first): some weight is above
     * 0, or every enterprise would tie.
     */
    List<FieldProblem> problems() {
        boolean weighed = Stream.concat(Stream.of(contestantWeight, starWeight, keyProjectWeight,
                        demonstrationProjectWeight), awardWeights.stream())
                .anyMatch(weight -> weight != null && weight.signum() > 0);
        return weighed ? List.of() : List.of(new FieldProblem("enterpriseIndex", "enterpriseIndex.noWeight"));
    }
}
