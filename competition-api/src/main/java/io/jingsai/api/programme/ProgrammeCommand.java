package io.jingsai.api.programme;

import java.time.Instant;
import java.util.List;

import io.jingsai.api.identifiers.ValidDivisionCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Setting up or changing a programme. Missing quotas take their defaults; a missing status means PLANNING on
 * creation and "unchanged" on update. Rules that span fields (demonstration ≤ key, unique key-area codes, status
 * transitions) are checked by the service.
 */
@Schema(name = "ProgrammeCommand", description = "A new programme starts in PLANNING. The demonstration quota must not "
        + "exceed the key quota; key-area codes are unique within the programme.", example = """
        {"name": "2024年重点项目劳动和技能竞赛", "year": 2024, "organizer": "陕西省总工会", "regionCode": "610000",
         "keyAreas": [{"code": "TECH", "nameZh": "科技强省", "nameEn": "Science and technology"},
                      {"code": "INDUSTRY", "nameZh": "现代化产业体系", "nameEn": "Modern industrial system"}],
         "quotas": {"demonstration": 10, "key": 100, "stars": 1000, "enterprises": 10000},
         "starRule": {"combination": "BEST", "cutOffPolicy": "INCLUDE_ALL", "splitBy": "REGION",
                      "splits": [{"key": "610100", "quota": 600}, {"key": "610300", "quota": 400}]},
         "enterpriseIndex": {"contestantWeight": 1, "starWeight": 10, "awardWeights": [8, 5, 3, 1],
                             "keyProjectWeight": 20, "demonstrationProjectWeight": 50,
                             "cutOffPolicy": "INCLUDE_ALL"},
         "fundFen": 1500000000, "status": "PLANNING", "freezeAt": "2024-12-20T16:00:00Z"}""")
public record ProgrammeCommand(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(FIRST_YEAR) @Max(LAST_YEAR) Integer year,
        @Schema(description = "the organizing trade union, e.g. 陕西省总工会") @NotBlank @Size(max = 200) String organizer,
        @NotNull @ValidDivisionCode String regionCode,
        @Size(max = 100) List<@Valid @NotNull KeyArea> keyAreas,
        @Valid TierQuotas quotas,
        @Schema(description = "how competition stars are ranked across events; defaults BEST and INCLUDE_ALL, "
                + "no split") @Valid StarRule starRule,
        @Schema(description = "the weights of the enterprises index and the enterprises tier's cut-off policy; "
                + "missing weights take their defaults") @Valid EnterpriseIndexRule enterpriseIndex,
        @Schema(description = "incentive fund in fen (分, 0.01 yuan): 15,000,000 yuan is 1500000000")
        @NotNull @PositiveOrZero Long fundFen,
        ProgrammeStatus status,
        @Schema(description = "when public boards freeze (optional)") Instant freezeAt) {

    /** The years a programme may run in; list filters take the same range. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public ProgrammeCommand {
        name = name == null ? null : name.strip();
        organizer = organizer == null ? null : organizer.strip();
        regionCode = regionCode == null ? null : regionCode.strip();
        keyAreas = keyAreas == null ? List.of() : keyAreas;
        quotas = quotas == null ? TierQuotas.DEFAULTS : quotas;
        starRule = starRule == null ? StarRule.DEFAULTS : starRule;
        enterpriseIndex = enterpriseIndex == null ? EnterpriseIndexRule.DEFAULTS : enterpriseIndex;
    }
}
