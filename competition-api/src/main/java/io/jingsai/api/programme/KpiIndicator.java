package io.jingsai.api.programme;

import java.math.BigDecimal;

import io.jingsai.scoring.indicator.Direction;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A KPI a project is scored on (cost saved, schedule days gained, patents, safety record), with its target.
 * Weights are relative (the engine divides by their sum), so they need not add up to 1. With a baseline, the
 * indicator scores against its target (baseline earns nothing, the target earns everything) and the target must lie
 * on the better side of the baseline; without one, it scores against the other projects.
 */
@Schema(name = "KpiIndicator")
record KpiIndicator(
        @NotBlank @Size(max = 50) String code,
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "e.g. 万元, 天, 项") @Size(max = 20) String unit,
        @NotNull @Positive BigDecimal weight,
        @NotNull Direction direction,
        @NotNull BigDecimal target,
        BigDecimal baseline) {

    KpiIndicator {
        code = code == null ? null : code.strip();
        name = name == null ? null : name.strip();
        unit = unit == null || unit.isBlank() ? null : unit.strip();
    }
}
