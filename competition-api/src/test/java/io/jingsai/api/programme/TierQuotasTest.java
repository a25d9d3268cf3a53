package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.jingsai.api.shared.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's quotas take their defaults and rules from the leaderboard core's {@code Quotas}, and name the field. */
class TierQuotasTest {

    @Test
    void missingQuotasTakeTheDefaultsOfTheCore() {
        assertThat(new TierQuotas(null, null, null, null)).isEqualTo(new TierQuotas(10, 100, 1000, 10_000));
        assertThat(TierQuotas.DEFAULTS).isEqualTo(new TierQuotas(10, 100, 1000, 10_000));
        assertThat(new TierQuotas(5, null, null, 7)).isEqualTo(new TierQuotas(5, 100, 1000, 7));
    }

    @Test
    void demonstrationProjectsAreAtMostTheKeyProjects() {
        assertThat(new TierQuotas(100, 100, 1, 1).problems()).isEmpty();
        assertThat(new TierQuotas(101, null, null, null).problems()).extracting(FieldProblem::field,
                FieldProblem::rule, FieldProblem::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quotas.demonstration",
                        "quotas.demonstrationAboveKey", List.of(100)));
    }

    @Test
    void everyQuotaIsAtLeastOne() {
        assertThat(new TierQuotas(0, 0, -1, 0).problems()).extracting(FieldProblem::field, FieldProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("quotas.demonstration", "positive"),
                        org.assertj.core.groups.Tuple.tuple("quotas.key", "positive"),
                        org.assertj.core.groups.Tuple.tuple("quotas.stars", "positive"),
                        org.assertj.core.groups.Tuple.tuple("quotas.enterprises", "positive"));
    }
}
