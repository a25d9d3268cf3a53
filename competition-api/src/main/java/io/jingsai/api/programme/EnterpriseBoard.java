package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import io.jingsai.scoring.award.AwardOutcome;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The enterprises board (万家企业): each enterprise's index of participation and results, the exact sum of its counts
 * times the programme's weights ({@link EnterpriseIndexRule}), ranked and cut into the enterprises tier as every
 * programme board is ({@link CountTier}): higher index first, equal indexes share a rank ("1224") and are shown by
 * enterprise id; the tier is the top {@code quotas.enterprises} under the rule's cut-off policy.
 */
final class EnterpriseBoard {

    static final String TIER = "enterprises";

    private static final TieBreakChain<Indexed> CHAIN = CountTier.byScore("index", Indexed::index);

    private EnterpriseBoard() {
    }

    /**
     * What an enterprise counts.
     *
     * @param awards award level (1 for an event's first band) → awards of that level won by the enterprise's entries
     */
    record Tally(EnterpriseStandingsStore.Participant enterprise, int stars, SortedMap<Integer, Integer> awards,
                 int keyProjects, int demonstrationProjects) {
    }

    /** A part of the index: how many, and the points they make (count × weight). */
    @Schema(name = "EnterpriseIndexPart")
    record Part(int count, BigDecimal points) {

        static Part of(int count, BigDecimal weight) {
            return new Part(count, weight.multiply(BigDecimal.valueOf(count)));
        }
    }

    /** An award level's part of the index: awards of that level (1 for an event's first band) and their points. */
    @Schema(name = "EnterpriseIndexAwardPart")
    record AwardPart(int level, int count, BigDecimal points) {
    }

    /** An enterprise's index and its parts; {@code index} is their exact sum. */
    record Indexed(EnterpriseStandingsStore.Participant enterprise, Part contestants, Part stars, List<AwardPart> awards,
                   Part keyProjects, Part demonstrationProjects, BigDecimal index) {

        long id() {
            return enterprise.id();
        }
    }

    /** An enterprise's place on the board. */
    record Placed(Indexed enterprise, int rank, int position, boolean inTier) {
    }

    /** The board best first, and how the enterprises tier was filled. */
    record Board(List<Placed> entries, StarStandingsView.TierFill tier) {
    }

    static Indexed index(Tally tally, EnterpriseIndexRule rule) {
        Part contestants = Part.of(tally.enterprise().contestants(), rule.contestantWeight());
        Part stars = Part.of(tally.stars(), rule.starWeight());
        List<AwardPart> awards = new ArrayList<>();
        for (Map.Entry<Integer, Integer> level : tally.awards().entrySet()) {
            Part part = Part.of(level.getValue(), rule.awardWeight(level.getKey()));
            awards.add(new AwardPart(level.getKey(), part.count(), part.points()));
        }
        Part key = Part.of(tally.keyProjects(), rule.keyProjectWeight());
        Part demonstration = Part.of(tally.demonstrationProjects(), rule.demonstrationProjectWeight());
        BigDecimal index = contestants.points().add(stars.points()).add(key.points()).add(demonstration.points())
                .add(awards.stream().map(AwardPart::points).reduce(BigDecimal.ZERO, BigDecimal::add));
        return new Indexed(tally.enterprise(), contestants, stars, awards, key, demonstration, index);
    }

    static Board place(List<Indexed> enterprises, EnterpriseIndexRule rule, int quota) {
        List<RankedEntry<Indexed>> ranked = CountTier.rank(enterprises, CHAIN, Indexed::id);
        AwardOutcome.BandAward<Indexed> tier = CountTier.fill(ranked, CHAIN, TIER, quota, rule.cutOffPolicy());
        Set<Indexed> members = new HashSet<>();
        tier.winners().forEach(winner -> members.add(winner.entry()));
        List<Placed> entries = new ArrayList<>();
        for (RankedEntry<Indexed> entry : ranked) {
            entries.add(new Placed(entry.entry(), entry.rank(), entry.position(), members.contains(entry.entry())));
        }
        return new Board(entries, new StarStandingsView.TierFill(tier.quota(), tier.winners().size(),
                tier.overflow(), tier.shortfall()));
    }
}
