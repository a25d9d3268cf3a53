package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The enterprises board of a programme (万家企业): every enterprise taking part, ranked by its index of participation
 * and results, with the enterprises tier. Names and regions only: no credit code, nothing personal.
 *
 * @param basis        which results count: LIVE, FINAL or PUBLISHED, for stars, awards and projects alike
 * @param provisional  true when a counted event is still marking, or the projects counted are not yet reviewed
 * @param published    true when every counted event is PUBLISHED and so is the project evaluation: the board is final
 * @param rule         the weights the index was computed with, and the tier's cut-off policy
 * @param tier         the enterprises tier: quota ({@code quotas.enterprises}) and how it was filled
 * @param awardEvents  the events whose awards were counted: those of the basis whose marking has closed
 * @param projectEvaluation the status of the programme's project evaluation
 * @param projectsCounted whether the project evaluation's tiers were counted (its status is one the basis takes)
 * @param entries      best first
 */
record EnterpriseStandingsView(long programmeId, StarBasis basis, boolean provisional, boolean published,
                               EnterpriseIndexRule rule, StarStandingsView.TierFill tier, List<Long> awardEvents,
                               EvaluationStatus projectEvaluation, boolean projectsCounted, List<Entry> entries) {

    /**
     * @param rank         standard competition ranking ("1224"): equal indexes share a rank
     * @param position     unique, in display order (ties by enterprise id)
     * @param regionCode   the enterprise's division code
     * @param contestants  distinct contestants entered (alone or in a team), an entry neither withdrawn nor absent
     * @param stars        its contestants in the stars tier of the programme-wide board of the same basis
     * @param awards       its entries' awards by level (1 for an event's first band), levels with awards only
     * @param keyProjects  projects it hosts in the key tier but not the demonstration tier
     * @param demonstrationProjects projects it hosts in the demonstration tier
     * @param index        the exact sum of the parts' points
     * @param inTier       in the enterprises tier
     */
    @Schema(name = "EnterpriseStandingsEntry")
    record Entry(int rank, int position, long enterpriseId, String name, String regionCode,
                 EnterpriseBoard.Part contestants, EnterpriseBoard.Part stars, List<EnterpriseBoard.AwardPart> awards,
                 EnterpriseBoard.Part keyProjects, EnterpriseBoard.Part demonstrationProjects, BigDecimal index,
                 boolean inTier) {
    }
}
