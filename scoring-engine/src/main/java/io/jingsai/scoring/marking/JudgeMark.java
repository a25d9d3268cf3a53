package io.jingsai.scoring.marking;

import java.math.BigDecimal;

/**
 * One judge's mark for one aspect of one entry.
 *
 * @param judgeId who gave it; a judge marks an aspect of an entry at most once
 * @param mark    the mark as given: for a JUDGEMENT aspect an integer 0–3, otherwise a mark in {@code [0, maxMark]}.
 *                Range is checked when scoring, where a bad mark becomes a rejected aspect, not an exception.
 * @throws IllegalArgumentException if the judge id is blank or the mark is null
 */
public record JudgeMark(String judgeId, BigDecimal mark) {

    public JudgeMark {
        Checks.requireText(judgeId, "judgeId");
        Checks.requireNonNull(mark, "mark of judge " + judgeId);
    }

    public static JudgeMark of(String judgeId, String mark) {
        return new JudgeMark(judgeId, new BigDecimal(mark));
    }
}
