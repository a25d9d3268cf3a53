package io.jingsai.api.judge;

import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Registering or changing a judge (裁判). The enterprise is what recusal (回避) checks against: a judge never marks
 * a contestant of their own enterprise. It is optional for judges who work for no enterprise (e.g. a college).
 */
@Schema(name = "JudgeCommand", example = """
        {"name": "李敏", "enterpriseId": 1, "qualification": "PROVINCIAL", "phone": "13900139000",
         "email": "limin@example.cn"}""")
public record JudgeCommand(
        @NotBlank @Size(max = 100) String name,
        @Positive Long enterpriseId,
        @NotNull Qualification qualification,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
                message = "{phone.format}")
        String phone,
        @Email @Size(max = 200) String email) {

    public JudgeCommand {
        name = name == null ? null : name.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Never the phone or the e-mail address: a command may end up in a log. */
    @Override
    public String toString() {
        return "JudgeCommand[name=" + name + ", enterpriseId=" + enterpriseId + ", qualification=" + qualification
                + "]";
    }
}
