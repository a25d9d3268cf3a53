package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.scheme.PanelAggregation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PanelTest {

    static List<BigDecimal> marks(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    static ExactValue aggregated(PanelOutcome outcome) {
        assertThat(outcome).isInstanceOf(PanelOutcome.Aggregated.class);
        return ((PanelOutcome.Aggregated) outcome).mark();
    }

    @Test
    void meanOfSevenIsExact() {
        // 8.5 + 9 + 7.5 + 8 + 9.5 + 8 + 9 = 59.5; 59.5 / 7 = 8.5 exactly
        assertThat(aggregated(Panel.aggregate(PanelAggregation.mean(), marks("8.5", "9", "7.5", "8", "9.5", "8", "9"))))
                .isEqualTo(ExactValue.of(new BigDecimal("8.5")));
        // 1 + 1 + 2 = 4; 4 / 3 = 1.333… → 1.33
        ExactValue mean = aggregated(Panel.aggregate(PanelAggregation.mean(), marks("1", "1", "2")));
        assertThat(mean.round(Rounding.DEFAULT)).isEqualByComparingTo("1.33");
        assertThat(mean.times(new BigDecimal("3"))).isEqualTo(ExactValue.of(new BigDecimal("4")));
    }

    @Test
    void medianTakesTheMiddleOrTheMeanOfTheTwoMiddleMarks() {
        assertThat(aggregated(Panel.aggregate(PanelAggregation.median(), marks("7", "9", "8")))).isEqualTo(v("8"));
        assertThat(aggregated(Panel.aggregate(PanelAggregation.median(), marks("7", "10", "8", "6")))).isEqualTo(v("7.5"));
    }

    @Test
    void trimmedMeanDropsTheHighestAndLowest() {
        // 5 judges drop 1+1: 6, [7, 7.5, 8], 10 → 22.5 / 3 = 7.5
        assertThat(aggregated(Panel.aggregate(PanelAggregation.trimmedMean(1), marks("10", "7", "6", "8", "7.5"))))
                .isEqualTo(v("7.5"));
        // 7 judges drop 2+2: 5, 6, [7, 7, 8], 9, 9.5 → 22 / 3 = 7.333… → 7.33
        ExactValue mark = aggregated(Panel.aggregate(PanelAggregation.trimmedMean(2),
                marks("9", "5", "7", "9.5", "6", "8", "7")));
        assertThat(mark.round(Rounding.DEFAULT)).isEqualByComparingTo("7.33");
    }

    @Test
    void trimmedSumIsDivingsJudgesTotal() {
        // 7 judges, drop 2+2, sum the middle three: 7 + 7.5 + 8 = 22.5
        assertThat(aggregated(Panel.aggregate(PanelAggregation.trimmedSum(2),
                marks("6.5", "7", "8", "9", "7.5", "8.5", "6")))).isEqualTo(v("22.5"));
    }

    @Test
    void tooFewMarksForTheRuleIsARejection() {
        assertThat(Panel.aggregate(PanelAggregation.trimmedMean(2), marks("1", "2", "3", "4")))
                .isEqualTo(new PanelOutcome.Rejected("trimmed mean dropping 2+2 needs at least 5 marks, got 4"));
        assertThat(Panel.aggregate(PanelAggregation.mean(), marks()))
                .isEqualTo(new PanelOutcome.Rejected("mean needs at least 1 marks, got 0"));
    }

    @Test
    void malformedRulesAndNullMarksAreProgrammingErrors() {
        assertThatThrownBy(() -> Panel.aggregate(PanelAggregation.trimmedSum(0), marks("1", "2", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed panel rule PanelAggregation[kind=TRIMMED_SUM, k=0]");
        assertThatThrownBy(() -> Panel.aggregate(PanelAggregation.mean(), Arrays.asList(BigDecimal.ONE, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("marks[1] must not be null");
    }

    @Test
    void judgementIsMeanOverThreeTimesMaxMark() {
        // scores 2, 3, 2: mean 7/3, / 3 × 6 = 14/3 = 4.666… → 4.67
        ExactValue mark = aggregated(Panel.judgement(marks("2", "3", "2"), new BigDecimal("6"), 1, 3));
        assertThat(mark).isEqualTo(ExactValue.ratio(new BigDecimal("14"), 3));
        assertThat(mark.round(Rounding.DEFAULT)).isEqualByComparingTo("4.67");
        assertThat(aggregated(Panel.judgement(marks("3", "3", "3"), new BigDecimal("2.5"), 1, 3))).isEqualTo(v("2.5"));
    }

    @Test
    void judgementScoresTooFarApartNeedReview() {
        PanelOutcome outcome = Panel.judgement(marks("1", "3", "2"), new BigDecimal("6"), 1, 3);
        assertThat(outcome).isEqualTo(new PanelOutcome.NeedsReview(2, 1));
        assertThat(((PanelOutcome.NeedsReview) outcome).reason()).isEqualTo("judgement scores spread 2 > allowed 1: needs review");
        assertThat(Panel.judgement(marks("1", "3", "2"), new BigDecimal("6"), 2, 3)).isInstanceOf(PanelOutcome.Aggregated.class);
    }

    @Test
    void judgementRejectsFewJudgesAndScoresOutsideZeroToThree() {
        assertThat(Panel.judgement(marks("2", "2"), new BigDecimal("6"), 1, 3))
                .isEqualTo(new PanelOutcome.Rejected("judgement needs at least 3 judges, got 2"));
        assertThat(Panel.judgement(marks("2", "2.5", "2"), new BigDecimal("6"), 1, 3))
                .isEqualTo(new PanelOutcome.Rejected("judgement score must be an integer 0-3, got 2.5"));
        assertThat(Panel.judgement(marks("2", "4", "3"), new BigDecimal("6"), 1, 3))
                .isEqualTo(new PanelOutcome.Rejected("judgement score must be an integer 0-3, got 4"));
        assertThat(Panel.judgement(marks("0", "-1", "0"), new BigDecimal("6"), 1, 3))
                .isEqualTo(new PanelOutcome.Rejected("judgement score must be an integer 0-3, got -1"));
        assertThat(aggregated(Panel.judgement(marks("2.0", "2", "2.00"), new BigDecimal("3"), 0, 3))).isEqualTo(v("2"));
    }

    static ExactValue v(String s) {
        return ExactValue.of(new BigDecimal(s));
    }

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    static final List<PanelAggregation> RULES = List.of(PanelAggregation.mean(), PanelAggregation.median(),
            PanelAggregation.trimmedMean(1), PanelAggregation.trimmedMean(2), PanelAggregation.trimmedSum(1),
            PanelAggregation.trimmedSum(2));

    @ParameterizedTest
    @MethodSource("seeds")
    void aggregationIsPermutationInvariantAndWithinTheMarks(long seed) {
        Random random = new Random(seed);
        PanelAggregation rule = RULES.get(random.nextInt(RULES.size()));
        int n = rule.minimumMarks() + random.nextInt(5);
        List<BigDecimal> marks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            marks.add(BigDecimal.valueOf(random.nextInt(1001), 2)); // 0.00 .. 10.00
        }
        ExactValue result = aggregated(Panel.aggregate(rule, marks));
        List<BigDecimal> shuffled = new ArrayList<>(marks);
        Collections.shuffle(shuffled, random);
        assertThat(aggregated(Panel.aggregate(rule, shuffled))).isEqualTo(result);

        BigDecimal min = Collections.min(marks);
        BigDecimal max = Collections.max(marks);
        boolean sum = rule.kind() == PanelAggregation.Kind.TRIMMED_SUM;
        BigDecimal counted = BigDecimal.valueOf(sum ? n - 2L * rule.k() : 1);
        assertThat(result).isGreaterThanOrEqualTo(ExactValue.of(min.multiply(counted)))
                .isLessThanOrEqualTo(ExactValue.of(max.multiply(counted)));
        if (rule.kind() == PanelAggregation.Kind.TRIMMED_MEAN) {
            // Trimming never moves the result outside the marks that were kept.
            List<BigDecimal> sorted = marks.stream().sorted().toList();
            assertThat(result).isGreaterThanOrEqualTo(ExactValue.of(sorted.get(rule.k())))
                    .isLessThanOrEqualTo(ExactValue.of(sorted.get(n - 1 - rule.k())));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void judgementIsWithinZeroAndMaxAndInvariantToOrder(long seed) {
        Random random = new Random(seed);
        int n = 3 + random.nextInt(5);
        int base = random.nextInt(3);
        List<BigDecimal> scores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scores.add(BigDecimal.valueOf(base + random.nextInt(2)));
        }
        BigDecimal max = BigDecimal.valueOf(1 + random.nextInt(2000), 2);
        ExactValue mark = aggregated(Panel.judgement(scores, max, 1, 3));
        assertThat(mark).isGreaterThanOrEqualTo(ExactValue.ZERO).isLessThanOrEqualTo(ExactValue.of(max));
        Collections.shuffle(scores, random);
        assertThat(aggregated(Panel.judgement(scores, max, 1, 3))).isEqualTo(mark);
        // mean/3 × max, checked the other way round: mark × 3n / max == sum of scores
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(mark.times(BigDecimal.valueOf(3L * n)).dividedBy(max)).isEqualTo(ExactValue.of(sum));
    }
}
