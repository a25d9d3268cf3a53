package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A judge's score sheet for one entry: a mark for each aspect the judge marks (at most one per aspect). Marks are
 * exact decimals, as JSON numbers; a JUDGEMENT aspect takes a whole score 0–3, a MEASUREMENT aspect a mark from 0 to
 * its max mark (one of its allowed marks, if it lists them). DEDUCTION modules take deductions, not marks. A reason
 * is recorded with the sheet in the audit chain; the chief judge's correction after marking has closed needs one.
 */
@Schema(name = "ScoreSheetCommand", example = """
        {"marks": [{"aspectId": "T1a", "value": 86.5}, {"aspectId": "P1a", "value": 52},
                   {"aspectId": "P1b", "value": 2}]}""")
public record ScoreSheetCommand(@NotEmpty @Size(max = MAX_MARKS) List<@Valid @NotNull Mark> marks,
                                @Size(max = 500) @Schema(description = "why the sheet changes; required for the chief "
                                        + "judge's correction after marking has closed") String reason) {

    public ScoreSheetCommand {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** More marks than any scheme has aspects is not a sheet. */
    static final int MAX_MARKS = 500;

    @Schema(name = "Mark")
    public record Mark(@NotBlank @Size(max = 50) String aspectId, @NotNull BigDecimal value) {
    }

    /** The marks in one text that two equal sheets share ({@code 1.50} and {@code 1.5} are one mark). */
    String canonical() {
        String values = marks.stream()
                .map(mark -> mark.aspectId() + "=" + mark.value().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("\n"));
        return reason == null ? values : values + "\nreason=" + reason;
    }
}
