package io.jingsai.api.programme;

import java.time.Instant;

/**
 * Where the evaluation of a programme's projects stands.
 *
 * @param projects          the programme's projects that have indicators (those the evaluation covers)
 * @param evaluatedProjects those of them with values entered
 * @param version           0 until the first step is taken
 */
record EvaluationRoundView(long programmeId, EvaluationStatus status, long projects, long evaluatedProjects,
                           long version, Instant updatedAt) {
}
