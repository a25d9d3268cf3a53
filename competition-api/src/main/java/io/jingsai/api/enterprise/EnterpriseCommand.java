package io.jingsai.api.enterprise;

import java.util.Locale;

import io.jingsai.api.identifiers.ValidCreditCode;
import io.jingsai.api.identifiers.ValidDivisionCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Registering or changing an enterprise. Codes are normalised (trimmed, upper case) before they are checked. */
@Schema(name = "EnterpriseCommand", example = """
        {"name": "西安市示例建设工程有限公司", "creditCode": "91610104MA6TG1L403", "regionCode": "610104",
         "industry": "建筑业", "ownership": "PRIVATE"}""")
public record EnterpriseCommand(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @ValidCreditCode String creditCode,
        @NotBlank @ValidDivisionCode String regionCode,
        @Size(max = 100) String industry,
        @NotNull Ownership ownership) {

    public EnterpriseCommand {
        name = name == null ? null : name.strip();
        creditCode = creditCode == null ? null : creditCode.strip().toUpperCase(Locale.ROOT);
        regionCode = regionCode == null ? null : regionCode.strip();
        industry = industry == null || industry.isBlank() ? null : industry.strip();
    }
}
