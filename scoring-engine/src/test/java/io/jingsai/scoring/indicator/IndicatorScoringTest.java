package io.jingsai.scoring.indicator;

import io.jingsai.scoring.ExactValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorScoringTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static IndicatorScheme projectScheme() {
        return IndicatorScheme.outOf100(List.of(
                // cost saved (10k yuan): 0 earns nothing, 500 earns everything; weight 3
                new Indicator("costSaved", d("3"), Direction.HIGHER_IS_BETTER, Normalisation.againstTarget("0", "500")),
                // days late: 30 earns nothing, 0 earns everything; weight 2
                new Indicator("daysLate", d("2"), Direction.LOWER_IS_BETTER, Normalisation.againstTarget("30", "0")),
                // patents against the field; weight 1
                new Indicator("patents", d("1"), Direction.HIGHER_IS_BETTER, Normalisation.againstField())));
    }

    @Test
    void weightsNormalisedIndicators() {
        List<IndicatorScoring.Score> scores = IndicatorScoring.score(projectScheme(), List.of(
                new IndicatorScoring.Values("p1", Map.of("costSaved", d("250"), "daysLate", d("10"), "patents", d("4"))),
                new IndicatorScoring.Values("p2", Map.of("costSaved", d("800"), "daysLate", d("45"), "patents", d("2"))),
                new IndicatorScoring.Values("p3", Map.of("costSaved", d("100"), "patents", d("0")))));
        // p1: cost 0.5, days (10 − 30)/(0 − 30) = 2/3, patents 4/4 = 1 → (1.5 + 4/3 + 1) / 6 × 100 = 63.888… → 63.89
        // p2: cost 1 (capped), days 0 (capped), patents 2/4 → (3 + 0 + 0.5) / 6 × 100 = 58.333… → 58.33
        // p3: cost 0.2, days missing → 0, patents 0 → 0.6 / 6 × 100 = 10
        assertThat(scores).extracting(s -> s.score().toPlainString()).containsExactly("63.89", "58.33", "10.00");
        assertThat(scores.get(0).normalised().get("daysLate")).isEqualTo(ExactValue.ratio(d("2"), 3));
        assertThat(scores.get(2).missing()).containsExactly("daysLate");
    }

    @Test
    void aFieldWhereEveryoneIsEqualScoresEveryoneFull() {
        IndicatorScheme scheme = IndicatorScheme.outOf100(List.of(
                new Indicator("safety", d("1"), Direction.LOWER_IS_BETTER, Normalisation.againstField())));
        assertThat(IndicatorScoring.score(scheme, List.of(new IndicatorScoring.Values("a", Map.of("safety", d("0"))),
                new IndicatorScoring.Values("b", Map.of("safety", d("0")))))).extracting(s -> s.score().toPlainString())
                .containsExactly("100.00", "100.00");
    }

    @Test
    void scoresDoNotDependOnEntryOrder() {
        Random random = new Random(3);
        List<IndicatorScoring.Values> entries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            entries.add(new IndicatorScoring.Values("p" + i, Map.of("costSaved", BigDecimal.valueOf(random.nextInt(700)),
                    "daysLate", BigDecimal.valueOf(random.nextInt(40)), "patents", BigDecimal.valueOf(random.nextInt(9)))));
        }
        var scores = IndicatorScoring.score(projectScheme(), entries);
        List<IndicatorScoring.Values> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, random);
        var again = IndicatorScoring.score(projectScheme(), shuffled);
        for (var score : scores) {
            var same = again.stream().filter(s -> s.entryId().equals(score.entryId())).findFirst().orElseThrow();
            assertThat(same.score()).isEqualTo(score.score());
            assertThat(score.exactScore()).isBetween(ExactValue.ZERO, ExactValue.of(d("100")));
        }
    }

    @Test
    void rejectsContradictoryOrUnknownIndicators() {
        assertThatThrownBy(() -> new Indicator("daysLate", d("1"), Direction.LOWER_IS_BETTER,
                Normalisation.againstTarget("0", "30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indicator daysLate is LOWER_IS_BETTER but its target 30 is above its baseline 0");
        assertThatThrownBy(() -> new Indicator("x", d("0"), Direction.HIGHER_IS_BETTER, Normalisation.againstField()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weight of indicator x must be > 0, got 0");
        assertThatThrownBy(() -> IndicatorScoring.score(projectScheme(),
                List.of(new IndicatorScoring.Values("p", Map.of("nope", d("1"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entry p: unknown indicator 'nope'");
    }

    @Test
    void rejectsMalformedSchemesAndEntries() {
        assertThatThrownBy(() -> Normalisation.againstTarget("5", "5.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("target must differ from baseline, both are 5.0");
        assertThatThrownBy(() -> IndicatorScheme.outOf100(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an indicator scheme needs at least one indicator");
        Indicator patents = new Indicator("patents", d("1"), Direction.HIGHER_IS_BETTER, Normalisation.againstField());
        assertThatThrownBy(() -> IndicatorScheme.outOf100(List.of(patents, patents)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("indicator id 'patents' appears twice");
        var values = new IndicatorScoring.Values("p", Map.of("patents", d("1")));
        assertThatThrownBy(() -> IndicatorScoring.score(IndicatorScheme.outOf100(List.of(patents)), List.of(values, values)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entry p appears twice");
        assertThatThrownBy(() -> TeamRule.mean().apply(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a team needs at least one member's score");
        assertThatThrownBy(() -> new TeamRule(TeamRule.Kind.SUM, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SUM takes no n, got 2");
    }

    @Test
    void teamScoresFollowTheirRule() {
        List<BigDecimal> members = List.of(d("80"), d("92.5"), d("71"), d("88"));
        assertThat(TeamRule.sum().apply(members)).isEqualTo(ExactValue.of(d("331.5")));
        // 331.5 / 4 = 82.875 → 82.88
        assertThat(TeamRule.mean().apply(members).round(io.jingsai.scoring.Rounding.DEFAULT)).isEqualByComparingTo("82.88");
        assertThat(TeamRule.bestOf(3).apply(members)).isEqualTo(ExactValue.of(d("260.5")));
        assertThatThrownBy(() -> TeamRule.bestOf(5).apply(members))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("best 5 of a team needs 5 members' scores, got 4");
        assertThatThrownBy(() -> TeamRule.bestOf(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("BEST_N needs n >= 1, got 0");
    }
}
