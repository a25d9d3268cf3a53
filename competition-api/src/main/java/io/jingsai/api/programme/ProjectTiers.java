package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.TieBreakChain;

/**
 * The project board in the scoring engine's ranking language: projects ranked by their published score (two places),
 * higher first, standard competition ranking ("1224", ties share a rank), ties displayed by project id. The key
 * projects are the top {@code key} of the board, the demonstration projects the top {@code demonstration} of the key
 * projects. At either cut-off the policy is {@link CutOffPolicy#INCLUDE_ALL}: projects tied at the last place all
 * enter the tier, which then holds more than its quota (the overflow is reported); no rule separates projects of
 * equal score, and leaving them all out would leave places empty.
 */
final class ProjectTiers {

    static final CutOffPolicy CUT_OFF = CutOffPolicy.INCLUDE_ALL;

    private static final TieBreakChain<Scored> CHAIN = CountTier.byScore("score", Scored::score);

    private ProjectTiers() {
    }

    record Scored(long projectId, BigDecimal score) {
    }

    /** A project's place on the board; tier null when in neither tier. */
    record Placed(Scored project, int rank, int position, ProjectTier tier) {
    }

    record Board(List<Placed> entries, List<ProjectStandingsView.TierFill> tiers) {
    }

    static Board place(List<Scored> projects, int keyQuota, int demonstrationQuota) {
        List<RankedEntry<Scored>> ranked = CountTier.rank(projects, CHAIN, Scored::projectId);
        AwardOutcome.BandAward<Scored> key = fill(ranked, ProjectTier.KEY, keyQuota);
        AwardOutcome.BandAward<Scored> demonstration = fill(key.winners(), ProjectTier.DEMONSTRATION,
                demonstrationQuota);
        Map<Scored, ProjectTier> tiers = new HashMap<>();
        key.winners().forEach(winner -> tiers.put(winner.entry(), ProjectTier.KEY));
        demonstration.winners().forEach(winner -> tiers.put(winner.entry(), ProjectTier.DEMONSTRATION));
        List<Placed> entries = new ArrayList<>();
        for (RankedEntry<Scored> entry : ranked) {
            entries.add(new Placed(entry.entry(), entry.rank(), entry.position(), tiers.get(entry.entry())));
        }
        return new Board(entries, List.of(filled(ProjectTier.DEMONSTRATION, demonstration),
                filled(ProjectTier.KEY, key)));
    }

    private static AwardOutcome.BandAward<Scored> fill(List<RankedEntry<Scored>> ranking, ProjectTier tier,
                                                       int quota) {
        return CountTier.fill(ranking, CHAIN, tier.name(), quota, CUT_OFF);
    }

    private static ProjectStandingsView.TierFill filled(ProjectTier tier, AwardOutcome.BandAward<Scored> band) {
        return new ProjectStandingsView.TierFill(tier, band.quota(), band.winners().size(), band.overflow(),
                band.shortfall());
    }
}
