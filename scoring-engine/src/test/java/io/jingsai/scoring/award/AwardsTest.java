package io.jingsai.scoring.award;

import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwardsTest {

    record E(String name, BigDecimal score, BigDecimal time, boolean eligible, int age) {
        static E of(String name, String score, String time, boolean eligible, int age) {
            return new E(name, new BigDecimal(score), new BigDecimal(time), eligible, age);
        }
    }

    static List<RankedEntry<E>> rank(List<E> entries) {
        RankingRule<E> rule = RankingRule.standard(TieBreakChain.of(TieBreakKey.descending("score", E::score)),
                Comparator.comparing(E::name));
        return ((RankingOutcome.Ranked<E>) Ranking.rank(entries, rule)).entries();
    }

    static List<List<String>> winners(AwardOutcome<E> outcome) {
        return outcome.bands().stream().map(b -> b.winners().stream().map(w -> w.entry().name()).toList()).toList();
    }

    static List<E> tenWithAnObserver() {
        List<E> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(E.of("e" + i, String.valueOf(100 - i), "60", i != 1, 30));
        }
        return entries; // e1 (second best) is an observer
    }

    static List<AwardBand> prizes(RoundingMode mode) {
        return List.of(AwardBand.of("first", new BandQuota.Share(new BigDecimal("0.1"), mode)),
                AwardBand.of("second", new BandQuota.Share(new BigDecimal("0.2"), mode)),
                AwardBand.of("third", new BandQuota.Share(new BigDecimal("0.3"), mode)));
    }

    @Test
    void sharesAreOfEligibleEntriesAndIneligibleEntriesNeverUsePlaces() {
        AwardOutcome<E> outcome = Awards.award(rank(tenWithAnObserver()),
                AwardPlan.<E>builder(E::eligible).bands(prizes(RoundingMode.HALF_UP)).build());
        // 9 eligible: 0.9 → 1, 1.8 → 2, 2.7 → 3 places
        assertThat(outcome.eligible()).isEqualTo(9);
        assertThat(outcome.bands()).extracting(AwardOutcome.BandAward::quota).containsExactly(1, 2, 3);
        assertThat(winners(outcome)).containsExactly(List.of("e0"), List.of("e2", "e3"), List.of("e4", "e5", "e6"));
        assertThat(outcome.bandOf(tenWithAnObserver().get(1))).isNull();
    }

    @Test
    void shareRoundingIsExplicit() {
        AwardOutcome<E> outcome = Awards.award(rank(tenWithAnObserver()),
                AwardPlan.<E>builder(E::eligible).bands(prizes(RoundingMode.DOWN)).build());
        // 9 eligible: 0.9 → 0, 1.8 → 1, 2.7 → 2
        assertThat(winners(outcome)).containsExactly(List.of(), List.of("e0"), List.of("e2", "e3"));
    }

    static List<E> tieAtTheCutOff() {
        return List.of(E.of("a", "95", "50", true, 30), E.of("b", "90", "70", true, 30), E.of("c", "90", "55", true, 40),
                E.of("d", "90", "60", true, 30), E.of("e", "85", "40", true, 30));
    }

    static List<AwardBand> twoThenTwo() {
        return List.of(AwardBand.of("gold", new BandQuota.Count(2)), AwardBand.of("silver", new BandQuota.Count(2)));
    }

    @Test
    void includeAllLetsABandExceedItsQuotaAndReportsTheOverflow() {
        AwardOutcome<E> outcome = Awards.award(rank(tieAtTheCutOff()),
                AwardPlan.<E>builder(E::eligible).bands(twoThenTwo()).cutOff(CutOffPolicy.INCLUDE_ALL).build());
        AwardOutcome.BandAward<E> gold = outcome.bands().get(0);
        assertThat(gold.winners()).extracting(w -> w.entry().name()).containsExactly("a", "b", "c", "d");
        assertThat(gold.overflow()).isEqualTo(2);
        assertThat(gold.note()).isEqualTo("3 entries tied at rank 2: all included");
        assertThat(winners(outcome).get(1)).containsExactly("e");
        assertThat(outcome.bands().get(1).shortfall()).isEqualTo(1);
    }

    @Test
    void excludeAllLeavesTheTiedEntriesToTheNextBand() {
        AwardOutcome<E> outcome = Awards.award(rank(tieAtTheCutOff()),
                AwardPlan.<E>builder(E::eligible).bands(twoThenTwo()).cutOff(CutOffPolicy.EXCLUDE_ALL).build());
        assertThat(winners(outcome).get(0)).containsExactly("a");
        assertThat(outcome.bands().get(0).shortfall()).isEqualTo(1);
        assertThat(outcome.bands().get(0).note()).isEqualTo("3 entries tied at rank 2: all excluded");
        // silver (2 places) meets the same three-way tie and excludes it too
        assertThat(winners(outcome).get(1)).isEmpty();
        assertThat(outcome.bands().get(1).shortfall()).isEqualTo(2);
    }

    @Test
    void breakByChainOrdersTheTiedEntriesByTheBreakChain() {
        AwardPlan<E> plan = AwardPlan.<E>builder(E::eligible).bands(twoThenTwo())
                .cutOff(CutOffPolicy.BREAK_BY_CHAIN).breakChain(TieBreakChain.of(TieBreakKey.ascending("time", E::time))).build();
        AwardOutcome<E> outcome = Awards.award(rank(tieAtTheCutOff()), plan);
        // tied b (70 s), c (55 s), d (60 s): c is fastest and takes gold's last place; d and b take silver
        assertThat(winners(outcome)).containsExactly(List.of("a", "c"), List.of("d", "b"));
        assertThat(outcome.bands().get(0).overflow()).isZero();
        assertThat(outcome.bands().get(0).note()).isEqualTo("3 entries tied at rank 2: broken by [time ↑]");
    }

    @Test
    void breakByChainIncludesEntriesStillTiedOnTheChain() {
        List<E> entries = List.of(E.of("a", "95", "50", true, 30), E.of("b", "90", "60", true, 30),
                E.of("c", "90", "60", true, 30), E.of("d", "90", "70", true, 30));
        AwardPlan<E> plan = AwardPlan.<E>builder(E::eligible).bands(twoThenTwo())
                .cutOff(CutOffPolicy.BREAK_BY_CHAIN).breakChain(TieBreakChain.of(TieBreakKey.ascending("time", E::time))).build();
        AwardOutcome<E> outcome = Awards.award(rank(entries), plan);
        assertThat(winners(outcome)).containsExactly(List.of("a", "b", "c"), List.of("d"));
        assertThat(outcome.bands().get(0).overflow()).isEqualTo(1);
        assertThat(outcome.bands().get(0).note())
                .isEqualTo("3 entries tied at rank 2: still tied on [time ↑] at the cut-off, all included");
    }

    @Test
    void thresholdBandsTakeEveryoneAboveTheirMinimum() {
        List<AwardBand> bands = List.of(AwardBand.of("excellent", new BandQuota.Threshold(new BigDecimal("90"))),
                AwardBand.of("good", new BandQuota.Threshold(new BigDecimal("86"))));
        AwardOutcome<E> outcome = Awards.award(rank(tieAtTheCutOff()),
                AwardPlan.<E>builder(E::eligible).bands(bands).score(E::score).build());
        assertThat(winners(outcome)).containsExactly(List.of("a", "b", "c", "d"), List.of());
        assertThat(outcome.bands().get(0).quota()).isEqualTo(4);
    }

    @Test
    void tooFewStartersVoidABand() {
        List<AwardBand> bands = List.of(AwardBand.of("gold", new BandQuota.Count(1)),
                AwardBand.of("silver", new BandQuota.Count(1)).withMinimumStarters(4),
                AwardBand.of("bronze", new BandQuota.Count(1)).withMinimumStarters(6));
        AwardOutcome<E> outcome = Awards.award(rank(tieAtTheCutOff()),
                AwardPlan.<E>builder(E::eligible).bands(bands).cutOff(CutOffPolicy.EXCLUDE_ALL).build());
        assertThat(outcome.starters()).isEqualTo(5);
        assertThat(outcome.bands().get(2).voided()).isTrue();
        assertThat(outcome.bands().get(2).note()).isEqualTo("void: 5 starters, band needs at least 6");
        assertThat(winners(outcome)).containsExactly(List.of("a"), List.of(), List.of());

        // starters are counted by the plan's predicate, e.g. observers are not starters
        AwardOutcome<E> fewer = Awards.award(rank(tieAtTheCutOff()),
                AwardPlan.<E>builder(E::eligible).bands(bands).cutOff(CutOffPolicy.EXCLUDE_ALL).starter(e -> e.age() < 35).build());
        assertThat(fewer.starters()).isEqualTo(4);
        assertThat(fewer.bands().get(1).voided()).isFalse();
        assertThat(fewer.bands().get(2).voided()).isTrue();
    }

    @Test
    void titlesGoByRankAmongEligibleEntriesAndByCondition() {
        List<TitleRule<E>> titles = List.of(TitleRule.topRanks("技术能手", 2),
                new TitleRule<>("青年岗位能手", 5, e -> e.age() < 35));
        List<E> entries = new ArrayList<>(tieAtTheCutOff());
        entries.add(E.of("observer", "99", "10", false, 20));
        AwardOutcome<E> outcome = Awards.award(rank(entries),
                AwardPlan.<E>builder(E::eligible).bands(twoThenTwo()).title(titles.get(0)).title(titles.get(1)).build());
        // the observer (ranked first) takes no title; a is rank 1 among eligible, b, c, d share rank 2
        assertThat(outcome.titles().get(0).holders()).extracting(h -> h.entry().name()).containsExactly("a", "b", "c", "d");
        assertThat(outcome.titles().get(1).holders()).extracting(h -> h.entry().name()).containsExactly("a", "b", "d", "e");
    }

    @Test
    void rejectsPlansThatCannotBeApplied() {
        assertThatThrownBy(() -> AwardPlan.<E>builder(e -> true).bands(twoThenTwo()).cutOff(CutOffPolicy.BREAK_BY_CHAIN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cut-off policy BREAK_BY_CHAIN needs a break chain");
        assertThatThrownBy(() -> AwardPlan.<E>builder(e -> true)
                .band(AwardBand.of("x", new BandQuota.Threshold(BigDecimal.ONE))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("band 'x' awards by threshold but the plan has no score");
        assertThatThrownBy(() -> AwardPlan.<E>builder(e -> true)
                .band(AwardBand.of("x", new BandQuota.Count(1))).band(AwardBand.of("x", new BandQuota.Count(1))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("award band name 'x' appears twice");
        assertThatThrownBy(() -> new BandQuota.Share(new BigDecimal("1.5"), RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("share must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> new BandQuota.Share(new BigDecimal("0.1"), RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("share rounding must say how to round, UNNECESSARY is not a rule");
        assertThatThrownBy(() -> AwardBand.of(" ", new BandQuota.Count(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("award band name must not be blank");
        assertThatThrownBy(() -> AwardBand.of("bronze", new BandQuota.Count(1)).withMinimumStarters(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minimumStarters of band bronze must be >= 0, got -1");
        assertThatThrownBy(() -> TitleRule.topRanks("技术能手", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxRank of title 技术能手 must be >= 1, got 0");
        List<RankedEntry<E>> outOfOrder = List.of(new RankedEntry<>(2, 1, E.of("a", "1", "1", true, 1)),
                new RankedEntry<>(1, 2, E.of("b", "2", "1", true, 1)));
        assertThatThrownBy(() -> Awards.award(outOfOrder, AwardPlan.<E>builder(e -> true).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ranking must be in rank order: rank 1 follows rank 2");
        assertThatThrownBy(() -> new BandQuota.Count(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("places must be >= 0, got -1");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bandsNeverOverlapAndOnlyEligibleEntriesWin(long seed) {
        Random random = new Random(seed);
        List<E> entries = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            entries.add(E.of("e" + i, String.valueOf(80 + random.nextInt(6)), String.valueOf(random.nextInt(3)),
                    random.nextInt(5) != 0, 30));
        }
        CutOffPolicy policy = CutOffPolicy.values()[random.nextInt(3)];
        AwardPlan<E> plan = AwardPlan.<E>builder(E::eligible)
                .band(AwardBand.of("gold", new BandQuota.Count(random.nextInt(4))))
                .band(AwardBand.of("silver", new BandQuota.Share(new BigDecimal("0.2"), RoundingMode.HALF_UP)))
                .band(AwardBand.of("bronze", new BandQuota.Share(new BigDecimal("0.3"), RoundingMode.DOWN)))
                .cutOff(policy).breakChain(TieBreakChain.of(TieBreakKey.ascending("time", E::time))).build();
        List<RankedEntry<E>> ranking = rank(entries);
        AwardOutcome<E> outcome = Awards.award(ranking, plan);

        List<E> awarded = outcome.bands().stream().flatMap(b -> b.winners().stream()).map(RankedEntry::entry).toList();
        assertThat(awarded).doesNotHaveDuplicates().allMatch(E::eligible);
        int previousWorst = 0;
        for (AwardOutcome.BandAward<E> band : outcome.bands()) {
            assertThat(band.winners().size()).isEqualTo(band.quota() + band.overflow() - band.shortfall());
            if (policy == CutOffPolicy.EXCLUDE_ALL) {
                assertThat(band.overflow()).isZero();
            }
            for (RankedEntry<E> winner : band.winners()) {
                assertThat(winner.rank()).isGreaterThanOrEqualTo(previousWorst);
            }
            previousWorst = band.winners().stream().mapToInt(RankedEntry::rank).max().orElse(previousWorst);
        }
        // an eligible entry ranked strictly better than some winner has won too (bands go top down)
        int worstWinner = awarded.isEmpty() ? 0 : outcome.bands().stream().flatMap(b -> b.winners().stream())
                .mapToInt(RankedEntry::rank).max().orElse(0);
        ranking.stream().filter(r -> r.entry().eligible() && r.rank() < worstWinner)
                .forEach(r -> assertThat(awarded).contains(r.entry()));
    }
}
