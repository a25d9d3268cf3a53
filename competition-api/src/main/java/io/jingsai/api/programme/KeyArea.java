package io.jingsai.api.programme;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A key area (重点领域) of a programme, e.g. {@code TECH} 科技强省. Reference data of one programme: codes are unique
 * within it and projects refer to them.
 */
@Schema(name = "KeyArea")
record KeyArea(
        @NotBlank @Size(max = CODE_LENGTH) @Pattern(regexp = CODE, message = CODE_RULE) String code,
        @NotBlank @Size(max = 100) String nameZh,
        @Size(max = 200) String nameEn) {

    /** What a key-area code may hold; the projects' key-area filter takes the same. */
    static final String CODE = "[A-Za-z0-9_-]*";
    static final String CODE_RULE = "{keyArea.code}";
    static final int CODE_LENGTH = 50;

    KeyArea {
        code = code == null ? null : code.strip();
        nameZh = nameZh == null ? null : nameZh.strip();
        nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
    }
}
