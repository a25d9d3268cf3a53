package io.jingsai.api.judging;

import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;

/**
 * How many judges each entry needs for the scoring engine to score every aspect of a scheme: a JUDGEMENT aspect the
 * scheme's {@link MarkingScheme#minimumJudgementPanel() minimum panel}, a MEASUREMENT aspect the fewest marks its
 * panel rule aggregates ({@link PanelAggregation#minimumMarks()}: one for a mean or median, 2k + 1 for a trimmed
 * rule), a DEDUCTION module none. A judge's sheet marks every aspect of an entry, so the entry needs the most of
 * these.
 *
 * @param judges   at least 1
 * @param aspectId the first aspect, in scheme order, that needs that many; null for a scheme of deductions only
 */
record JudgesNeeded(int judges, String aspectId) {

    static JudgesNeeded of(MarkingScheme scheme) {
        JudgesNeeded most = new JudgesNeeded(1, null);
        for (Aspect aspect : scheme.aspects()) {
            int judges = judgesOf(scheme, aspect);
            if (judges > most.judges() || most.aspectId() == null && judges == most.judges()) {
                most = new JudgesNeeded(judges, aspect.id());
            }
        }
        return most;
    }

    private static int judgesOf(MarkingScheme scheme, Aspect aspect) {
        if (aspect.type() == AspectType.JUDGEMENT) {
            return scheme.minimumJudgementPanel();
        }
        if (aspect.type() == AspectType.MEASUREMENT) {
            PanelAggregation rule = aspect.aggregation() == null ? scheme.defaultAggregation() : aspect.aggregation();
            return rule.minimumMarks();
        }
        return 0;
    }
}
