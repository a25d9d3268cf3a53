package io.jingsai.api.contestant;

import java.util.Locale;

import io.jingsai.api.identifiers.ValidResidentId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Registering or changing a contestant (选手). Birth date and sex are derived from the ID number, never entered.
 * The phone is optional: a mainland mobile number (11 digits starting 1[3-9]) or a landline with area code.
 */
@Schema(name = "ContestantCommand", example = """
        {"name": "王建国", "idNumber": "110105199003071239", "enterpriseId": 1, "tradeId": 23,
         "phone": "13800138000"}""")
public record ContestantCommand(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @ValidResidentId String idNumber,
        @NotNull @Positive Long enterpriseId,
        @NotNull @Positive Long tradeId,
        @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
                message = "{phone.format}")
        String phone) {

    public ContestantCommand {
        name = name == null ? null : name.strip();
        idNumber = idNumber == null ? null : idNumber.strip().toUpperCase(Locale.ROOT);
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    /** Never the ID number or the phone: a command may end up in a log. */
    @Override
    public String toString() {
        return "ContestantCommand[name=" + name + ", enterpriseId=" + enterpriseId + ", tradeId=" + tradeId + "]";
    }
}
