package io.jingsai.api.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Withdrawing a registration (退赛): why, in words kept with the registration. */
@Schema(name = "RegistrationWithdrawal", example = """
        {"reason": "选手因伤退赛"}""")
record RegistrationWithdrawal(@NotBlank @Size(max = 500) String reason) {

    RegistrationWithdrawal {
        reason = reason == null ? null : reason.strip();
    }
}
