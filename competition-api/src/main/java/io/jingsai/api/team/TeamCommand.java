package io.jingsai.api.team;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.jingsai.api.shared.CrossFieldRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Forming or changing a team (班组): its members are contestants of the team's enterprise, listed in order
 * (the first is the team leader), each once.
 */
@Schema(name = "TeamCommand", description = "memberIds are contestants of the team's enterprise, in order (the first "
        + "is the team leader), each once.", example = """
        {"name": "第一电工班组", "enterpriseId": 1, "tradeId": 23, "scoreRule": "MEAN", "memberIds": [1, 2, 3]}""")
record TeamCommand(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Positive Long enterpriseId,
        @Positive Long tradeId,
        @NotNull ScoreRule scoreRule,
        @ArraySchema(uniqueItems = true) @NotEmpty @Size(max = 50) List<@NotNull @Positive Long> memberIds) {

    TeamCommand {
        name = name == null ? null : name.strip();
        memberIds = memberIds == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(memberIds));
    }

    @CrossFieldRule(field = "memberIds", message = "{memberIds.distinct}")
    @Schema(hidden = true)
    boolean isMemberIdsDistinct() {
        return memberIds == null || memberIds.stream().distinct().count() == memberIds.size();
    }
}
