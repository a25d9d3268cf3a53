package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fund split over random tiers, members, ties and rank bands, against the brute-force largest-remainder model:
 * tiers first (a tier without members left out), then each tier's members; parts add up to the fund exactly.
 */
class IncentiveFundTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void partsAreTheLargestRemainderModelsAndAddUpToTheFund(long seed) {
        Random random = new Random(seed);
        long fund = random.nextBoolean() ? random.nextInt(50) : random.nextLong(2_000_000_000L);
        List<FundAllocationCommand.TierShare> tiers = new ArrayList<>();
        Map<FundTier, List<IncentiveFund.Candidate>> members = new EnumMap<>(FundTier.class);
        for (FundTier tier : FundTier.values()) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            tiers.add(new FundAllocationCommand.TierShare(tier, weight(random), bands(random)));
            members.put(tier, candidates(random));
        }
        if (tiers.isEmpty() || !IncentiveFund.payable(tiers, members)) {
            return;
        }
        java.util.Collections.shuffle(tiers, random);

        List<FundAllocationView.TierPart> parts = IncentiveFund.allocate(fund, tiers, members);

        List<FundAllocationCommand.TierShare> ordered = tiers.stream()
                .sorted(java.util.Comparator.comparing(FundAllocationCommand.TierShare::tier)).toList();
        List<BigDecimal> tierWeights = ordered.stream()
                .map(t -> members.get(t.tier()).isEmpty() ? BigDecimal.ZERO : t.weight()).toList();
        long[] tierFen = LargestRemainderModel.allocate(fund, tierWeights);
        assertThat(parts).extracting(FundAllocationView.TierPart::tier)
                .containsExactlyElementsOf(ordered.stream().map(FundAllocationCommand.TierShare::tier).toList());
        long sum = 0;
        for (int i = 0; i < ordered.size(); i++) {
            FundAllocationView.TierPart part = parts.get(i);
            assertThat(part.fen()).as("tier %s", part.tier()).isEqualTo(tierFen[i]);
            List<IncentiveFund.Candidate> candidates = members.get(ordered.get(i).tier());
            List<FundAllocationCommand.RankBand> bands = ordered.get(i).rankBands();
            List<BigDecimal> weights = candidates.stream().map(c -> bandWeight(c.rank(), bands)).toList();
            long[] expected = candidates.isEmpty() ? new long[0]
                    : tierFen[i] == 0 ? new long[candidates.size()]
                    : LargestRemainderModel.allocate(tierFen[i], weights);
            assertThat(part.members()).extracting(FundAllocationView.Member::fen)
                    .containsExactly(LongStream.of(expected).boxed().toArray(Long[]::new));
            sum += part.members().stream().mapToLong(FundAllocationView.Member::fen).sum();
        }
        assertThat(sum).isEqualTo(fund);
    }

    /** The model's reading of rank bands: the first band reaching down to the rank; equal shares without bands. */
    private static BigDecimal bandWeight(int rank, List<FundAllocationCommand.RankBand> bands) {
        if (bands.isEmpty()) {
            return BigDecimal.ONE;
        }
        return bands.stream().filter(b -> b.maxRank() == null || rank <= b.maxRank()).findFirst().orElseThrow()
                .weight();
    }

    private static BigDecimal weight(Random random) {
        return random.nextInt(5) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(1000), 2);
    }

    private static List<FundAllocationCommand.RankBand> bands(Random random) {
        if (random.nextBoolean()) {
            return List.of();
        }
        List<FundAllocationCommand.RankBand> bands = new ArrayList<>();
        int rank = 0;
        for (int b = random.nextInt(3); b > 0; b--) {
            rank += 1 + random.nextInt(2);
            bands.add(new FundAllocationCommand.RankBand(rank, BigDecimal.valueOf(1 + random.nextInt(9))));
        }
        bands.add(new FundAllocationCommand.RankBand(null, BigDecimal.valueOf(1 + random.nextInt(9))));
        return bands;
    }

    /** Up to seven members best first, with ties sharing a rank ("1224"). */
    private static List<IncentiveFund.Candidate> candidates(Random random) {
        List<IncentiveFund.Candidate> candidates = new ArrayList<>();
        int count = random.nextInt(8);
        int rank = 1;
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextInt(3) > 0) {
                rank = i + 1;
            }
            candidates.add(new IncentiveFund.Candidate(100 + i, "选手" + i, rank));
        }
        return candidates;
    }
}
