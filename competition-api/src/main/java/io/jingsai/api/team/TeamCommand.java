package io.jingsai.api.team;

import java.util.List;

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
@Schema(name = "Team command", example = """
        {"name": "第一焊接班组", "enterpriseId": 1, "tradeId": 2, "scoreRule": "MEAN", "memberIds": [11, 12, 13]}""")
record TeamCommand(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Positive Long enterpriseId,
        @Positive Long tradeId,
        @NotNull ScoreRule scoreRule,
        @NotEmpty @Size(max = 50) List<@NotNull @Positive Long> memberIds) {

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
