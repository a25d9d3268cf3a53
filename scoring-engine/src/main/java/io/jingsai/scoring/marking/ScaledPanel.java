package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.PanelAggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fast path of panel aggregation: the rules of {@link Panel} applied to marks in compact form
 * ({@link ScaledMarks}) with {@code long} arithmetic, turned back into an exact value only at the end. No allocation
 * per addition, no {@code BigDecimal} comparison per sorting step, no sort at all for a trimmed rule dropping 1+1.
 *
 * <p>The result is not merely equal in value to the {@code BigDecimal} path's: its numerator has the scale that path
 * would give it (the largest scale among the marks that count, with equal marks dropped in the same stable order), so
 * the two paths are interchangeable down to {@link ExactValue#toString()}. An intermediate sum that would overflow a
 * {@code long} makes {@link #aggregate} return null, and the caller takes the {@code BigDecimal} path.
 *
 * <p>An instance is mutable scratch space for sorting, made per call by its callers; not thread-safe. Marks of one
 * scale that are already sorted (a {@link MarkList}'s) need none: {@link #aggregateSorted}.
 */
final class ScaledPanel {

    private static final long[] NO_VALUES = {};
    private static final int[] NO_SCALES = {};

    private long[] values = NO_VALUES; // grown on the first sort: a trimmed mean dropping 1+1 needs none
    private int[] scales = NO_SCALES;
    private int size;
    private final boolean inPlace;

    /** Scratch space of its own: the marks it aggregates are never modified. */
    ScaledPanel() {
        this.inPlace = false;
    }

    private ScaledPanel(boolean inPlace) {
        this.inPlace = inPlace;
    }

    /** Sorts the arrays of the marks it aggregates in place: for marks converted for one call and then dropped. */
    static ScaledPanel sortingInPlace() {
        return new ScaledPanel(true);
    }

    /**
     * The exact aggregate by the rule, or null if an intermediate sum would overflow a {@code long}.
     * The caller has checked that there are at least {@link PanelAggregation#minimumMarks()} marks.
     */
    ExactValue aggregate(PanelAggregation rule, ScaledMarks marks) {
        return aggregate(rule, marks.unscaled, marks.scales, marks.scale);
    }

    /**
     * The same over the arrays of {@link ScaledMarks} (or of a {@link MarkList}, which holds them inline).
     *
     * @param unscaled the marks × {@code 10^scale}
     * @param scales   each mark's own scale when they differ, else null
     * @param scale    the common scale
     */
    ExactValue aggregate(PanelAggregation rule, long[] unscaled, int[] scales, int scale) {
        ScaledMarks marks = new ScaledMarks(unscaled, scales, scale); // a view; escape analysis removes it
        try {
            return switch (rule.kind()) {
                case MEAN -> ExactValue.ratio(BigDecimal.valueOf(sum(marks.unscaled, 0, marks.size()), marks.scale),
                        marks.size());
                case MEDIAN -> median(marks);
                case TRIMMED_MEAN -> ExactValue.ratio(trimmedSum(rule.k(), marks), marks.size() - 2L * rule.k());
                case TRIMMED_SUM -> ExactValue.of(trimmedSum(rule.k(), marks));
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    private ExactValue median(ScaledMarks marks) {
        sort(marks);
        int middle = size / 2;
        if (size % 2 == 1) {
            return ExactValue.of(decimal(values[middle], marks, middle, middle));
        }
        return ExactValue.ratio(decimal(Math.addExact(values[middle - 1], values[middle]), marks, middle - 1, middle),
                2);
    }

    /**
     * The exact aggregate by the rule of marks that all have one scale and are sorted ascending (the compact form a
     * {@link MarkList} keeps), or null if a sum would overflow a {@code long}: no copy and no sort. Equal marks of one
     * scale are interchangeable, so this is what {@link #aggregate} gives for the same marks in any order. The caller
     * has checked that there are at least {@link PanelAggregation#minimumMarks()} marks.
     */
    static ExactValue aggregateSorted(PanelAggregation rule, long[] sorted, int scale) {
        int n = sorted.length;
        try {
            return switch (rule.kind()) {
                case MEAN -> ExactValue.ratio(BigDecimal.valueOf(sum(sorted, 0, n), scale), n);
                case MEDIAN -> n % 2 == 1
                        ? ExactValue.of(BigDecimal.valueOf(sorted[n / 2], scale))
                        : ExactValue.ratio(BigDecimal.valueOf(Math.addExact(sorted[n / 2 - 1], sorted[n / 2]), scale), 2);
                case TRIMMED_MEAN -> ExactValue.ratio(BigDecimal.valueOf(sum(sorted, rule.k(), n - rule.k()), scale),
                        n - 2L * rule.k());
                case TRIMMED_SUM -> ExactValue.of(BigDecimal.valueOf(sum(sorted, rule.k(), n - rule.k()), scale));
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** The sum of the marks left after dropping the {@code k} highest and {@code k} lowest. */
    private BigDecimal trimmedSum(int k, ScaledMarks marks) {
        if (k == 1 && marks.scales == null) {
            // no sort: which of equal marks is dropped cannot matter when they all have one scale
            long[] unscaled = marks.unscaled;
            long lowest = unscaled[0];
            long highest = unscaled[0];
            long sum = 0;
            for (long value : unscaled) {
                lowest = Math.min(lowest, value);
                highest = Math.max(highest, value);
                sum = Math.addExact(sum, value);
            }
            return BigDecimal.valueOf(Math.subtractExact(Math.subtractExact(sum, lowest), highest), marks.scale);
        }
        sort(marks);
        return decimal(sum(values, k, size - k), marks, k, size - k - 1);
    }

    private static long sum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum = Math.addExact(sum, values[i]);
        }
        return sum;
    }

    /**
     * An unscaled value at the common scale as a decimal with the scale the {@code BigDecimal} path gives the sum of
     * the sorted marks at positions {@code first..last}: the largest of their own scales.
     */
    private BigDecimal decimal(long unscaled, ScaledMarks marks, int first, int last) {
        BigDecimal value = BigDecimal.valueOf(unscaled, marks.scale);
        if (marks.scales == null) {
            return value;
        }
        int widest = 0;
        for (int i = first; i <= last; i++) {
            widest = Math.max(widest, scales[i]);
        }
        return value.setScale(widest, RoundingMode.UNNECESSARY); // exact: only zeros below every counted mark's scale
    }

    /**
     * Copies the marks into scratch space and sorts them by value with a stable insertion sort, carrying each mark's
     * own scale: equal marks keep their input order, as in the {@code BigDecimal} path, so the same copies are dropped.
     */
    private void sort(ScaledMarks marks) {
        size = marks.size();
        if (inPlace) {
            values = marks.unscaled;
            scales = marks.scales;
        } else {
            if (values.length < size) {
                values = new long[size];
                scales = new int[size];
            }
            System.arraycopy(marks.unscaled, 0, values, 0, size);
            if (marks.scales != null) {
                System.arraycopy(marks.scales, 0, scales, 0, size);
            }
        }
        if (marks.scales == null) {
            sortValues();
            return;
        }
        for (int i = 1; i < size; i++) {
            long value = values[i];
            int valueScale = scales[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value) {
                values[j + 1] = values[j];
                scales[j + 1] = scales[j];
                j--;
            }
            values[j + 1] = value;
            scales[j + 1] = valueScale;
        }
    }

    /** The same sort when all marks share one scale: equal values are then interchangeable. */
    private void sortValues() {
        MarkList.sortAscending(values, size);
    }
}
