package io.jingsai.api.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One split of the stars quota: its own board and its own tier of {@code quota} places.
 *
 * @param key   a division code (split by REGION) or a key-area code of the programme (split by KEY_AREA)
 * @param quota the split's stars
 */
@Schema(name = "StarSplit")
record StarSplit(
        @Schema(description = "a division code such as 610100 (REGION) or a key-area code of the programme "
                + "(KEY_AREA)") @NotBlank @Size(max = KeyArea.CODE_LENGTH) String key,
        @Schema(description = "the split's stars") @NotNull @Positive Integer quota) {

    StarSplit {
        key = key == null ? null : key.strip();
    }
}
