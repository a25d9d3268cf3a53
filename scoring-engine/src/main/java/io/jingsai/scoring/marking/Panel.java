package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.PanelAggregation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Panel aggregation: how several judges' marks for one aspect become one exact mark. The one implementation of each
 * panel rule: {@link EntryScorer} applies the same methods to the marks it scores.
 *
 * <p>Every rule is "sort, drop some marks at each end, add up the rest, divide": a mean drops none; a trimmed mean or
 * sum drops {@code k} at each end; a median drops all but the middle one or two. Results are exact
 * ({@link ExactValue}) and independent of the order of the marks. Marks are not range-checked here except for
 * judgement scores; {@link EntryScorer} checks them against the aspect.
 *
 * <p>Invalid input is a {@link PanelOutcome.Rejected} value naming the rule: too few marks for the rule (e.g.
 * {@code trimmed mean dropping 2+2 needs at least 5 marks, got 4}), or a mark with more than 9 digits before or after
 * the decimal point (no real mark has them). A null list or null mark, or a malformed rule, is an
 * {@link IllegalArgumentException}.
 */
public final class Panel {

    /** {@link #judgementSum} found too few judges, a score that is not 0-3, or a spread to review. */
    static final long TOO_FEW_JUDGES = -1;
    static final long NOT_A_SCORE = -2;
    static final long SPREAD_TOO_WIDE = -3;

    private Panel() {
    }

    /**
     * Aggregates marks by the rule (mean, median, trimmed mean, trimmed sum).
     *
     * @return {@link PanelOutcome.Aggregated} or, if there are too few marks or a mark is out of bounds,
     * {@link PanelOutcome.Rejected}
     */
    public static PanelOutcome aggregate(PanelAggregation rule, List<BigDecimal> marks) {
        Checks.requireNonNull(rule, "rule");
        Checks.requireNonNull(rule.kind(), "rule kind");
        boolean trimmed = rule.kind() == PanelAggregation.Kind.TRIMMED_MEAN || rule.kind() == PanelAggregation.Kind.TRIMMED_SUM;
        if (trimmed ? rule.k() < 1 : rule.k() != 0) {
            throw new IllegalArgumentException("malformed panel rule " + rule + ": trimmed rules need k >= 1, "
                    + "mean and median take k = 0");
        }
        SortedMarks sorted = SortedMarks.of(toArray(marks));
        String problem = unheld(sorted);
        if (problem == null) {
            problem = tooFew(rule, sorted.count);
        }
        return problem != null ? new PanelOutcome.Rejected(problem) : new PanelOutcome.Aggregated(aggregate(rule, sorted));
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
        SortedMarks sorted = SortedMarks.of(toArray(scores));
        long sum = judgementSum(sorted, allowedSpread, minimumJudges);
        return sum >= 0 ? new PanelOutcome.Aggregated(judgementMark(maxMark, sum, sorted.count))
                : judgementProblem(sum, sorted, allowedSpread, minimumJudges);
    }

    /** Why the marks cannot be aggregated at all (a mark out of bounds), or null. */
    static String unheld(SortedMarks marks) {
        return marks.unheld == null ? null : "mark " + marks.unheld.stripTrailingZeros().toPlainString()
                + " has more than " + SortedMarks.MAX_INTEGER_DIGITS + " digits before or " + SortedMarks.MAX_SCALE
                + " after the decimal point";
    }

    /** Why the rule cannot aggregate {@code n} marks, or null if it can. */
    static String tooFew(PanelAggregation rule, int n) {
        return n >= rule.minimumMarks() ? null
                : rule.describe() + " needs at least " + rule.minimumMarks() + " marks, got " + n;
    }

    /** How many marks the rule drops at each end of {@code n} sorted marks. */
    static int dropped(PanelAggregation rule, int n) {
        return switch (rule.kind()) {
            case MEAN -> 0;
            case MEDIAN -> (n - 1) / 2; // the middle mark, or the two middle marks of an even count
            case TRIMMED_MEAN, TRIMMED_SUM -> rule.k();
        };
    }

    /** What the sum of the marks that count is divided by: their number, or 1 for a sum. */
    static long divisor(PanelAggregation rule, int n) {
        return rule.kind() == PanelAggregation.Kind.TRIMMED_SUM ? 1 : n - 2L * dropped(rule, n);
    }

    /** The rule applied to held marks, at least {@link PanelAggregation#minimumMarks()} of them. */
    static ExactValue aggregate(PanelAggregation rule, SortedMarks marks) {
        int n = marks.count;
        return ExactValue.ratio(marks.countedSum(dropped(rule, n)), divisor(rule, n));
    }

    /**
     * The sum of a judgement panel's scores when there are enough judges, each score is an integer 0, 1, 2 or 3 and
     * the spread is allowed; otherwise {@link #TOO_FEW_JUDGES}, {@link #NOT_A_SCORE} or {@link #SPREAD_TOO_WIDE}, in
     * that order of precedence.
     */
    static long judgementSum(SortedMarks scores, int allowedSpread, int minimumJudges) {
        if (scores.count < minimumJudges) {
            return TOO_FEW_JUDGES;
        }
        if (scores.unheld != null || firstNotAScore(scores) != Long.MIN_VALUE) {
            return NOT_A_SCORE;
        }
        long one = scores.one();
        return (scores.highest - scores.lowest) / one > allowedSpread ? SPREAD_TOO_WIDE : scores.total / one;
    }

    /** The lowest score that is not an integer 0-3, unscaled, or {@link Long#MIN_VALUE} if all are (no mark is). */
    private static long firstNotAScore(SortedMarks scores) {
        long one = scores.one();
        if (scores.count == 0 || scores.lowest >= 0 && scores.highest <= 3 * one && one == 1) {
            return Long.MIN_VALUE;
        }
        for (long value : scores.sorted) {
            if (value < 0 || value > 3 * one || value % one != 0) {
                return value;
            }
        }
        return Long.MIN_VALUE;
    }

    /** {@code maxMark × sum / 3n}: the mean of n scores over 3, times the max mark. */
    static ExactValue judgementMark(BigDecimal maxMark, long sum, int n) {
        return ExactValue.ratio(maxMark.multiply(BigDecimal.valueOf(sum)), 3L * n);
    }

    /** The outcome {@link #judgementSum} stands for when it is negative. */
    static PanelOutcome judgementProblem(long code, SortedMarks scores, int allowedSpread, int minimumJudges) {
        if (code == TOO_FEW_JUDGES) {
            return new PanelOutcome.Rejected("judgement needs at least " + minimumJudges + " judges, got "
                    + scores.count);
        }
        if (code == NOT_A_SCORE) {
            BigDecimal offending = scores.unheld != null ? scores.unheld : scores.named(firstNotAScore(scores));
            return new PanelOutcome.Rejected("judgement score must be an integer 0-3, got "
                    + offending.stripTrailingZeros().toPlainString());
        }
        return new PanelOutcome.NeedsReview((int) ((scores.highest - scores.lowest) / scores.one()), allowedSpread);
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
