package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * One judge's marks for one aspect (the path names it) across many entries, as judges mark walking the hall: a mark
 * for each entry, each entry once. Each mark names the version of the judge's sheet for that entry that the judge
 * last saw ({@code sheetVersion}, as the worklist gives it), or none when the judge has no sheet for the entry yet;
 * the mark goes into that sheet as its next version, the judge's other marks for the entry kept.
 */
@Schema(name = "AspectSheetCommand", example = """
        {"marks": [{"registrationId": 1, "value": 2, "sheetVersion": 0}, {"registrationId": 2, "value": 3}]}""")
public record AspectSheetCommand(@NotEmpty @Size(max = MAX_ENTRIES) List<@Valid @NotNull Mark> marks,
                                 @Size(max = 500) @Schema(description = "why the marks change (a re-mark after "
                                         + "review, say); recorded with each sheet in the audit chain") String reason) {

    public AspectSheetCommand {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** More entries than any event has stations is not one aspect's round of the hall. */
    static final int MAX_ENTRIES = 500;

    /**
     * @param sheetVersion the version of the judge's sheet for the entry this mark changes; null (or left out) when
     *                     the judge has no sheet for the entry yet
     */
    @Schema(name = "EntryMark")
    public record Mark(@NotNull @Positive Long registrationId, @NotNull BigDecimal value,
                       @PositiveOrZero @Schema(description = "the version of one's sheet for the entry that this mark "
                               + "changes (the worklist's sheetVersion); left out when one has no sheet for it yet")
                       Long sheetVersion) {
    }

    /** The marks in one text that two equal requests share ({@code 1.50} and {@code 1.5} are one mark). */
    String canonical() {
        String values = marks.stream()
                .map(mark -> mark.registrationId() + "=" + mark.value().stripTrailingZeros().toPlainString() + "@"
                        + mark.sheetVersion())
                .collect(Collectors.joining("\n"));
        return reason == null ? values : values + "\nreason=" + reason;
    }
}
