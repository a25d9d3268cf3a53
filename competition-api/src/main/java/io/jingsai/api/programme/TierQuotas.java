package io.jingsai.api.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;

/**
 * Places on the four boards of the "十百千万" programme. A missing quota takes its default (10 / 100 / 1,000 /
 * 10,000). Demonstration projects are the best of the key projects, so there are never more of them than key ones;
 * the service checks that, since it spans two fields.
 */
@Schema(name = "TierQuotas")
record TierQuotas(
        @Schema(description = "示范性竞赛项目, default 10") @Positive Integer demonstration,
        @Schema(description = "重点竞赛项目, default 100") @Positive Integer key,
        @Schema(description = "竞赛标兵 (individuals), default 1000") @Positive Integer stars,
        @Schema(description = "万家企业, default 10000") @Positive Integer enterprises) {

    static final TierQuotas DEFAULTS = new TierQuotas(10, 100, 1000, 10_000);

    TierQuotas {
        demonstration = demonstration == null ? 10 : demonstration;
        key = key == null ? 100 : key;
        stars = stars == null ? 1000 : stars;
        enterprises = enterprises == null ? 10_000 : enterprises;
    }
}
