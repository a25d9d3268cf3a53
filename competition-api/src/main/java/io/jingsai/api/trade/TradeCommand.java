package io.jingsai.api.trade;

import io.jingsai.api.identifiers.ValidOccupationCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Adding or renaming a trade (工种). The occupational classification code is optional. */
@Schema(name = "TradeCommand", example = """
        {"code": "4-99-00-00", "nameZh": "无人机驾驶员", "nameEn": "Drone pilot"}""")
record TradeCommand(
        @ValidOccupationCode String code,
        @NotBlank @Size(max = 100) String nameZh,
        @NotBlank @Size(max = 200) String nameEn) {

    TradeCommand {
        code = code == null || code.isBlank() ? null : code.strip();
        nameZh = nameZh == null ? null : nameZh.strip();
        nameEn = nameEn == null ? null : nameEn.strip();
    }
}
