package io.jingsai.api.judging;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A judge's declared conflict of interest with one entry of the event: the judge will not mark it. */
@Schema(name = "ConflictDeclaration", example = """
        {"registrationId": 1, "reason": "选手是该裁判的亲属"}""")
record ConflictDeclaration(@NotNull @Positive Long registrationId, @NotBlank @Size(max = 500) String reason) {

    ConflictDeclaration {
        reason = reason == null ? null : reason.strip();
    }
}
