package io.jingsai.scoring.marking;

import java.math.BigDecimal;

/**
 * One judge's mark for one aspect of one entry, flattened for panel-wide analysis
 * ({@link JudgeConsistency}, {@link JudgeNormalisation}).
 *
 * @throws IllegalArgumentException if an id is blank or the mark is null
 */
public record PanelMark(String aspectId, String entryId, String judgeId, BigDecimal mark) {

    public PanelMark {
        Checks.requireText(aspectId, "aspectId");
        Checks.requireText(entryId, "entryId");
        Checks.requireText(judgeId, "judgeId");
        Checks.requireNonNull(mark, "mark");
    }

    public static PanelMark of(String aspectId, String entryId, String judgeId, String mark) {
        return new PanelMark(aspectId, entryId, judgeId, new BigDecimal(mark));
    }
}
