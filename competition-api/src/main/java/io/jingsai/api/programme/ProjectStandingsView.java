package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.jingsai.scoring.award.CutOffPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The project board of a programme: its evaluated projects ranked by score, with their tiers.
 *
 * @param status              the evaluation's status: the board is final only when PUBLISHED
 * @param cutOffPolicy        what happens to projects tied at a tier's last place
 * @param tiers               DEMONSTRATION then KEY: quota and how it was filled
 * @param entries             best first; projects without values are not on the board
 * @param unevaluatedProjects projects with indicators but no values yet
 */
record ProjectStandingsView(long programmeId, EvaluationStatus status, CutOffPolicy cutOffPolicy,
                            List<TierFill> tiers, List<Entry> entries, long unevaluatedProjects) {

    /**
     * How a tier was filled.
     *
     * @param members   projects in the tier; the key tier's include the demonstration projects, the best of them
     * @param overflow  places beyond the quota, taken by projects tied at its last place
     * @param shortfall places left empty: fewer candidates than the quota
     */
    @Schema(name = "ProjectTierFill")
    record TierFill(ProjectTier tier, int quota, int members, int overflow, int shortfall) {
    }

    /**
     * @param rank     standard competition ranking ("1224"): tied scores share a rank
     * @param position unique, in display order (ties by project id)
     * @param tier     DEMONSTRATION, KEY, or absent
     */
    @Schema(name = "ProjectStandingsEntry")
    record Entry(int rank, int position, long projectId, String name, BigDecimal score, ProjectTier tier) {
    }
}
