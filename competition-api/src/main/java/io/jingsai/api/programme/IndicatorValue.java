package io.jingsai.api.programme;

import java.math.BigDecimal;

import io.jingsai.api.shared.MultilineText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A project's value of one of its KPI indicators, with the evidence it rests on (a report, an audit, a record). */
@Schema(name = "IndicatorValue")
record IndicatorValue(
        @Schema(description = "the code of one of the project's indicators") @NotBlank @Size(max = 50)
        String indicator,
        @Schema(description = "in the indicator's unit") @NotNull BigDecimal value,
        @Schema(description = "where the value comes from") @NotBlank @Size(max = 500) @MultilineText
        String evidence) {

    IndicatorValue {
        indicator = indicator == null ? null : indicator.strip();
        evidence = evidence == null ? null : evidence.strip();
    }
}
