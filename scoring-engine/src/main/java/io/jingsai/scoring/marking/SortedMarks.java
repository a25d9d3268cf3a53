package io.jingsai.scoring.marking;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A panel's marks in the one form every rule reads: unscaled {@code long}s at one common decimal scale (8.5 and 9
 * become 85 and 90 at scale 1), sorted ascending, with their lowest, highest and total. Built once per mark set (for
 * {@link AspectMarks} when the marks are loaded), so that scoring reads one array and a few fields instead of a
 * {@code BigDecimal} per mark.
 *
 * <p>A mark is held if it has at most {@value #MAX_SCALE} decimal places once trailing zeros are dropped and is less
 * than 10<sup>9</sup> in magnitude, so that every mark fits a {@code long} at the common scale. A set with a mark
 * outside these bounds is not held: {@link #unheld} names the first such mark, and the rules report it as a problem
 * (no real mark comes near these bounds). Sums of many large marks that would overflow a {@code long} are formed
 * exactly in {@link BigInteger}s. Immutable.
 */
final class SortedMarks {

    /** The most decimal places a mark may have. */
    static final int MAX_SCALE = 9;
    /** The most digits a mark may have before its decimal point. */
    static final int MAX_INTEGER_DIGITS = 9;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    /** The marks × {@code 10^scale}, ascending; null when a mark is not held. */
    final long[] sorted;
    /** The common scale: the largest scale among the marks (trailing zeros beyond {@value #MAX_SCALE} dropped). */
    final int scale;
    final int count;
    /** {@code sorted[0]}, {@code sorted[count - 1]} and the sum of all, read without touching the array (0 if empty). */
    final long lowest;
    final long highest;
    final long total;
    /** False if the sum of the marks' magnitudes would overflow a {@code long}; sums are then formed in BigIntegers. */
    final boolean sumsFitLong;
    /** The lowest mark that is not held, or null when all are (the lowest, so that the order of marks never matters). */
    final BigDecimal unheld;

    private SortedMarks(int count, long[] sorted, int scale, long lowest, long highest, long total,
                        boolean sumsFitLong, BigDecimal unheld) {
        this.sorted = sorted;
        this.scale = scale;
        this.count = count;
        this.lowest = lowest;
        this.highest = highest;
        this.total = total;
        this.sumsFitLong = sumsFitLong;
        this.unheld = unheld;
    }

    /** The compact form of the marks. */
    static SortedMarks of(BigDecimal[] marks) {
        int scale = 0;
        BigDecimal unheld = null;
        for (BigDecimal mark : marks) {
            BigDecimal held = held(mark);
            if (held == null) {
                unheld = unheld == null || mark.compareTo(unheld) < 0 ? mark : unheld;
            } else {
                scale = Math.max(scale, held.scale());
            }
        }
        if (unheld != null) {
            return new SortedMarks(marks.length, null, 0, 0, 0, 0, false, unheld);
        }
        long[] values = new long[marks.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = unscaled(marks[i], scale);
        }
        java.util.Arrays.sort(values);
        long total = 0;
        long magnitude = 0;
        boolean fits = true;
        for (long value : values) {
            total += value;
            long next = magnitude + Math.abs(value); // |value| < 10^18: no single term overflows
            fits &= next >= magnitude;
            magnitude = next;
        }
        int n = values.length;
        return new SortedMarks(n, values, scale, n == 0 ? 0 : values[0], n == 0 ? 0 : values[n - 1], total, fits,
                null);
    }

    /** The mark at a scale of 0 to {@value #MAX_SCALE}, or null if it is not held. */
    private static BigDecimal held(BigDecimal mark) {
        BigDecimal m = mark.scale() < 0 || mark.scale() > MAX_SCALE ? mark.stripTrailingZeros() : mark;
        if (m.scale() < 0) {
            m = m.setScale(0);
        }
        return m.scale() > MAX_SCALE || m.precision() - m.scale() > MAX_INTEGER_DIGITS ? null : m;
    }

    /** A held mark × {@code 10^scale}, exactly; the scale is at least the mark's own (trailing zeros dropped). */
    static long unscaled(BigDecimal mark, int scale) {
        return mark.movePointRight(scale).longValueExact();
    }

    /** {@code 10^scale}: one unit of a whole mark at the common scale. */
    long one() {
        return POWERS_OF_TEN[scale];
    }

    /** The value of an unscaled figure at this set's scale, e.g. 85 → 8.5. */
    BigDecimal decimal(long unscaled) {
        return BigDecimal.valueOf(unscaled, scale);
    }

    /**
     * The sum of the marks left when {@code dropped} are dropped at each end, unscaled; only when
     * {@link #sumsFitLong}. Dropping one at each end reads only the fields, not the array.
     */
    long countedTotal(int dropped) {
        long sum = total;
        if (dropped > 0) {
            sum -= lowest + highest;
            for (int i = 1; i < dropped; i++) {
                sum -= sorted[i] + sorted[count - 1 - i];
            }
        }
        return sum;
    }

    /** The same sum as a decimal at this set's scale, exact however large. */
    BigDecimal countedSum(int dropped) {
        if (sumsFitLong) {
            return decimal(countedTotal(dropped));
        }
        BigInteger sum = BigInteger.ZERO;
        for (int i = dropped; i < count - dropped; i++) {
            sum = sum.add(BigInteger.valueOf(sorted[i]));
        }
        return new BigDecimal(sum, scale);
    }

    /** An unscaled figure as a mark to name in a message: its value, without trailing zeros (8.50 → 8.5). */
    BigDecimal named(long unscaled) {
        return decimal(unscaled).stripTrailingZeros();
    }
}
