package io.jingsai.api.programme;

import java.util.List;

import io.jingsai.api.identifiers.ValidDivisionCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Registering or changing a competition project of a programme. The service checks what needs the database: the
 * host enterprise exists, the aspect is one of the six, the key area is one of the programme's, and the indicators
 * form a scheme the scoring engine accepts. A missing tier status means CANDIDATE.
 */
@Schema(name = "ProjectCommand", example = """
        {"name": "西安地铁10号线劳动竞赛", "hostEnterpriseId": 1, "aspect": "ENGINEERING_EXCELLENCE",
         "keyArea": "INDUSTRY", "regionCode": "610100", "tierStatus": "CANDIDATE",
         "indicators": [{"code": "COST", "name": "节约成本", "unit": "万元", "weight": 0.4,
                         "direction": "HIGHER_IS_BETTER", "target": 500, "baseline": 0},
                        {"code": "DELAY", "name": "工期延误", "unit": "天", "weight": 0.6,
                         "direction": "LOWER_IS_BETTER", "target": 0, "baseline": 30}]}""")
record ProjectCommand(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Positive Long hostEnterpriseId,
        @Schema(description = "one of the six aspects, see /api/reference/aspects") @NotBlank String aspect,
        @Schema(description = "a key-area code of the programme (optional)") @Size(max = 50) String keyArea,
        @NotNull @ValidDivisionCode String regionCode,
        TierStatus tierStatus,
        @Size(max = 50) List<@Valid @NotNull KpiIndicator> indicators) {

    ProjectCommand {
        name = name == null ? null : name.strip();
        aspect = aspect == null ? null : aspect.strip();
        keyArea = keyArea == null || keyArea.isBlank() ? null : keyArea.strip();
        regionCode = regionCode == null ? null : regionCode.strip();
        tierStatus = tierStatus == null ? TierStatus.CANDIDATE : tierStatus;
        indicators = indicators == null ? List.of() : indicators;
    }
}
