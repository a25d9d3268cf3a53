package io.jingsai.scoring.award;

import io.jingsai.scoring.Fraction;
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

    /**
     * 2012 National Skills Competition notice (全国技能大赛 非世界技能大赛竞赛 表彰奖励, item 4): "全国决赛各组别分别设立一等奖
     * (占本组别参赛选手的10%)、二等奖(占本组别参赛选手的20%)和三等奖(占本组别参赛选手的30%)": shares of the field
     * after the bands before. The notice states no rounding; this event states 四舍五入 (HALF_UP), as vocational
     * college contests (全国职业院校技能大赛) do. 25 eligible of 27 (two disqualified): 2.5 → 3, 5, 7.5 → 8.
     */
    @Test
    void nationalSkillsCompetitionPrizesAreTenTwentyAndThirtyPercentOfTheField() {
        List<E> entries = field(27, 2);
        AwardOutcome<E> outcome = Awards.award(rank(entries), AwardPlan.<E>builder(E::eligible)
                .bands(prizes(RoundingMode.HALF_UP)).build());
        assertThat(outcome.eligible()).isEqualTo(25);
        assertThat(outcome.bands()).extracting(b -> b.winners().size()).containsExactly(3, 5, 8);
        assertThat(winners(outcome).get(0)).containsExactly("p00", "p01", "p02");
        assertThat(winners(outcome).get(2)).first().isEqualTo("p09"); // p04 is disqualified
    }

    /**
     * The same three prizes as cumulative shares of the field: first prize the top 10%, first and second together the
     * top 30%, all three the top 60% (HALF_UP). 25 eligible: overall places 2.5 → 3, 7.5 → 8 and 15, so the bands
     * have 3, 5 and 7 places, where shares after the bands before give 3, 5 and 8.
     */
    @Test
    void cumulativeSharesEndEachBandAtAnOverallPlace() {
        List<AwardBand> bands = List.of(
                AwardBand.of("一等奖", new BandQuota.CumulativeShare(new BigDecimal("0.1"), RoundingMode.HALF_UP)),
                AwardBand.of("二等奖", new BandQuota.CumulativeShare(new BigDecimal("0.3"), RoundingMode.HALF_UP)),
                AwardBand.of("三等奖", new BandQuota.CumulativeShare(new BigDecimal("0.6"), RoundingMode.HALF_UP)));
        AwardOutcome<E> outcome = Awards.award(rank(field(27, 2)), AwardPlan.<E>builder(E::eligible).bands(bands).build());
        assertThat(outcome.bands()).extracting(b -> b.winners().size()).containsExactly(3, 5, 7);
        assertThat(outcome.bands()).extracting(AwardOutcome.BandAward::quota).containsExactly(3, 5, 7);
        assertThat(winners(outcome).get(2)).last().isEqualTo("p16"); // the 15th eligible entry (p04, p12 are out)
    }

    /**
     * A tie included at the first prize's cut-off takes places from the second prize, whose overall place is fixed:
     * 20 eligible, first prize the top 10% (2 places) meets three tied at rank 2 and includes them; first and second
     * together the top 30% (6) leave the second prize 3 places, not 4.
     */
    @Test
    void anOverflowBeforeACumulativeBandShrinksIt() {
        List<E> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(E.of("q" + (char) ('a' + i), String.valueOf(i >= 1 && i <= 3 ? 99 : 100 - i), "60", true, 30));
        }
        List<AwardBand> bands = List.of(
                AwardBand.of("first", new BandQuota.CumulativeShare(new BigDecimal("0.1"), RoundingMode.HALF_UP)),
                AwardBand.of("second", new BandQuota.CumulativeShare(new BigDecimal("0.3"), RoundingMode.HALF_UP)));
        AwardOutcome<E> outcome = Awards.award(rank(entries), AwardPlan.<E>builder(E::eligible).bands(bands).build());
        assertThat(winners(outcome).get(0)).containsExactly("qa", "qb", "qc", "qd");
        assertThat(outcome.bands().get(0).overflow()).isEqualTo(2);
        assertThat(winners(outcome).get(1)).containsExactly("qe", "qf");
        assertThat(outcome.bands().get(1).quota()).isEqualTo(2);
    }

    /**
     * 全国青年职业技能大赛 (振兴杯): 金奖 places 1-5, 银奖 6-10, 铜奖 11-20, and 优胜奖 for those without a medal ranked
     * within the first 50% of the trade's entrants ("未获金、银、铜奖但成绩排名在各职业(工种)参赛人数前50%"), here rounded
     * down. 57 eligible: half is 28.5 → 28, so places 21-28 take 优胜奖; with 30 eligible half is 15, inside the medals:
     * no 优胜奖 at all.
     */
    @Test
    void anHonourableMentionGoesToEveryoneAfterTheMedalsUpToHalfTheField() {
        List<AwardBand> bands = List.of(AwardBand.of("金奖", new BandQuota.Count(5)),
                AwardBand.of("银奖", new BandQuota.Count(5)), AwardBand.of("铜奖", new BandQuota.Count(10)),
                AwardBand.of("优胜奖", new BandQuota.CumulativeShare(new BigDecimal("0.5"), RoundingMode.DOWN)));
        AwardOutcome<E> large = Awards.award(rank(field(57, 0)), AwardPlan.<E>builder(E::eligible).bands(bands).build());
        assertThat(large.bands()).extracting(b -> b.winners().size()).containsExactly(5, 5, 10, 8);
        assertThat(large.bands().get(3).winners()).extracting(w -> w.entry().name()).first().isEqualTo("p20");
        assertThat(large.bands().get(3).winners()).extracting(w -> w.entry().name()).last().isEqualTo("p27");

        AwardOutcome<E> small = Awards.award(rank(field(30, 0)), AwardPlan.<E>builder(E::eligible).bands(bands).build());
        assertThat(small.bands().get(3).winners()).isEmpty();
        assertThat(small.bands().get(3).quota()).isZero();
        assertThat(small.bands().get(3).shortfall()).isZero();
    }

    /** {@code n} entries p00, p01, … with distinct falling scores; every {@code step}-th from p04 disqualified. */
    static List<E> field(int n, int disqualified) {
        List<E> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean out = disqualified > 0 && i % 8 == 4 && i / 8 < disqualified;
            entries.add(E.of(String.format("p%02d", i), String.valueOf(1000 - i), "60", !out, 30));
        }
        return entries;
    }

    @Test
    void cumulativeSharesAreCheckedAsSharesAre() {
        assertThatThrownBy(() -> new BandQuota.CumulativeShare(new BigDecimal("0"), RoundingMode.DOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("share must be in (0, 1], got 0");
        assertThatThrownBy(() -> new BandQuota.CumulativeShare(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("share rounding must say how to round, UNNECESSARY is not a rule");
    }

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    /**
     * Band sizes and winners against an independent model, on seeded band setups (1-5 bands of every kind: counts,
     * shares and cumulative shares with every rounding, thresholds, minimum starters, titles) and fields with ties.
     * The model decides by ranks where the engine walks positions: INCLUDE_ALL takes every remaining entry ranked no
     * worse than the entry in the last counted place; EXCLUDE_ALL those ranked strictly better than the first entry
     * left out; BREAK_BY_CHAIN those ranked better, plus those of the cut-off rank whose time is no worse than the
     * time of the last place the count reaches into that rank.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void bandsAndTitlesMatchAnIndependentModel(long seed) {
        Random random = new Random(seed);
        List<E> entries = new ArrayList<>();
        int n = random.nextInt(41);
        for (int i = 0; i < n; i++) {
            entries.add(E.of("e" + i, String.valueOf(80 + random.nextInt(8)), String.valueOf(random.nextInt(3)),
                    random.nextInt(5) != 0, 20 + random.nextInt(30)));
        }
        CutOffPolicy policy = CutOffPolicy.values()[random.nextInt(3)];
        AwardPlan.Builder<E> builder = AwardPlan.<E>builder(E::eligible).cutOff(policy)
                .breakChain(TieBreakChain.of(TieBreakKey.ascending("time", E::time))).score(E::score);
        if (random.nextBoolean()) {
            builder.starter(e -> e.age() < 45);
        }
        RoundingMode[] modes = {RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_EVEN,
                RoundingMode.CEILING, RoundingMode.FLOOR, RoundingMode.HALF_DOWN};
        int bandCount = 1 + random.nextInt(5);
        for (int b = 0; b < bandCount; b++) {
            BigDecimal share = BigDecimal.valueOf(1 + random.nextInt(100), 2);
            RoundingMode mode = modes[random.nextInt(modes.length)];
            BandQuota quota = switch (random.nextInt(4)) {
                case 0 -> new BandQuota.Count(random.nextInt(6));
                case 1 -> new BandQuota.Share(share, mode);
                case 2 -> new BandQuota.CumulativeShare(share, mode);
                default -> new BandQuota.Threshold(BigDecimal.valueOf(80 + random.nextInt(9)));
            };
            builder.band(new AwardBand("band" + b, quota, random.nextInt(4) == 0 ? random.nextInt(25) : 0));
        }
        for (int t = random.nextInt(3); t > 0; t--) {
            builder.title(random.nextBoolean() ? TitleRule.topRanks("title" + t, 1 + random.nextInt(8))
                    : new TitleRule<>("title" + t, 1 + random.nextInt(8), e -> e.age() < 35));
        }
        AwardPlan<E> plan = builder.build();
        List<RankedEntry<E>> ranking = rank(entries);
        AwardOutcome<E> outcome = Awards.award(ranking, plan);

        List<RankedEntry<E>> left = new ArrayList<>(ranking.stream().filter(r -> r.entry().eligible()).toList());
        int eligible = left.size();
        int starters = (int) ranking.stream().filter(r -> plan.starter().test(r.entry())).count();
        assertThat(outcome.eligible()).isEqualTo(eligible);
        assertThat(outcome.starters()).isEqualTo(starters);
        int taken = 0;
        for (int b = 0; b < bandCount; b++) {
            AwardBand band = plan.bands().get(b);
            AwardOutcome.BandAward<E> award = outcome.bands().get(b);
            String context = "band " + b + " " + band + " of " + plan.bands() + " " + policy + " " + ranking;
            if (starters < band.minimumStarters()) {
                assertThat(award.voided()).as(context).isTrue();
                assertThat(award.winners()).as(context).isEmpty();
                continue;
            }
            List<RankedEntry<E>> expected;
            int quota;
            if (band.quota() instanceof BandQuota.Threshold threshold) {
                expected = left.stream().filter(r -> r.entry().score().compareTo(threshold.minimum()) >= 0).toList();
                quota = expected.size();
            } else {
                if (band.quota() instanceof BandQuota.Count count) {
                    quota = count.places();
                } else if (band.quota() instanceof BandQuota.Share share) {
                    quota = wholePlaces(share.share(), eligible, share.rounding());
                } else {
                    BandQuota.CumulativeShare cumulative = (BandQuota.CumulativeShare) band.quota();
                    quota = Math.max(0, wholePlaces(cumulative.share(), eligible, cumulative.rounding()) - taken);
                }
                expected = cutOff(left, Math.min(quota, left.size()), policy);
            }
            assertThat(award.quota()).as(context).isEqualTo(quota);
            assertThat(award.winners()).as(context).extracting(w -> w.entry().name())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(w -> w.entry().name()).toList());
            assertThat(award.overflow()).as(context).isEqualTo(Math.max(0, expected.size() - quota));
            assertThat(award.shortfall()).as(context).isEqualTo(Math.max(0, quota - expected.size()));
            left.removeAll(expected);
            taken += expected.size();
        }
        for (int t = 0; t < plan.titles().size(); t++) {
            TitleRule<E> rule = plan.titles().get(t);
            List<RankedEntry<E>> eligibleEntries = ranking.stream().filter(r -> r.entry().eligible()).toList();
            List<String> holders = eligibleEntries.stream()
                    .filter(r -> 1 + eligibleEntries.stream().filter(o -> o.rank() < r.rank()).count() <= rule.maxRank())
                    .filter(r -> rule.condition().test(r.entry())).map(r -> r.entry().name()).toList();
            assertThat(outcome.titles().get(t).holders()).extracting(h -> h.entry().name()).isEqualTo(holders);
        }
    }

    /** {@code share × eligible}, rounded to a whole number by the mode, in exact fractions. */
    static int wholePlaces(BigDecimal share, int eligible, RoundingMode mode) {
        return Fraction.of(share).times(Fraction.of(eligible)).round(0, mode).intValueExact();
    }

    /** The model of a cut-off: which of the remaining entries (in rank order) a band of {@code count} places takes. */
    static List<RankedEntry<E>> cutOff(List<RankedEntry<E>> left, int count, CutOffPolicy policy) {
        if (count == 0) {
            return List.of();
        }
        int lastRank = left.get(count - 1).rank();
        int firstOutRank = count < left.size() ? left.get(count).rank() : Integer.MAX_VALUE;
        return switch (policy) {
            case INCLUDE_ALL -> left.stream().filter(r -> r.rank() <= lastRank).toList();
            case EXCLUDE_ALL -> left.stream().filter(r -> r.rank() < firstOutRank).toList();
            case BREAK_BY_CHAIN -> {
                long better = left.stream().filter(r -> r.rank() < lastRank).count();
                List<BigDecimal> times = left.stream().filter(r -> r.rank() == lastRank).map(r -> r.entry().time())
                        .sorted().toList();
                BigDecimal slowestIn = times.get((int) (count - better - 1));
                yield left.stream().filter(r -> r.rank() < lastRank
                        || r.rank() == lastRank && r.entry().time().compareTo(slowestIn) <= 0).toList();
            }
        };
    }
}
