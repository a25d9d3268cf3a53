package io.jingsai.api.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.TiePolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * How an event turns scores into results: team scores, judge normalisation, the tie-break chain, rank numbering,
 * and awards. Checked with the scoring engine's own model. Missing parts take defaults: tie-break {@code total ↓},
 * STANDARD ranks ("1224"), ties SHARE a rank, no award bands, INCLUDE_ALL at cut-offs, a team scores the SUM of its
 * members.
 *
 * @param teamScore       TEAM events only: SUM, MEAN or BEST_N (with {@code n})
 * @param normaliseJudges per-judge z-score normalisation, for panels that mark disjoint groups
 * @param tieBreak        ordered keys; a key is {@code total}, {@code completionTime}, or the id of a component or
 *                        criterion of the scheme
 */
@Schema(name = "EventRules")
record RulesDocument(TeamScoreDocument teamScore, Boolean normaliseJudges, List<@Valid TieBreakDocument> tieBreak,
                     RankStyle rankStyle, TiePolicy tiePolicy, @Valid AwardsDocument awards) {

    static final String TOTAL = "total";
    static final String COMPLETION_TIME = "completionTime";
    /** Longest name of an award band or title, such as 一等奖 or 技术能手. */
    static final int AWARD_NAME = 50;

    RulesDocument {
        normaliseJudges = normaliseJudges != null && normaliseJudges;
        tieBreak = tieBreak == null || tieBreak.isEmpty() ? List.of(new TieBreakDocument(TOTAL, Order.DESCENDING))
                : tieBreak;
        rankStyle = rankStyle == null ? RankStyle.STANDARD : rankStyle;
        tiePolicy = tiePolicy == null ? TiePolicy.SHARE : tiePolicy;
        awards = awards == null ? new AwardsDocument(List.of(), null, List.of()) : awards;
    }

    static RulesDocument defaults() {
        return new RulesDocument(null, null, null, null, null, null);
    }

    /** The same rules with a team score rule (the default SUM for a TEAM event that names none). */
    RulesDocument withTeamScore(TeamScoreDocument rule) {
        return new RulesDocument(rule, normaliseJudges, tieBreak, rankStyle, tiePolicy, awards);
    }

    @Schema(name = "TeamScoreRule")
    record TeamScoreDocument(TeamRule.Kind kind, Integer n) {
    }

    @Schema(name = "TieBreakKey")
    record TieBreakDocument(@Size(max = SchemeDocument.ID) String key, Order order) {
    }

    /**
     * @param bands  first prize first; names unique
     * @param cutOff what happens to entries tied at a band's last place; default INCLUDE_ALL
     * @param titles e.g. 技术能手 for the top ranks
     */
    @Schema(name = "AwardRules")
    record AwardsDocument(List<@Valid BandDocument> bands, CutOffPolicy cutOff, List<@Valid TitleDocument> titles) {
        AwardsDocument {
            bands = bands == null ? List.of() : bands;
            cutOff = cutOff == null ? CutOffPolicy.INCLUDE_ALL : cutOff;
            titles = titles == null ? List.of() : titles;
        }
    }

    /**
     * An award band with exactly one quota: {@code places} (top N), {@code share} of the eligible entries (0–1,
     * rounded by {@code shareRounding}, default HALF_UP), or {@code threshold} (a minimum score).
     *
     * @param minimumStarters the band is void with fewer starters; 0 for never
     */
    @Schema(name = "AwardBand")
    record BandDocument(@Size(max = AWARD_NAME) String name, Integer places, BigDecimal share,
                        RoundingMode shareRounding,
                        BigDecimal threshold, Integer minimumStarters) {
    }

    /** A title for eligible entries ranked at most {@code maxRank}. */
    @Schema(name = "TitleRule")
    record TitleDocument(@Size(max = AWARD_NAME) String title, Integer maxRank) {
    }
}
