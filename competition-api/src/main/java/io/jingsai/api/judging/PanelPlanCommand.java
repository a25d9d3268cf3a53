package io.jingsai.api.judging;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * An automatic assignment of the panel's judges to the event's entries.
 *
 * @param seed           any whole number; the same seed, panel and entries give the same plan, so keep it to
 *                       show how the plan came about
 * @param judgesPerEntry judges who mark each entry; at least what the scheme needs (its judgement aspects' minimum
 *                       panel, a trimmed rule's 2k + 1 marks), which it is when left out
 */
@Schema(name = "PanelPlanCommand", example = """
        {"seed": 20251108, "judgesPerEntry": 3}""")
record PanelPlanCommand(@NotNull Long seed, @Positive @Max(100) Integer judgesPerEntry) {
}
