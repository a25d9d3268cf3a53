package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What officials record about an entry besides the judges' marks; the whole record, replacing the one before.
 *
 * @param completionSeconds how long the entry took, in seconds (to the millisecond, at most a week), or null
 * @param difficulty        declared multipliers of MEASUREMENT aspects (a dive's degree of difficulty), each aspect
 *                          at most once
 * @param reason            why the record changes; required for the chief judge's correction after marking has closed
 */
@Schema(name = "EntryRecordCommand", example = """
        {"completionSeconds": 5423.5, "difficulty": [{"aspectId": "T1", "multiplier": 2.8}]}""")
record EntryRecordCommand(@DecimalMin("0") @DecimalMax("604800") BigDecimal completionSeconds,
                          @Size(max = MAX_DIFFICULTIES) List<@Valid @NotNull Difficulty> difficulty,
                          @Size(max = 500) String reason) {

    /** More than any scheme has aspects is not a record. */
    static final int MAX_DIFFICULTIES = 500;

    EntryRecordCommand {
        difficulty = difficulty == null ? List.of() : difficulty;
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** The record in one text that two equal requests share ({@code 1.50} and {@code 1.5} are one value). */
    String canonical() {
        String seconds = completionSeconds == null ? "-" : completionSeconds.stripTrailingZeros().toPlainString();
        String multipliers = difficulty.stream()
                .map(entry -> entry.aspectId() + "=" + entry.multiplier().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(","));
        return seconds + "\n" + multipliers + (reason == null ? "" : "\nreason=" + reason);
    }

    /** @param multiplier above 0, at most 100 */
    @Schema(name = "Difficulty")
    record Difficulty(@NotBlank @Size(max = 50) String aspectId,
                      @NotNull @Positive @DecimalMax("100") BigDecimal multiplier) {
    }
}
