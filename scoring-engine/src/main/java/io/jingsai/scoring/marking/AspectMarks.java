package io.jingsai.scoring.marking;

import java.math.BigDecimal;
import java.util.List;

/**
 * The panel's marks for one aspect of one entry.
 *
 * @param aspectId   the scheme's aspect
 * @param marks      one per judge, in any order (order never changes the result); held as an unmodifiable copy
 *                   that also keeps the marks in a compact form for scoring
 * @param multiplier a per-entry multiplier such as a dive's degree of difficulty, {@code > 0}; 1 when null.
 *                   Only MEASUREMENT aspects take a multiplier other than 1.
 * @throws IllegalArgumentException if the aspect id is blank, marks are null, a judge marks twice or the multiplier is
 *                                  not positive
 */
public record AspectMarks(String aspectId, List<JudgeMark> marks, BigDecimal multiplier) {

    public AspectMarks {
        Checks.requireText(aspectId, "aspectId");
        // an unmodifiable copy that also holds the marks in compact form for fast scoring, built once here
        marks = MarkList.copyOf(Checks.requireNonNull(marks, "marks of aspect " + aspectId));
        for (int i = 1; i < marks.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (marks.get(j).judgeId().equals(marks.get(i).judgeId())) {
                    throw new IllegalArgumentException("judge " + marks.get(i).judgeId() + " marked aspect " + aspectId
                            + " twice");
                }
            }
        }
        multiplier = multiplier == null ? BigDecimal.ONE : Checks.requirePositive(multiplier, "multiplier of aspect " + aspectId);
    }

    /** Marks without a multiplier. */
    public static AspectMarks of(String aspectId, JudgeMark... marks) {
        return new AspectMarks(aspectId, List.of(marks), BigDecimal.ONE);
    }

    /** Marks given as judge ids {@code j1, j2, …} in order, convenient for tests and examples. */
    public static AspectMarks ofValues(String aspectId, String... marks) {
        JudgeMark[] judged = new JudgeMark[marks.length];
        for (int i = 0; i < marks.length; i++) {
            judged[i] = JudgeMark.of("j" + (i + 1), marks[i]);
        }
        return of(aspectId, judged);
    }

    public AspectMarks withMultiplier(BigDecimal newMultiplier) {
        return new AspectMarks(aspectId, marks, newMultiplier);
    }
}
