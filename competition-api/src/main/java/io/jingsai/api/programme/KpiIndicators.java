package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.List;

import io.jingsai.api.shared.EngineMessages;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.indicator.Indicator;
import io.jingsai.scoring.indicator.IndicatorScheme;
import io.jingsai.scoring.indicator.Normalisation;

/**
 * Checks a project's indicators with the scoring engine's own model, so that whatever the API accepts the engine can
 * score: a target on the wrong side of its baseline (or equal to it), and repeated codes, are refused with the
 * engine's message. Field-level rules (weight > 0, required values) were already checked by Bean Validation.
 */
final class KpiIndicators {

    private KpiIndicators() {
    }

    static List<FieldProblem> problems(List<KpiIndicator> indicators) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Indicator> accepted = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            KpiIndicator kpi = indicators.get(i);
            try {
                accepted.add(toEngine(kpi));
            } catch (IllegalArgumentException e) {
                // With a baseline, the only rules left to break are about where the target lies.
                problems.add(EngineMessages.at("indicators[" + i + "]" + (kpi.baseline() != null ? ".target" : ""),
                        e.getMessage()));
            }
        }
        if (problems.isEmpty() && !accepted.isEmpty()) {
            try {
                IndicatorScheme.outOf100(accepted);
            } catch (IllegalArgumentException e) {
                problems.add(EngineMessages.at("indicators", e.getMessage()));
            }
        }
        return problems;
    }

    /** The engine's indicator for a KPI that {@link #problems} accepted. */
    static Indicator toEngine(KpiIndicator kpi) {
        Normalisation normalisation = kpi.baseline() == null ? new Normalisation.AgainstField()
                : new Normalisation.AgainstTarget(kpi.baseline(), kpi.target());
        return new Indicator(kpi.code(), kpi.weight(), kpi.direction(), normalisation);
    }
}
