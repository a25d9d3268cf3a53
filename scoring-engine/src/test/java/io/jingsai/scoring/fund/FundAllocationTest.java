package io.jingsai.scoring.fund;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FundAllocationTest {

    @Test
    void largestRemaindersGetTheLeftoverFen() {
        // 100 fen by 1:1:1 → 33.33 each; one fen left; equal remainders → first given share
        assertThat(FundAllocation.allocate(100, List.of(Share.of("a", "1"), Share.of("b", "1"), Share.of("c", "1"))))
                .extracting(Allocation::fen).containsExactly(34L, 33L, 33L);
        // 1000 fen by 0.5 : 0.3 : 0.2 → exact, no remainder
        assertThat(FundAllocation.allocate(1000, List.of(Share.of("a", "0.5"), Share.of("b", "0.3"), Share.of("c", "0.2"))))
                .extracting(Allocation::fen).containsExactly(500L, 300L, 200L);
        // 10 fen by 3:3:1 → 4.2857, 4.2857, 1.4286: floors 4, 4, 1 (9); remainders 2/7, 2/7, 3/7 → c gets the fen
        assertThat(FundAllocation.allocate(10, List.of(Share.of("a", "3"), Share.of("b", "3"), Share.of("c", "1"))))
                .extracting(Allocation::fen).containsExactly(4L, 4L, 2L);
    }

    @Test
    void theProgrammeFundSplitsAcrossTiersAndEntries() {
        // 15,000,000 yuan = 1,500,000,000 fen; tiers 4:3:2:1
        List<TierFund<String>> tiers = List.of(
                new TierFund<>("demonstration", new BigDecimal("4"), List.of(Share.of("p1", "1"), Share.of("p2", "1"),
                        Share.of("p3", "1"))),
                new TierFund<>("key", new BigDecimal("3"), List.of(Share.of("k1", "2"), Share.of("k2", "1"))),
                new TierFund<>("stars", new BigDecimal("2"), List.of(Share.of("s1", "1"))),
                new TierFund<>("enterprises", new BigDecimal("1"), List.of(Share.of("n1", "1"), Share.of("n2", "1"))),
                new TierFund<>("unused", BigDecimal.ZERO, List.of(Share.of("u1", "0"))));
        var allocation = FundAllocation.allocateByTier(1_500_000_000L, tiers);
        assertThat(allocation).extracting(FundAllocation.TierAllocation::fen)
                .containsExactly(600_000_000L, 450_000_000L, 300_000_000L, 150_000_000L, 0L);
        // 600,000,000 / 3 = 200,000,000 each; 450,000,000 × 2/3 = 300,000,000 and 150,000,000
        assertThat(allocation.get(0).entries()).extracting(Allocation::fen)
                .containsExactly(200_000_000L, 200_000_000L, 200_000_000L);
        assertThat(allocation.get(1).entries()).extracting(Allocation::fen).containsExactly(300_000_000L, 150_000_000L);
        assertThat(allocation.get(4).entries()).extracting(Allocation::fen).containsExactly(0L);
    }

    @Test
    void rejectsWhatCannotBeAllocated() {
        assertThatThrownBy(() -> FundAllocation.allocate(-1, List.of(Share.of("a", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("amount must be >= 0 fen, got -1");
        assertThatThrownBy(() -> FundAllocation.allocate(5, List.of(Share.of("a", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights add up to zero: nothing to allocate 5 fen by");
        assertThatThrownBy(() -> Share.of("a", "-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weight of a must be >= 0, got -1");
        assertThatThrownBy(() -> new TierFund<>("stars", BigDecimal.ONE, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tier stars has weight 1 but no entries: its part could not be paid out");
    }

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void partsAddUpExactlyAndStayWithinOneFenOfTheQuota(long seed) {
        Random random = new Random(seed);
        long amount = random.nextInt(3) == 0 ? random.nextInt(50) : Math.abs(random.nextLong() % 2_000_000_000_000L);
        List<Share<Integer>> shares = new ArrayList<>();
        int n = 1 + random.nextInt(30);
        for (int i = 0; i < n; i++) {
            shares.add(new Share<>(i, BigDecimal.valueOf(random.nextInt(5) == 0 ? 0 : random.nextInt(100000), random.nextInt(4))));
        }
        if (shares.stream().allMatch(s -> s.weight().signum() == 0)) {
            shares.set(0, new Share<>(0, BigDecimal.ONE));
        }
        List<Allocation<Integer>> allocation = FundAllocation.allocate(amount, shares);
        assertThat(allocation.stream().mapToLong(Allocation::fen).sum()).isEqualTo(amount);
        BigDecimal total = shares.stream().map(Share::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < n; i++) {
            BigDecimal quota = BigDecimal.valueOf(amount).multiply(shares.get(i).weight()).divide(total, MathContext.DECIMAL128);
            BigDecimal fen = BigDecimal.valueOf(allocation.get(i).fen());
            assertThat(allocation.get(i).key()).isEqualTo(i);
            assertThat(fen.subtract(quota).abs()).isLessThan(BigDecimal.ONE);
            if (shares.get(i).weight().signum() == 0) {
                assertThat(allocation.get(i).fen()).isZero();
            }
        }
        assertThat(FundAllocation.allocate(amount, shares)).isEqualTo(allocation);
    }
}
