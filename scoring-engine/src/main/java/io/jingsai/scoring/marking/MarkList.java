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
    /** The marks × {@code 10^scale}, or null when they do not fit the compact form (the exact path is used). */
    final long[] unscaled;
    /** Each mark's own scale when they differ, else null. */
    final int[] scales;
    /** The common scale. */
    final int scale;

    private MarkList(JudgeMark[] marks) {
        this.marks = marks;
        ScaledMarks scaled = ScaledMarks.ofJudged(this);
        this.unscaled = scaled == null ? null : scaled.unscaled;
        this.scales = scaled == null ? null : scaled.scales;
        this.scale = scaled == null ? 0 : scaled.scale;
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
