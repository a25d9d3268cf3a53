package io.jingsai.api.judging;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A panel member's new role. */
@Schema(name = "PanelRoleChange", example = """
        {"role": "CHIEF_JUDGE"}""")
record RoleChange(@NotNull PanelRole role) {
}
