package io.jingsai.api.event;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.TiePolicy;
import io.jingsai.scoring.standardisation.StandardScale;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * How an event turns scores into results: team scores, judge normalisation, the tie-break chain, rank numbering,
 * awards and standardisation. Compiled by {@link EventRulesCompiler} into the engine's objects. Missing parts take
 * defaults, here, once: tie-break {@code total ↓}, STANDARD ranks ("1224"), ties SHARE a rank, no award bands,
 * INCLUDE_ALL at cut-offs, share rounding HALF_UP, no minimum of starters, a team scores the SUM of its members, the
 * standardisation described at {@link StandardisationDocument}.
 *
 * @param teamScore       TEAM events only: SUM, MEAN or BEST_N (with {@code n})
 * @param normaliseJudges per-judge z-score normalisation, for panels that mark disjoint groups
 * @param tieBreak        ordered keys; a key is {@code total}, {@code completionTime}, or the id of a component or
 *                        criterion of the scheme
 */
@Schema(name = "EventRules")
record RulesDocument(TeamScoreDocument teamScore, Boolean normaliseJudges, List<@Valid TieBreakDocument> tieBreak,
                     RankStyle rankStyle, TiePolicy tiePolicy, @Valid AwardsDocument awards,
                     StandardisationDocument standardisation) {

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
        standardisation = standardisation == null ? new StandardisationDocument(null, null, null, null, null)
                : standardisation;
    }

    static RulesDocument defaults() {
        return new RulesDocument(null, null, null, null, null, null, null);
    }

    /** The same rules with a team score rule (the default SUM for a TEAM event that names none). */
    RulesDocument withTeamScore(TeamScoreDocument rule) {
        return new RulesDocument(rule, normaliseJudges, tieBreak, rankStyle, tiePolicy, awards, standardisation);
    }

    /** A missing {@code n} is 0: only BEST_N counts members. */
    @Schema(name = "TeamScoreRule")
    record TeamScoreDocument(TeamRule.Kind kind, Integer n) {
        TeamScoreDocument {
            n = n == null ? 0 : n;
        }
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
     * rounded by {@code shareRounding}, default HALF_UP), {@code cumulativeShare} (this band and those before it
     * together reach that share of the eligible entries, e.g. 优胜奖 for everyone after the medals up to half the
     * field; rounded by {@code shareRounding}) or {@code threshold} (a minimum score).
     *
     * @param minimumStarters the band is void with fewer starters; 0 for never
     */
    @Schema(name = "AwardBand")
    record BandDocument(@Size(max = AWARD_NAME) String name, Integer places, BigDecimal share,
                        BigDecimal cumulativeShare, RoundingMode shareRounding,
                        BigDecimal threshold, Integer minimumStarters) {
        BandDocument {
            boolean shared = share != null || cumulativeShare != null;
            shareRounding = shareRounding == null && shared ? RoundingMode.HALF_UP : shareRounding;
            minimumStarters = minimumStarters == null ? 0 : minimumStarters;
        }
    }

    /** A title for eligible entries ranked at most {@code maxRank}; without one, every eligible entry earns it. */
    @Schema(name = "TitleRule")
    record TitleDocument(@Size(max = AWARD_NAME) String title, Integer maxRank) {
    }

    /**
     * How the event's results are standardised, so that stars of different trades can be ranked together:
     * {@code centreValue + (raw − centre) / spread × pointsPerSpread}, rounded HALF_UP to 2 places. Defaults: MEAN
     * and STANDARD_DEVIATION onto 700 ± 100 (the WorldSkills-style 700-centred scale), with at least 5 results
     * (fewer are flagged, not standardised). Events compared with each other should use the same scale.
     */
    @Schema(name = "Standardisation")
    record StandardisationDocument(StandardScale.Centre centre, StandardScale.Spread spread, BigDecimal centreValue,
                                   BigDecimal pointsPerSpread, Integer minimumResults) {
        StandardisationDocument {
            centre = centre == null ? StandardScale.Centre.MEAN : centre;
            spread = spread == null ? StandardScale.Spread.STANDARD_DEVIATION : spread;
            centreValue = centreValue == null ? BigDecimal.valueOf(700) : centreValue;
            pointsPerSpread = pointsPerSpread == null ? BigDecimal.valueOf(100) : pointsPerSpread;
            minimumResults = minimumResults == null ? 5 : minimumResults;
        }
    }
}
