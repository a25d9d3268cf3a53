package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.PanelAggregation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Panel aggregation: how several judges' marks for one aspect become one exact mark.
 *
 * <p>Results are exact ({@link ExactValue}) and independent of the order of the marks. Marks are not range-checked
 * here except for judgement scores; {@link EntryScorer} checks them against the aspect.
 *
 * <p>Invalid input: too few marks for the rule is a {@link PanelOutcome.Rejected} value naming the rule and the
 * count (e.g. {@code trimmed mean dropping 2+2 needs at least 5 marks, got 4}); a null list or null mark, or a
 * malformed rule, is an {@link IllegalArgumentException}.
 */
public final class Panel {

    private static final BigDecimal[] SCORES = {BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(2),
            BigDecimal.valueOf(3)};

    private Panel() {
    }

    /**
     * Aggregates marks by the rule (mean, median, trimmed mean, trimmed sum).
     *
     * @return {@link PanelOutcome.Aggregated} or, if there are too few marks, {@link PanelOutcome.Rejected}
     */
    public static PanelOutcome aggregate(PanelAggregation rule, List<BigDecimal> marks) {
        Checks.requireNonNull(rule, "rule");
        Checks.requireNonNull(rule.kind(), "rule kind");
        boolean trimmed = rule.kind() == PanelAggregation.Kind.TRIMMED_MEAN || rule.kind() == PanelAggregation.Kind.TRIMMED_SUM;
        if (trimmed ? rule.k() < 1 : rule.k() != 0) {
            throw new IllegalArgumentException("malformed panel rule " + rule + ": trimmed rules need k >= 1, "
                    + "mean and median take k = 0");
        }
        return aggregate(rule, toArray(marks));
    }

    /**
     * The WorldSkills judgement rule: each judge scores an integer 0–3; {@code mark = mean / 3 × maxMark}.
     *
     * @param scores        one per judge
     * @param maxMark       the aspect's max mark
     * @param allowedSpread highest minus lowest score above this → {@link PanelOutcome.NeedsReview}
     * @param minimumJudges fewer scores → {@link PanelOutcome.Rejected}
     * @return the exact mark, a hold for review, or a rejection (too few judges, a score that is not 0, 1, 2 or 3)
     */
    public static PanelOutcome judgement(List<BigDecimal> scores, BigDecimal maxMark, int allowedSpread,
                                         int minimumJudges) {
        Checks.requirePositive(maxMark, "maxMark");
        return judgement(toArray(scores), maxMark, allowedSpread, minimumJudges);
    }

    /**
     * Array version: the scaled-{@code long} fast path ({@link ScaledPanel}) when the marks allow it, else
     * {@link #aggregateExactly}; both give the same exact value. May reorder {@code marks}.
     */
    static PanelOutcome aggregate(PanelAggregation rule, BigDecimal[] marks) {
        PanelOutcome tooFew = tooFew(rule, marks.length);
        if (tooFew != null) {
            return tooFew;
        }
        ScaledMarks scaled = ScaledMarks.of(marks);
        // the scaled copy is this call's own: it may be sorted in place
        ExactValue fast = scaled == null ? null : ScaledPanel.sortingInPlace().aggregate(rule, scaled);
        return fast != null ? new PanelOutcome.Aggregated(fast) : aggregateExactly(rule, marks);
    }

    /** The {@code BigDecimal} path, for marks of any scale and size; sorts {@code marks} in place. */
    static PanelOutcome aggregateExactly(PanelAggregation rule, BigDecimal[] marks) {
        int n = marks.length;
        PanelOutcome tooFew = tooFew(rule, n);
        if (tooFew != null) {
            return tooFew;
        }
        return new PanelOutcome.Aggregated(switch (rule.kind()) {
            case MEAN -> ExactValue.ratio(sum(marks, 0, n), n);
            case MEDIAN -> median(marks);
            case TRIMMED_MEAN -> trimmed(rule.k(), marks).dividedBy(n - 2L * rule.k());
            case TRIMMED_SUM -> trimmed(rule.k(), marks);
        });
    }

    private static PanelOutcome tooFew(PanelAggregation rule, int n) {
        if (n < rule.minimumMarks()) {
            return new PanelOutcome.Rejected(rule.describe() + " needs at least " + rule.minimumMarks()
                    + " marks, got " + n);
        }
        return null;
    }

    static PanelOutcome judgement(BigDecimal[] scores, BigDecimal maxMark, int allowedSpread, int minimumJudges) {
        int n = scores.length;
        if (n < minimumJudges) {
            return new PanelOutcome.Rejected("judgement needs at least " + minimumJudges + " judges, got " + n);
        }
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        int sum = 0;
        for (BigDecimal score : scores) {
            int value = score.intValue();
            if (value < 0 || value > 3 || score.compareTo(SCORES[value]) != 0) {
                return new PanelOutcome.Rejected("judgement score must be an integer 0-3, got " + score.toPlainString());
            }
            lowest = Math.min(lowest, value);
            highest = Math.max(highest, value);
            sum += value;
        }
        if (highest - lowest > allowedSpread) {
            return new PanelOutcome.NeedsReview(highest - lowest, allowedSpread);
        }
        return new PanelOutcome.Aggregated(ExactValue.ratio(maxMark.multiply(BigDecimal.valueOf(sum)), 3L * n));
    }

    private static ExactValue median(BigDecimal[] marks) {
        sort(marks);
        int n = marks.length;
        if (n % 2 == 1) {
            return ExactValue.of(marks[n / 2]);
        }
        return ExactValue.ratio(marks[n / 2 - 1].add(marks[n / 2]), 2);
    }

    private static ExactValue trimmed(int k, BigDecimal[] marks) {
        sort(marks);
        return ExactValue.of(sum(marks, k, marks.length - k));
    }

    /** Insertion sort: panels are small (3 to a dozen marks), where it beats a general-purpose sort. */
    static void sort(BigDecimal[] marks) {
        if (marks.length > 16) {
            Arrays.sort(marks);
            return;
        }
        for (int i = 1; i < marks.length; i++) {
            BigDecimal current = marks[i];
            int j = i - 1;
            while (j >= 0 && marks[j].compareTo(current) > 0) {
                marks[j + 1] = marks[j];
                j--;
            }
            marks[j + 1] = current;
        }
    }

    private static BigDecimal sum(BigDecimal[] marks, int from, int to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            sum = sum.add(marks[i]);
        }
        return sum;
    }

    private static BigDecimal[] toArray(List<BigDecimal> marks) {
        Checks.requireNonNull(marks, "marks");
        BigDecimal[] array = new BigDecimal[marks.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = marks.get(i);
            if (array[i] == null) {
                throw new IllegalArgumentException("marks[" + i + "] must not be null");
            }
        }
        return array;
    }
}
