package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.shared.FieldProblem;

/**
 * Whether a project's values fit its indicators: one value for each indicator, none for an indicator it does not
 * have, none twice. Each value's number was already checked as a decimal when the body was read.
 */
final class EvaluationRules {

    private EvaluationRules() {
    }

    /** Every problem at once, each naming its field; empty if the values fit. */
    static List<FieldProblem> problems(List<KpiIndicator> indicators, List<IndicatorValue> values) {
        List<String> codes = indicators.stream().map(KpiIndicator::code).toList();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> given = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i).indicator();
            String field = "values[" + i + "].indicator";
            if (!codes.contains(code)) {
                problems.add(FieldProblem.of(field, "evaluation.indicatorUnknown", ExplainedException.listOrNone(codes)));
            } else if (given.putIfAbsent(code, i) != null) {
                problems.add(FieldProblem.of(field, "evaluation.indicatorRepeated", given.get(code)));
            }
        }
        for (String code : codes) {
            if (!given.containsKey(code)) {
                problems.add(FieldProblem.of("values", "evaluation.indicatorMissing", code));
            }
        }
        return problems;
    }
}
