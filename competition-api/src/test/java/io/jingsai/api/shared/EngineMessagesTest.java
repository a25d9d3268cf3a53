package io.jingsai.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.TitleRule;
import io.jingsai.scoring.indicator.Direction;
import io.jingsai.scoring.indicator.Indicator;
import io.jingsai.scoring.indicator.IndicatorScheme;
import io.jingsai.scoring.indicator.Normalisation;
import io.jingsai.scoring.indicator.TeamRule;

/** The scoring engine's sentences become rule keys with the values they name; none falls through to {@code engine.other}. */
class EngineMessagesTest {

    @Test
    void theEnginesRefusalsAreKnownSentences() {
        assertThat(ruleOf(() -> new TeamRule(TeamRule.Kind.BEST_N, 0))).isEqualTo(BrokenRule.of("teamScore.bestN"));
        assertThat(ruleOf(() -> new TeamRule(TeamRule.Kind.SUM, 2))).isEqualTo(BrokenRule.of("teamScore.noN", "SUM"));
        assertThat(ruleOf(() -> new Rounding(11, RoundingMode.HALF_UP))).isEqualTo(BrokenRule.of("number.range", "0", "10"));
        assertThat(ruleOf(() -> new Rounding(2, RoundingMode.UNNECESSARY))).isEqualTo(BrokenRule.of("rounding.unnecessary"));
        assertThat(ruleOf(() -> new BandQuota.Count(-1))).isEqualTo(BrokenRule.of("positiveOrZero"));
        assertThat(ruleOf(() -> new BandQuota.Share(new BigDecimal("1.5"), RoundingMode.HALF_UP)))
                .isEqualTo(BrokenRule.of("awards.share"));
        assertThat(ruleOf(() -> new BandQuota.Share(new BigDecimal("0.5"), RoundingMode.UNNECESSARY)))
                .isEqualTo(BrokenRule.of("awards.shareRounding"));
        assertThat(ruleOf(() -> new AwardBand(" ", new BandQuota.Count(1), 0))).isEqualTo(BrokenRule.of("notBlank"));
        assertThat(ruleOf(() -> new AwardBand("一等奖", new BandQuota.Count(1), -1)))
                .isEqualTo(BrokenRule.of("positiveOrZero"));
        assertThat(ruleOf(() -> new TitleRule<Object>("技术能手", 0, entry -> true))).isEqualTo(BrokenRule.of("min", 1));
        assertThat(ruleOf(() -> new TitleRule<Object>(" ", 1, entry -> true))).isEqualTo(BrokenRule.of("notBlank"));
        assertThat(ruleOf(() -> new Indicator("COST", BigDecimal.ZERO, Direction.HIGHER_IS_BETTER,
                new Normalisation.AgainstField()))).isEqualTo(BrokenRule.of("positive"));
        assertThat(ruleOf(() -> new Indicator("DELAY", BigDecimal.ONE, Direction.LOWER_IS_BETTER,
                new Normalisation.AgainstTarget(new BigDecimal("30"), new BigDecimal("40")))))
                .isEqualTo(BrokenRule.of("indicator.targetSide", "DELAY", "LOWER_IS_BETTER", "40", "30"));
        assertThat(ruleOf(() -> new Normalisation.AgainstTarget(BigDecimal.TEN, BigDecimal.TEN)))
                .isEqualTo(BrokenRule.of("indicator.targetIsBaseline", "10"));
        Indicator cost = new Indicator("COST", BigDecimal.ONE, Direction.HIGHER_IS_BETTER, new Normalisation.AgainstField());
        assertThat(ruleOf(() -> IndicatorScheme.outOf100(List.of(cost, cost))))
                .isEqualTo(BrokenRule.of("indicator.idTwice", "COST"));
    }

    @Test
    void schemeSentencesNameTheirValues() {
        assertThat(EngineMessages.rule("weights add up to 0.9, must add up to 1"))
                .isEqualTo(BrokenRule.of("scheme.weightsSum", "0.9"));
        assertThat(EngineMessages.rule("max marks add up to 40 ≠ declared total 100"))
                .isEqualTo(BrokenRule.of("scheme.total", "40", "100"));
        assertThat(EngineMessages.rule("must be MEASUREMENT, JUDGEMENT or DEDUCTION"))
                .isEqualTo(BrokenRule.of("oneOf", List.of("MEASUREMENT", "JUDGEMENT", "DEDUCTION")));
        assertThat(EngineMessages.rule("unknown component 'oral', expected one of [theory, practical]"))
                .isEqualTo(BrokenRule.of("oneOf", List.of("theory", "practical")));
        assertThat(EngineMessages.rule("must be > 0, got -5")).isEqualTo(BrokenRule.of("positive"));
    }

    @Test
    void anUnknownSentenceIsStillReportedWithItsWords() {
        assertThat(EngineMessages.rule("a rule the table does not know yet"))
                .isEqualTo(BrokenRule.of("engine.other", "a rule the table does not know yet"));
    }

    private static BrokenRule ruleOf(Executable refused) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(refused::execute).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> thrown[0] = e);
        return EngineMessages.rule(thrown[0].getMessage());
    }
}
