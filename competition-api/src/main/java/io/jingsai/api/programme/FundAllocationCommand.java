package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * How to allocate an incentive fund across the programme's tiers and their members. Weights are relative (each level
 * is divided by the sum of its weights). Rules across fields (a tier named once, rank bands in increasing order with
 * an open last band, some tier weighted) are checked by the service.
 *
 * @param fundFen the amount in fen; the programme's fund when absent
 * @param tiers   each tier rewarded, once
 */
@Schema(name = "FundAllocationCommand", description = "Allocates the fund across tiers by weight, then each tier's "
        + "part across its members: equally, or by the rank band each member's rank falls in.", example = """
        {"fundFen": 1500000000,
         "tiers": [{"tier": "DEMONSTRATION", "weight": 3},
                   {"tier": "KEY", "weight": 2},
                   {"tier": "STARS", "weight": 5,
                    "rankBands": [{"maxRank": 10, "weight": 3}, {"maxRank": 100, "weight": 2}, {"weight": 1}]}]}""")
record FundAllocationCommand(
        @Schema(description = "the amount in fen (分, 0.01 yuan); the programme's fundFen when absent")
        @PositiveOrZero Long fundFen,
        @NotNull @Size(min = 1, max = 3) List<@Valid @NotNull TierShare> tiers) {

    /**
     * A tier's claim.
     *
     * @param weight    the tier's weight, 0 or more
     * @param rankBands how the tier's part is split: absent or empty, equally; else each member takes the weight of
     *                  the first band whose maxRank is at least its rank; the last band has no maxRank (every rank
     *                  below)
     */
    @Schema(name = "FundTierShare")
    record TierShare(@NotNull FundTier tier, @NotNull @PositiveOrZero BigDecimal weight,
                     @Size(max = 100) List<@Valid @NotNull RankBand> rankBands) {

        TierShare {
            rankBands = rankBands == null ? List.of() : rankBands;
        }
    }

    /**
     * Members ranked down to {@code maxRank} (after the bands before it) take {@code weight} each.
     *
     * @param maxRank the band's last rank; absent on the last band: every rank below
     */
    @Schema(name = "FundRankBand")
    record RankBand(@Positive Integer maxRank, @NotNull @Positive BigDecimal weight) {
    }
}
