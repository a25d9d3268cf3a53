package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.jingsai.scoring.indicator.Direction;

/**
 * A project's evaluation: each indicator with its value, evidence and score, and the total. Before any value is
 * entered, {@code evaluated} is false, the indicators are the project's own and version is 0; afterwards they are the
 * definitions the values were entered against. Where the evaluation stands (entered, reviewed, published) is the
 * programme's: {@code GET /api/programmes/{programmeId}/project-evaluation}. The version moves on when the values
 * change, and when the score changes because other projects' values did.
 *
 * @param score out of 100, rounded HALF_UP to 2 places once, by the scoring engine; absent before evaluation
 */
record EvaluationView(long projectId, long programmeId, boolean evaluated, BigDecimal score,
                      List<IndicatorScore> indicators, long version, String enteredBy, Instant updatedAt) {

    /**
     * One indicator of the evaluation.
     *
     * @param score what the project earns on this indicator alone, out of 100 (its share of the total is weight /
     *              Σ weights of this score)
     */
    record IndicatorScore(String code, String name, String unit, BigDecimal weight, Direction direction,
                          BigDecimal target, BigDecimal baseline, BigDecimal value, String evidence,
                          BigDecimal score) {
    }
}
