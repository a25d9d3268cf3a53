package io.jingsai.api.programme;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.leaderboard.Quotas;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Places on the four boards of the "十百千万" programme. A missing quota takes its default, and the quotas' rules
 * are checked, by the one statement of both in the leaderboard core ({@link Quotas}): 10 / 100 / 1,000 / 10,000,
 * every quota at least 1, never more demonstration than key projects (equal is allowed). {@code @Positive} only
 * declares the first rule in the schema; {@link #problems()} reports the core's violations, including the one that
 * spans two fields.
 */
@Schema(name = "TierQuotas")
record TierQuotas(
        @Schema(description = "示范性竞赛项目, default 10") @Positive Integer demonstration,
        @Schema(description = "重点竞赛项目, default 100") @Positive Integer key,
        @Schema(description = "竞赛标兵 (individuals), default 1000") @Positive Integer stars,
        @Schema(description = "万家企业, default 10000") @Positive Integer enterprises) {

    static final TierQuotas DEFAULTS = new TierQuotas(null, null, null, null);

    TierQuotas {
        demonstration = demonstration == null ? Quotas.DEFAULT.demonstrationProjects() : demonstration;
        key = key == null ? Quotas.DEFAULT.keyProjects() : key;
        stars = stars == null ? Quotas.DEFAULT.stars() : stars;
        enterprises = enterprises == null ? Quotas.DEFAULT.enterprises() : enterprises;
    }

    /** Every quota rule these quotas break, as problems of the fields {@code quotas.<name>}; empty if none. */
    List<FieldProblem> problems() {
        return Quotas.violations(demonstration, key, stars, enterprises).stream()
                .map(v -> v.bound() == null ? new FieldProblem("quotas." + v.quota(), v.rule())
                        : FieldProblem.of("quotas." + v.quota(), v.rule(), v.bound()))
                .toList();
    }
}
