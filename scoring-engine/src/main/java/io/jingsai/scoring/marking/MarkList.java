package io.jingsai.scoring.marking;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The unmodifiable list behind {@link AspectMarks#marks()}: the judges' marks as given, plus their sorted compact
 * form ({@link SortedMarks}), built once when the marks are loaded, which is the form every rule reads. Equal to any
 * list with the same marks in the same order.
 */
final class MarkList extends AbstractList<JudgeMark> implements RandomAccess {

    private final JudgeMark[] marks;
    /** The marks in the form the rules read. */
    final SortedMarks sorted;

    private MarkList(JudgeMark[] marks) {
        this.marks = marks;
        BigDecimal[] values = new BigDecimal[marks.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = marks[i].mark();
        }
        this.sorted = SortedMarks.of(values);
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
