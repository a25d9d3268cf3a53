package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.PanelAggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The fast path of panel aggregation: a panel's marks read once as unscaled {@code long}s at one common decimal scale
 * (8.5 and 9 become 85 and 90 at scale 1), aggregated with integer arithmetic, and turned back into an exact value
 * only at the end. Same rules and same results as the {@code BigDecimal} path in {@link Panel}, without an allocation
 * per addition or a {@code BigDecimal} comparison per sorting step.
 *
 * <p>The result is not merely equal in value: its numerator has the scale the {@code BigDecimal} path would give it
 * (the largest scale among the marks that count, with equal marks dropped in the same stable order), so the two paths
 * are interchangeable down to {@link ExactValue#toString()}.
 *
 * <p>Marks it cannot hold exactly (a scale outside 0..{@value #MAX_SCALE}, more than 18 digits, an overflow when
 * brought to the common scale or summed) make {@link #read} or {@link #aggregate} decline, and the caller takes the
 * {@code BigDecimal} path. It never judges marks: rejections are worded by that path too.
 *
 * <p>Mutable scratch space, reused across the aspects of one entry; not thread-safe.
 */
final class ScaledPanel {

    /** The largest decimal scale of a mark the fast path reads (marks are given to a handful of places at most). */
    static final int MAX_SCALE = 9;
    private static final int MAX_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private long[] values;
    private int[] scales;
    private int size;
    private int scale;
    private boolean mixedScales;

    ScaledPanel(int capacity) {
        values = new long[Math.max(1, capacity)];
        scales = new int[values.length];
    }

    /** Reads the judges' marks; false if any cannot be held exactly, and then the panel must not be aggregated. */
    boolean read(List<JudgeMark> marks) {
        start(marks.size());
        for (int i = 0; i < size; i++) {
            if (!put(i, marks.get(i).mark())) {
                return false;
            }
        }
        return alignScales();
    }

    /** Reads bare marks; false if any cannot be held exactly. */
    boolean read(BigDecimal[] marks) {
        start(marks.length);
        for (int i = 0; i < size; i++) {
            if (!put(i, marks[i])) {
                return false;
            }
        }
        return alignScales();
    }

    /**
     * True if every mark is in {@code [0, max]}, where {@code maxByScale[s]} is {@code floor(max × 10^s)}: a mark with
     * an integer unscaled value {@code u} at scale {@code s} is at most {@code max} exactly when
     * {@code u <= floor(max × 10^s)}.
     */
    boolean allWithin(long[] maxByScale) {
        long bound = maxByScale[scale];
        for (int i = 0; i < size; i++) {
            if (values[i] < 0 || values[i] > bound) {
                return false;
            }
        }
        return true;
    }

    /**
     * The exact aggregate by the rule, or null if an intermediate sum would overflow a {@code long}.
     * The caller has checked that there are at least {@link PanelAggregation#minimumMarks()} marks.
     */
    ExactValue aggregate(PanelAggregation rule) {
        try {
            return switch (rule.kind()) {
                case MEAN -> ExactValue.ratio(BigDecimal.valueOf(sum(0, size), scale), size);
                case MEDIAN -> median();
                case TRIMMED_MEAN -> ExactValue.ratio(trimmedSum(rule.k()), size - 2L * rule.k());
                case TRIMMED_SUM -> ExactValue.of(trimmedSum(rule.k()));
            };
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    private void start(int n) {
        if (values.length < n) {
            values = new long[n];
            scales = new int[n];
        }
        size = n;
        scale = 0;
        mixedScales = false;
    }

    private boolean put(int i, BigDecimal mark) {
        int markScale = mark.scale();
        if (markScale < 0 || markScale > MAX_SCALE || mark.precision() > MAX_DIGITS) {
            return false;
        }
        // at most 18 digits, so the unscaled value is a long; moving the point allocates nothing once inlined
        values[i] = markScale == 0 ? mark.longValue() : mark.scaleByPowerOfTen(markScale).longValue();
        scales[i] = markScale;
        if (i > 0 && markScale != scale) {
            mixedScales = true;
        }
        scale = Math.max(scale, markScale);
        return true;
    }

    /** Brings every mark to the largest scale (9 and 8.5 → 90 and 85); false on overflow. */
    private boolean alignScales() {
        if (!mixedScales) {
            return true;
        }
        for (int i = 0; i < size; i++) {
            int shift = scale - scales[i];
            if (shift > 0) {
                long shifted = values[i] * POWERS_OF_TEN[shift];
                if (shifted / POWERS_OF_TEN[shift] != values[i]) {
                    return false;
                }
                values[i] = shifted;
            }
        }
        return true;
    }

    private ExactValue median() {
        sort();
        int middle = size / 2;
        if (size % 2 == 1) {
            return ExactValue.of(decimal(values[middle], middle, middle));
        }
        return ExactValue.ratio(decimal(Math.addExact(values[middle - 1], values[middle]), middle - 1, middle), 2);
    }

    /** The sum of the marks left after dropping the {@code k} highest and {@code k} lowest. */
    private BigDecimal trimmedSum(int k) {
        if (k == 1 && !mixedScales) {
            // no sort: which of equal marks is dropped cannot matter when they all have one scale
            long lowest = values[0];
            long highest = values[0];
            for (int i = 1; i < size; i++) {
                lowest = Math.min(lowest, values[i]);
                highest = Math.max(highest, values[i]);
            }
            return BigDecimal.valueOf(Math.subtractExact(Math.subtractExact(sum(0, size), lowest), highest), scale);
        }
        sort();
        return decimal(sum(k, size - k), k, size - k - 1);
    }

    private long sum(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum = Math.addExact(sum, values[i]);
        }
        return sum;
    }

    /**
     * An unscaled value at the common scale as a decimal with the scale the {@code BigDecimal} path gives the sum of
     * the marks at sorted positions {@code first..last}: the largest of their scales.
     */
    private BigDecimal decimal(long unscaled, int first, int last) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        if (!mixedScales) {
            return value;
        }
        int widest = 0;
        for (int i = first; i <= last; i++) {
            widest = Math.max(widest, scales[i]);
        }
        return value.setScale(widest, RoundingMode.UNNECESSARY); // exact: only zeros below every counted mark's scale
    }

    /**
     * Stable insertion sort by value, carrying each mark's own scale: equal marks keep their input order, exactly as
     * the {@code BigDecimal} path sorts them, so the same copies are dropped.
     */
    private void sort() {
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
}
