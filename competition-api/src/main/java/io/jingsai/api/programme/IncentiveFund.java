package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.fund.Allocation;
import io.jingsai.scoring.fund.FundAllocation;
import io.jingsai.scoring.fund.Share;
import io.jingsai.scoring.fund.TierFund;

/**
 * The incentive fund split by the scoring engine's largest-remainder allocation ({@link FundAllocation}), first across
 * tiers by their weights, then each tier's part across its members by their weights, exactly to the fen: the parts
 * always add up to the fund. Where remainders are equal, the engine serves the shares in the order given, and they
 * are given in a fixed order: tiers DEMONSTRATION, KEY, STARS; within a tier, the tier's board order (rank, then
 * project or contestant id). So the same published results and the same request give the same allocation.
 *
 * <p>A tier without members (nothing published yet) takes no part: its weight is left out, as is a tier of weight 0.
 */
final class IncentiveFund {

    private IncentiveFund() {
    }

    /** A member of a tier as its board ranks it; members are given best first. */
    record Candidate(long id, String name, int rank) {
    }

    private record Key(FundTier tier, long id) {
    }

    /** Rules across the command's fields; empty if none is broken. */
    static List<FieldProblem> problems(FundAllocationCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<FundTier> named = EnumSet.noneOf(FundTier.class);
        for (int i = 0; i < command.tiers().size(); i++) {
            FundAllocationCommand.TierShare tier = command.tiers().get(i);
            if (!named.add(tier.tier())) {
                problems.add(FieldProblem.of("tiers[" + i + "].tier", "fund.tierTwice", tier.tier()));
            }
            problems.addAll(bandProblems("tiers[" + i + "].rankBands", tier.rankBands()));
        }
        if (command.tiers().stream().allMatch(tier -> tier.weight().signum() == 0)) {
            problems.add(new FieldProblem("tiers", "fund.noWeight"));
        }
        return problems;
    }

    private static List<FieldProblem> bandProblems(String field, List<FundAllocationCommand.RankBand> bands) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int j = 0; j < bands.size(); j++) {
            Integer maxRank = bands.get(j).maxRank();
            boolean last = j == bands.size() - 1;
            if (last != (maxRank == null)) {
                problems.add(new FieldProblem(field + "[" + j + "].maxRank", "fund.rankBandOpenEnd"));
            } else if (j > 0 && maxRank != null && bands.get(j - 1).maxRank() != null
                    && maxRank <= bands.get(j - 1).maxRank()) {
                problems.add(FieldProblem.of(field + "[" + j + "].maxRank", "fund.rankBandOrder",
                        bands.get(j - 1).maxRank()));
            }
        }
        return problems;
    }

    /** True when some weighted tier has members: there is someone to pay. */
    static boolean payable(List<FundAllocationCommand.TierShare> tiers, Map<FundTier, List<Candidate>> members) {
        return tiers.stream().anyMatch(tier -> tier.weight().signum() > 0
                && !members.getOrDefault(tier.tier(), List.of()).isEmpty());
    }

    /**
     * Allocates {@code fundFen}; the command's rules hold and {@link #payable} is true.
     *
     * @param members each tier's members, best first
     * @return one part per tier asked for, in tier order
     */
    static List<FundAllocationView.TierPart> allocate(long fundFen, List<FundAllocationCommand.TierShare> tiers,
                                                      Map<FundTier, List<Candidate>> members) {
        List<FundAllocationCommand.TierShare> ordered = tiers.stream()
                .sorted(Comparator.comparing(FundAllocationCommand.TierShare::tier)).toList();
        List<TierFund<Key>> funds = new ArrayList<>();
        for (FundAllocationCommand.TierShare tier : ordered) {
            List<Candidate> candidates = members.getOrDefault(tier.tier(), List.of());
            List<Share<Key>> shares = candidates.stream()
                    .map(c -> new Share<>(new Key(tier.tier(), c.id()), weight(c.rank(), tier.rankBands())))
                    .toList();
            funds.add(new TierFund<>(new Key(tier.tier(), 0), candidates.isEmpty() ? BigDecimal.ZERO : tier.weight(),
                    shares));
        }
        List<FundAllocation.TierAllocation<Key>> allocated = FundAllocation.allocateByTier(fundFen, funds);
        List<FundAllocationView.TierPart> parts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            FundAllocationCommand.TierShare tier = ordered.get(i);
            List<Candidate> candidates = members.getOrDefault(tier.tier(), List.of());
            List<Allocation<Key>> paid = allocated.get(i).entries();
            List<FundAllocationView.Member> paidMembers = new ArrayList<>();
            for (int m = 0; m < candidates.size(); m++) {
                Candidate c = candidates.get(m);
                paidMembers.add(new FundAllocationView.Member(c.id(), c.name(), c.rank(),
                        weight(c.rank(), tier.rankBands()), paid.get(m).fen()));
            }
            parts.add(new FundAllocationView.TierPart(tier.tier(), tier.weight(), !candidates.isEmpty(),
                    allocated.get(i).fen(), paidMembers));
        }
        return parts;
    }

    /** A member's weight: 1 without bands, else the weight of the first band that reaches down to its rank. */
    static BigDecimal weight(int rank, List<FundAllocationCommand.RankBand> bands) {
        for (FundAllocationCommand.RankBand band : bands) {
            if (band.maxRank() == null || rank <= band.maxRank()) {
                return band.weight();
            }
        }
        return BigDecimal.ONE;
    }
}
