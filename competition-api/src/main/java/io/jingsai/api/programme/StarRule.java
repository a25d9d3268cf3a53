package io.jingsai.api.programme;

import io.jingsai.scoring.award.CutOffPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How the programme ranks its competition stars across events and trades. Missing fields take their defaults.
 *
 * @param combination  how a contestant's standardised scores in several events combine; default BEST
 * @param cutOffPolicy who of those tied at the stars tier's last place enter it; default INCLUDE_ALL
 */
@Schema(name = "StarRule")
record StarRule(
        @Schema(description = "how one contestant's standardised scores in several events combine: BEST (default), "
                + "SUM, or MEAN (rounded HALF_UP to two places)") StarCombination combination,
        @Schema(description = "contestants tied at the stars tier's last place: INCLUDE_ALL (default, the overflow "
                + "is reported), EXCLUDE_ALL (the places stay empty), BREAK_BY_CHAIN (the board has no further key, "
                + "so as INCLUDE_ALL)") CutOffPolicy cutOffPolicy) {

    static final StarRule DEFAULTS = new StarRule(null, null);

    StarRule {
        combination = combination == null ? StarCombination.BEST : combination;
        cutOffPolicy = cutOffPolicy == null ? CutOffPolicy.INCLUDE_ALL : cutOffPolicy;
    }
}
