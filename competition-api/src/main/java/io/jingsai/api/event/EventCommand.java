package io.jingsai.api.event;

import java.time.Instant;

import io.jingsai.scoring.indicator.TeamRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Setting up or changing an event (赛项). Bean Validation checks the plain fields; the service checks the rest at
 * once: the scheme and rules (with the scoring engine), the schedule, and that the programme, project and trade
 * exist and belong together. Missing rules take their defaults; a TEAM event without a team score rule sums its
 * members. A missing status means DRAFT on creation and "unchanged" on update; a missing {@code blind} means false on
 * creation and "unchanged" on update.
 */
@Schema(name = "EventCommand", example = """
        {"programmeId": 1, "projectId": 1, "tradeId": 23, "name": "2024年西安市电工职业技能竞赛",
         "entryKind": "INDIVIDUAL", "venue": "西安技师学院实训楼",
         "startsAt": "2024-10-12T01:00:00Z", "endsAt": "2024-10-13T09:00:00Z",
         "scheme": {"declaredTotal": 100,
           "components": [{"id": "theory", "kind": "THEORY", "weight": 0.3, "declaredMax": 100},
                          {"id": "practical", "kind": "PRACTICAL", "weight": 0.7, "declaredMax": 100}],
           "criteria": [
             {"id": "T", "name": "理论知识", "componentId": "theory", "subCriteria": [{"id": "T1", "name": "笔试",
               "aspects": [{"id": "T1a", "description": "理论试卷", "type": "MEASUREMENT", "maxMark": 100}]}]},
             {"id": "P", "name": "实操", "componentId": "practical", "subCriteria": [{"id": "P1", "name": "线路安装",
               "aspects": [{"id": "P1a", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 60},
                           {"id": "P1b", "description": "工艺美观", "type": "JUDGEMENT", "maxMark": 30,
                            "levelDescriptors": ["不合格", "合格", "良好", "优秀"]},
                           {"id": "P1c", "description": "安全文明生产", "type": "DEDUCTION", "maxMark": 10,
                            "deductionPerViolation": 5}]}]}]},
         "rules": {"tieBreak": [{"key": "total", "order": "DESCENDING"},
                                {"key": "completionTime", "order": "ASCENDING"},
                                {"key": "practical", "order": "DESCENDING"}],
           "rankStyle": "STANDARD", "tiePolicy": "SHARE",
           "awards": {"cutOff": "INCLUDE_ALL",
             "bands": [{"name": "一等奖", "share": 0.1, "shareRounding": "HALF_UP"},
                       {"name": "二等奖", "share": 0.2}, {"name": "三等奖", "share": 0.3, "minimumStarters": 6}],
             "titles": [{"title": "技术能手", "maxRank": 3}]}},
         "blind": false, "status": "DRAFT"}""")
public record EventCommand(
        @NotNull @Positive Long programmeId,
        @Schema(description = "a competition project of the same programme (optional)") @Positive Long projectId,
        @NotNull @Positive Long tradeId,
        @NotBlank @Size(max = 200) String name,
        @NotNull EntryKind entryKind,
        @NotNull @Valid SchemeDocument scheme,
        @Valid RulesDocument rules,
        @Size(max = 200) String venue,
        Instant startsAt,
        Instant endsAt,
        EventStatus status,
        @Schema(description = "blind marking (工位号加密): judges see entries by station number only, without names, "
                + "until the chief judge reveals identities after marking closes; every entry then needs a station "
                + "number when marking starts. Set while the event is DRAFT or OPEN (409 later)") Boolean blind) {

    public EventCommand {
        name = name == null ? null : name.strip();
        venue = venue == null || venue.isBlank() ? null : venue.strip();
        rules = rules == null ? RulesDocument.defaults() : rules;
        if (entryKind == EntryKind.TEAM && rules.teamScore() == null) {
            rules = rules.withTeamScore(new RulesDocument.TeamScoreDocument(TeamRule.Kind.SUM, 0));
        }
    }
}
