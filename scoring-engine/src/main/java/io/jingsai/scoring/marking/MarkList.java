package io.jingsai.scoring.marking;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The unmodifiable list behind {@link AspectMarks#marks()}: the judges' marks as given, plus their compact form
 * ({@link ScaledMarks}), built once when the marks are loaded and held inline so that scoring reaches the unscaled
 * values in one step from the list. Equal to any list with the same marks in the same order.
 */
final class MarkList extends AbstractList<JudgeMark> implements RandomAccess {

    private final JudgeMark[] marks;
    /**
     * The marks × {@code 10^scale}, or null when they do not fit the compact form (the exact path is used). When the
     * marks all have one scale ({@code scales == null}) they are sorted ascending: equal marks of one scale are
     * interchangeable for every rule, so scoring can read the lowest, highest and middle marks where they are instead of
     * sorting a copy per aspect per entry. With mixed scales they stay in input order, which decides which of equal
     * marks of different scales a trimmed rule drops (and so the result's scale).
     */
    final long[] unscaled;
    /** Each mark's own scale when they differ, else null. */
    final int[] scales;
    /** The common scale. */
    final int scale;
    /**
     * The lowest and highest of {@link #unscaled} and their sum, when the compact form exists (else 0): what a mean,
     * a trimmed rule dropping 1+1 or a judgement panel needs, read without touching the array. The sum wraps on
     * overflow; it is exact whenever the marks are within a range the caller has checked (in range marks of a
     * memoised aspect are at most 4096 each).
     */
    final long lowest;
    final long highest;
    final long total;
    /** The number of marks, kept here so that scoring reads it with the fields above. */
    final int count;

    private MarkList(JudgeMark[] marks) {
        this.marks = marks;
        ScaledMarks scaled = ScaledMarks.ofJudged(this);
        long[] values = scaled == null ? null : scaled.unscaled;
        if (values != null && scaled.scales == null) {
            sortAscending(values, values.length); // the compact form's own array, built for this list
        }
        long low = 0;
        long high = 0;
        long sum = 0;
        if (values != null && values.length > 0) {
            low = values[0];
            high = values[0];
            for (long value : values) {
                low = Math.min(low, value);
                high = Math.max(high, value);
                sum += value;
            }
        }
        this.unscaled = values;
        this.scales = scaled == null ? null : scaled.scales;
        this.scale = scaled == null ? 0 : scaled.scale;
        this.lowest = low;
        this.highest = high;
        this.total = sum;
        this.count = marks.length;
    }

    /**
     * Sorts {@code values[0..n)} ascending: an insertion sort for a panel's handful of marks, the library sort
     * beyond.
     */
    static void sortAscending(long[] values, int n) {
        if (n > 16) {
            java.util.Arrays.sort(values, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            long value = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }

    /** An unmodifiable copy; null elements are refused as by {@link List#copyOf}. */
    static MarkList copyOf(List<JudgeMark> marks) {
        if (marks instanceof MarkList list) {
            return list;
        }
        JudgeMark[] copy = marks.toArray(new JudgeMark[0]);
        for (JudgeMark mark : copy) {
            Objects.requireNonNull(mark);
        }
        return new MarkList(copy);
    }

    @Override
    public JudgeMark get(int index) {
        return marks[index];
    }

    @Override
    public int size() {
        return marks.length;
    }
}
