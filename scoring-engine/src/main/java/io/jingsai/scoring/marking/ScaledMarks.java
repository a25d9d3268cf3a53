package io.jingsai.scoring.marking;

import java.math.BigDecimal;
import java.util.List;

/**
 * A panel's marks as unscaled {@code long}s at one common decimal scale (8.5 and 9 become 85 and 90 at scale 1):
 * the compact form the fast path aggregates ({@link ScaledPanel}). {@link AspectMarks} builds it once, when marks are
 * loaded, so scoring reads one contiguous array instead of a {@code BigDecimal} per mark.
 *
 * <p>Only marks that fit are held: a scale between 0 and {@value #MAX_SCALE}, at most 18 digits, and no overflow when
 * brought to the common scale. For anything else {@link #of} returns null and the {@code BigDecimal} path is used.
 * Immutable.
 */
final class ScaledMarks {

    /** The largest decimal scale of a mark the fast path holds (marks are given to a handful of places at most). */
    static final int MAX_SCALE = 9;
    private static final int MAX_DIGITS = 18;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    /** The marks times {@code 10^scale}, in input order. */
    final long[] unscaled;
    /** Each mark's own scale when they differ (the exact path's result scale depends on them), else null. */
    final int[] scales;
    /** The common scale: the largest of the marks' scales. */
    final int scale;

    ScaledMarks(long[] unscaled, int[] scales, int scale) {
        this.unscaled = unscaled;
        this.scales = scales;
        this.scale = scale;
    }

    static ScaledMarks ofJudged(List<JudgeMark> marks) {
        BigDecimal[] values = new BigDecimal[marks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = marks.get(i).mark();
        }
        return of(values);
    }

    /** The marks in compact form, or null if one of them does not fit. */
    static ScaledMarks of(BigDecimal[] marks) {
        int n = marks.length;
        long[] unscaled = new long[n];
        int[] scales = null; // each mark's scale, recorded from the first mark whose scale differs
        int scale = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal mark = marks[i];
            int markScale = mark.scale();
            if (markScale < 0 || markScale > MAX_SCALE || mark.precision() > MAX_DIGITS) {
                return null;
            }
            // at most 18 digits: the unscaled value is exactly a long
            unscaled[i] = markScale == 0 ? mark.longValue() : mark.scaleByPowerOfTen(markScale).longValue();
            if (scales == null && i > 0 && markScale != scale) {
                scales = new int[n];
                java.util.Arrays.fill(scales, 0, i, scale); // the marks before all had one scale
            }
            if (scales != null) {
                scales[i] = markScale;
            }
            scale = i == 0 ? markScale : Math.max(scale, markScale);
        }
        if (scales == null) {
            return new ScaledMarks(unscaled, null, scale);
        }
        for (int i = 0; i < n; i++) {
            long factor = POWERS_OF_TEN[scale - scales[i]];
            long shifted = unscaled[i] * factor;
            if (shifted / factor != unscaled[i]) {
                return null;
            }
            unscaled[i] = shifted;
        }
        return new ScaledMarks(unscaled, scales, scale);
    }

    int size() {
        return unscaled.length;
    }
}
