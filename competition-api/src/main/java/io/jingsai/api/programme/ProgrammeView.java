package io.jingsai.api.programme;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A programme as the API shows it. */
public record ProgrammeView(long id, String name, int year, String organizer, String regionCode, List<KeyArea> keyAreas,
                     TierQuotas quotas,
                     @Schema(description = "how competition stars are ranked across events") StarRule starRule,
                     @Schema(description = "the weights of the enterprises index") EnterpriseIndexRule enterpriseIndex,
                     @Schema(description = "incentive fund in fen (分, 0.01 yuan)") long fundFen,
                     ProgrammeStatus status, Instant freezeAt, long version, Instant createdAt, Instant updatedAt) {
}
