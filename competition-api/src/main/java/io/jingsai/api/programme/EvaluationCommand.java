package io.jingsai.api.programme;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A project's KPI values: exactly one for each of its indicators, each with its evidence. The service checks them
 * against the project's indicators (an unknown or repeated indicator, or one left out, is a 400 naming it).
 */
@Schema(name = "EvaluationCommand", example = """
        {"values": [{"indicator": "COST", "value": 320.5, "evidence": "2025年竣工决算审计报告第12页"},
                    {"indicator": "DELAY", "value": 4, "evidence": "监理月报：累计延误4天"}]}""")
record EvaluationCommand(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull IndicatorValue> values) {
}
