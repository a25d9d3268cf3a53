package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.scoring.indicator.Direction;
import io.jingsai.scoring.indicator.IndicatorScheme;
import io.jingsai.scoring.indicator.IndicatorScoring;

/**
 * Scores the evaluated projects of a programme with the scoring engine's indicator scoring, together, because an
 * indicator normalised against the field depends on every project's value.
 *
 * <p>Each project is scored by its own indicators (those its values were entered against). Its field is every
 * evaluated project of the programme that has the same KPI: an indicator with the same code and direction; projects
 * that do not have it take no part in that indicator's best and worst. Each indicator's own score is the engine's
 * score of a scheme of that indicator alone, over the same field: what the project earns on it, out of 100.
 */
final class ProjectScoring {

    private ProjectScoring() {
    }

    /** A project's entered values and the indicators they were entered against. */
    record Evaluated(long projectId, List<KpiIndicator> indicators, Map<String, BigDecimal> values) {
    }

    /**
     * @param score           out of 100, rounded once by the engine's default rule (HALF_UP, 2 places)
     * @param indicatorScores indicator code → its own score out of 100, in the order of the indicators
     */
    record ProjectScore(BigDecimal score, Map<String, BigDecimal> indicatorScores) {
    }

    static Map<Long, ProjectScore> score(List<Evaluated> evaluated) {
        Map<List<KpiIndicator>, List<Evaluated>> bySchemes = new LinkedHashMap<>();
        evaluated.forEach(project -> bySchemes.computeIfAbsent(project.indicators(), k -> new ArrayList<>())
                .add(project));
        Map<Long, ProjectScore> scores = new HashMap<>();
        bySchemes.forEach((indicators, projects) -> {
            Map<String, BigDecimal> totals = scored(indicators, evaluated);
            Map<String, Map<String, BigDecimal>> alone = new LinkedHashMap<>();
            indicators.forEach(indicator -> alone.put(indicator.code(), scored(List.of(indicator), evaluated)));
            for (Evaluated project : projects) {
                String id = String.valueOf(project.projectId());
                Map<String, BigDecimal> own = new LinkedHashMap<>();
                alone.forEach((code, byProject) -> own.put(code, byProject.get(id)));
                scores.put(project.projectId(), new ProjectScore(totals.get(id), own));
            }
        });
        return scores;
    }

    /** Project id → score under a scheme of these indicators, over the whole field. */
    private static Map<String, BigDecimal> scored(List<KpiIndicator> indicators, List<Evaluated> field) {
        IndicatorScheme scheme = IndicatorScheme.outOf100(indicators.stream().map(KpiIndicators::toEngine).toList());
        Map<String, BigDecimal> scores = new HashMap<>();
        IndicatorScoring.score(scheme, sameKpis(indicators, field))
                .forEach(score -> scores.put(score.entryId(), score.score()));
        return scores;
    }

    /** Every project's values of the KPIs these indicators measure (same code, same direction). */
    private static List<IndicatorScoring.Values> sameKpis(List<KpiIndicator> indicators, List<Evaluated> field) {
        Map<String, Direction> kpis = new HashMap<>();
        indicators.forEach(indicator -> kpis.put(indicator.code(), indicator.direction()));
        List<IndicatorScoring.Values> values = new ArrayList<>();
        for (Evaluated project : field) {
            Map<String, BigDecimal> same = new HashMap<>();
            for (KpiIndicator indicator : project.indicators()) {
                BigDecimal value = project.values().get(indicator.code());
                if (value != null && indicator.direction() == kpis.get(indicator.code())) {
                    same.put(indicator.code(), value);
                }
            }
            values.add(new IndicatorScoring.Values(String.valueOf(project.projectId()), same));
        }
        return values;
    }
}
