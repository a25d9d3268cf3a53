package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Fraction;
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

    /**
     * The ten-line reference: sort, drop k at each end (a median keeps the middle one or two), mean or sum, in
     * {@link Fraction}s. Seeded panels of every rule, uniform and mixed scales (0-4 places), ties, negative marks,
     * and marks large enough that their sum overflows a {@code long}.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aggregationEqualsTheReferenceSortDropAndAdd(long seed) {
        Random random = new Random(seed);
        PanelAggregation rule = RULES.get(random.nextInt(RULES.size()));
        int n = rule.minimumMarks() + random.nextInt(rule.kind() == PanelAggregation.Kind.MEAN ? 14 : 7);
        boolean mixed = random.nextBoolean();
        int scale = random.nextInt(5);
        boolean large = random.nextInt(8) == 0;
        List<BigDecimal> marks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int s = mixed ? random.nextInt(5) : scale;
            long bound = large ? 999_999_999L * (long) Math.pow(10, s) : 10L * (long) Math.pow(10, s);
            long unscaled = random.nextInt(3) == 0 ? bound / 2 : (long) (random.nextDouble() * bound);
            marks.add(BigDecimal.valueOf(random.nextInt(12) == 0 ? -unscaled : unscaled, s));
        }
        List<BigDecimal> sorted = marks.stream().sorted().toList();
        Fraction expected = ReferenceScorer.aggregate(rule, sorted);
        assertThat(Fraction.of(aggregated(Panel.aggregate(rule, marks)))).as(marks.toString()).isEqualTo(expected);
    }

    /** The reference judgement: every score one of 0, 1, 2, 3; max − min within the spread; mean / 3 × max mark. */
    @ParameterizedTest
    @MethodSource("seeds")
    void judgementEqualsTheReference(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(8);
        int minimum = 3 + random.nextInt(2);
        int spread = random.nextInt(3);
        List<BigDecimal> scores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal score = BigDecimal.valueOf(random.nextInt(4));
            int odd = random.nextInt(30);
            scores.add(odd == 0 ? new BigDecimal("1.5") : odd == 1 ? new BigDecimal("4") : odd == 2 ? score.setScale(2)
                    : score);
        }
        BigDecimal max = BigDecimal.valueOf(1 + random.nextInt(2000), 2);
        PanelOutcome outcome = Panel.judgement(scores, max, spread, minimum);

        List<BigDecimal> sorted = scores.stream().sorted().toList();
        boolean allScores = sorted.stream().allMatch(s -> s.signum() >= 0 && s.compareTo(BigDecimal.valueOf(3)) <= 0
                && s.stripTrailingZeros().scale() <= 0);
        if (n < minimum || !allScores) {
            assertThat(outcome).isInstanceOf(PanelOutcome.Rejected.class);
        } else if (sorted.get(n - 1).subtract(sorted.get(0)).compareTo(BigDecimal.valueOf(spread)) > 0) {
            assertThat(outcome).isEqualTo(new PanelOutcome.NeedsReview(
                    sorted.get(n - 1).subtract(sorted.get(0)).intValueExact(), spread));
        } else {
            Fraction sum = Fraction.ZERO;
            for (BigDecimal score : scores) {
                sum = sum.plus(Fraction.of(score));
            }
            assertThat(Fraction.of(aggregated(outcome)))
                    .isEqualTo(sum.dividedBy(Fraction.of(n)).dividedBy(Fraction.of(3)).times(Fraction.of(max)));
        }
    }

    @Test
    void mixedScalesTiesAndNegativeScalesAggregateByValue() {
        // 7.00 and 7 tie, 9.5 and 9.50 tie: dropping 1+1 leaves 7 + 8 + 9.5 whichever copy goes
        assertThat(aggregated(Panel.aggregate(PanelAggregation.trimmedSum(1), marks("7.00", "7", "8", "9.5", "9.50"))))
                .isEqualTo(v("24.5"));
        assertThat(aggregated(Panel.aggregate(PanelAggregation.median(), marks("1E+1", "9", "8.5")))).isEqualTo(v("9"));
        // trailing zeros beyond nine places are still the same mark
        assertThat(aggregated(Panel.aggregate(PanelAggregation.mean(), marks("5.00000000000", "6")))).isEqualTo(v("5.5"));
    }

    @Test
    void aSumBeyondALongIsStillExact() {
        BigDecimal big = new BigDecimal("999999999.999999999"); // held, but ten of them overflow a long
        List<BigDecimal> marks = java.util.Collections.nCopies(10, big);
        assertThat(aggregated(Panel.aggregate(PanelAggregation.mean(), marks))).isEqualTo(ExactValue.of(big));
        assertThat(aggregated(Panel.aggregate(PanelAggregation.trimmedSum(1), marks)))
                .isEqualTo(ExactValue.of(big.multiply(BigDecimal.valueOf(8))));
    }

    @Test
    void marksBeyondNineDigitsEitherSideOfThePointAreRejected() {
        assertThat(Panel.aggregate(PanelAggregation.mean(), marks("1", "0.0000000001")))
                .isEqualTo(new PanelOutcome.Rejected(
                        "mark 0.0000000001 has more than 9 digits before or 9 after the decimal point"));
        assertThat(Panel.aggregate(PanelAggregation.mean(), marks("1234567890", "1")))
                .isEqualTo(new PanelOutcome.Rejected(
                        "mark 1234567890 has more than 9 digits before or 9 after the decimal point"));
        assertThat(Panel.judgement(marks("2", "2", "2.0000000001"), new BigDecimal("6"), 1, 3))
                .isEqualTo(new PanelOutcome.Rejected("judgement score must be an integer 0-3, got 2.0000000001"));
    }
}
