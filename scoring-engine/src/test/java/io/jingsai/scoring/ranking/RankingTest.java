package io.jingsai.scoring.ranking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingTest {

    /** A contestant's published figures; time in seconds (null if not recorded). */
    record Contestant(String name, int registration, BigDecimal total, BigDecimal time, BigDecimal practical,
                      BigDecimal theory) {
        static Contestant of(String name, int registration, String total, String time, String practical, String theory) {
            return new Contestant(name, registration, new BigDecimal(total), time == null ? null : new BigDecimal(time),
                    new BigDecimal(practical), new BigDecimal(theory));
        }
    }

    static final TieBreakChain<Contestant> CHAIN = TieBreakChain.of(
            TieBreakKey.descending("total", Contestant::total),
            TieBreakKey.ascending("completionTime", Contestant::time),
            TieBreakKey.descending("practical", Contestant::practical),
            TieBreakKey.descending("theory", Contestant::theory));

    static final Comparator<Contestant> BY_REGISTRATION = Comparator.comparingInt(Contestant::registration);

    static List<Contestant> field() {
        return List.of(
                Contestant.of("Wang", 4, "90.50", "3600", "63", "27.5"),
                Contestant.of("Li", 2, "92.00", "3500", "64", "28"),
                Contestant.of("Zhang", 7, "90.50", "3400", "62", "28.5"),   // beats Wang on time
                Contestant.of("Zhao", 1, "90.50", "3600", "63", "27.5"),    // exact tie with Wang
                Contestant.of("Chen", 3, "88.00", "3000", "60", "28"),
                Contestant.of("Liu", 5, "88.00", null, "61", "27"));        // no time: after Chen
    }

    static List<String> names(RankingOutcome<Contestant> outcome) {
        return ((RankingOutcome.Ranked<Contestant>) outcome).entries().stream()
                .map(e -> e.rank() + ":" + e.position() + ":" + e.entry().name()).toList();
    }

    @Test
    void standardCompetitionRankingSharesRanksAndSkips() {
        RankingOutcome<Contestant> outcome = Ranking.rank(field(), RankingRule.standard(CHAIN, BY_REGISTRATION));
        // Zhao and Wang tie on the whole chain: shared rank 3, shown by registration number (1 before 4); next is 5
        assertThat(names(outcome)).containsExactly("1:1:Li", "2:2:Zhang", "3:3:Zhao", "3:4:Wang", "5:5:Chen", "6:6:Liu");
    }

    @Test
    void denseRankingDoesNotSkip() {
        RankingOutcome<Contestant> outcome = Ranking.rank(field(),
                RankingRule.standard(CHAIN, BY_REGISTRATION).withStyle(RankStyle.DENSE));
        assertThat(names(outcome)).containsExactly("1:1:Li", "2:2:Zhang", "3:3:Zhao", "3:4:Wang", "4:5:Chen", "5:6:Liu");
    }

    @Test
    void modifiedCompetitionRankingSharesTheLowestRankOfTheGroup() {
        RankingOutcome<Contestant> outcome = Ranking.rank(field(),
                RankingRule.standard(CHAIN, BY_REGISTRATION).withStyle(RankStyle.MODIFIED));
        // Zhao and Wang, tied on the whole chain at positions 3 and 4, both take 4; the gap (no 3rd) comes first
        assertThat(names(outcome)).containsExactly("1:1:Li", "2:2:Zhang", "4:3:Zhao", "4:4:Wang", "5:5:Chen", "6:6:Liu");
    }

    /**
     * The four-item example that names the three styles, from the standard definition (Wikipedia, "Ranking",
     * section "Strategies for assigning rankings"): A ranks ahead of B and C, which compare equal, which both rank
     * ahead of D. Standard competition ranking gives 1, 2, 2, 4 ("1224"); modified competition ranking gives 1, 3,
     * 3, 4 ("1334": "each item's ranking number is equal to the number of items ranked equal to it or above it");
     * dense ranking gives 1, 2, 2, 3 ("1223").
     */
    @Test
    void theFourItemExampleOfTheStandardDefinition() {
        TieBreakChain<Contestant> totalOnly = TieBreakChain.of(TieBreakKey.descending("total", Contestant::total));
        List<Contestant> abcd = List.of(Contestant.of("A", 1, "90", "0", "0", "0"),
                Contestant.of("B", 2, "80", "0", "0", "0"), Contestant.of("C", 3, "80", "0", "0", "0"),
                Contestant.of("D", 4, "70", "0", "0", "0"));
        RankingRule<Contestant> rule = RankingRule.standard(totalOnly, BY_REGISTRATION);
        assertThat(names(Ranking.rank(abcd, rule))).containsExactly("1:1:A", "2:2:B", "2:3:C", "4:4:D");
        assertThat(names(Ranking.rank(abcd, rule.withStyle(RankStyle.MODIFIED))))
                .containsExactly("1:1:A", "3:2:B", "3:3:C", "4:4:D");
        assertThat(names(Ranking.rank(abcd, rule.withStyle(RankStyle.DENSE))))
                .containsExactly("1:1:A", "2:2:B", "2:3:C", "3:4:D");
    }

    @Test
    void aShorterChainLeavesMoreTies() {
        TieBreakChain<Contestant> totalOnly = TieBreakChain.of(TieBreakKey.descending("total", Contestant::total));
        assertThat(names(Ranking.rank(field(), RankingRule.standard(totalOnly, BY_REGISTRATION))))
                .containsExactly("1:1:Li", "2:2:Zhao", "2:3:Wang", "2:4:Zhang", "5:5:Chen", "5:6:Liu");
    }

    @Test
    void forceDistinctRefusesToRankWhileTiesRemainAndListsThem() {
        RankingRule<Contestant> rule = RankingRule.standard(CHAIN, BY_REGISTRATION).withTiePolicy(TiePolicy.FORCE_DISTINCT);
        RankingOutcome<Contestant> outcome = Ranking.rank(field(), rule);
        assertThat(outcome).isInstanceOf(RankingOutcome.UnresolvedTies.class);
        assertThat(((RankingOutcome.UnresolvedTies<Contestant>) outcome).groups())
                .extracting(g -> g.stream().map(Contestant::name).toList())
                .containsExactly(List.of("Zhao", "Wang"));
        List<Contestant> resolved = field().stream().filter(c -> !c.name().equals("Zhao")).toList();
        assertThat(names(Ranking.rank(resolved, rule))).hasSize(5).first().isEqualTo("1:1:Li");
    }

    @Test
    void chainReportsItsDecidingKey() {
        List<Contestant> f = field();
        assertThat(CHAIN.decidingKey(f.get(0), f.get(2))).isEqualTo("completionTime");
        assertThat(CHAIN.decidingKey(f.get(0), f.get(3))).isNull();
        assertThat(CHAIN.toString()).isEqualTo("[total ↓, completionTime ↑, practical ↓, theory ↓]");
    }

    @Test
    void rejectsEmptyChainsAndNullEntries() {
        assertThatThrownBy(() -> new TieBreakChain<Contestant>(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a tie-break chain needs at least one key");
        assertThatThrownBy(() -> TieBreakKey.<Contestant>descending(" ", Contestant::total))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tie-break key name must not be blank");
        List<Contestant> withNull = new ArrayList<>(field());
        withNull.add(null);
        assertThatThrownBy(() -> Ranking.rank(withNull, RankingRule.standard(CHAIN, BY_REGISTRATION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entries must not contain null");
        assertThatThrownBy(() -> Ranking.rank(field(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entries and rule must not be null");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void ranksAreConsistentWithTheChainAndIndependentOfInputOrder(long seed) {
        Random random = new Random(seed);
        List<Contestant> field = new ArrayList<>();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            field.add(new Contestant("c" + i, i, BigDecimal.valueOf(80 + random.nextInt(5)),
                    random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(3)),
                    BigDecimal.valueOf(random.nextInt(3)), BigDecimal.valueOf(random.nextInt(2))));
        }
        RankStyle style = RankStyle.values()[random.nextInt(RankStyle.values().length)];
        RankingRule<Contestant> rule = RankingRule.standard(CHAIN, BY_REGISTRATION).withStyle(style);
        List<RankedEntry<Contestant>> ranked = ((RankingOutcome.Ranked<Contestant>) Ranking.rank(field, rule)).entries();

        assertThat(ranked).hasSize(n);
        for (int i = 0; i < n; i++) {
            RankedEntry<Contestant> entry = ranked.get(i);
            assertThat(entry.position()).isEqualTo(i + 1);
            if (i == 0) {
                assertThat(entry.rank()).isEqualTo(style == RankStyle.MODIFIED ? entry.rank() : 1);
                continue;
            }
            RankedEntry<Contestant> previous = ranked.get(i - 1);
            int c = CHAIN.compare(previous.entry(), entry.entry());
            assertThat(c).isLessThanOrEqualTo(0);
            if (c == 0) {
                assertThat(entry.rank()).isEqualTo(previous.rank());
                assertThat(previous.entry().registration()).isLessThan(entry.entry().registration());
            } else if (style == RankStyle.DENSE) {
                assertThat(entry.rank()).isEqualTo(previous.rank() + 1);
            }
        }
        // the definitions: standard = 1 + entries strictly better; modified = entries better or tied (itself
        // included); dense = 1 + distinct better keys
        for (RankedEntry<Contestant> entry : ranked) {
            long better = field.stream().filter(o -> CHAIN.compare(o, entry.entry()) < 0).count();
            long upToTies = field.stream().filter(o -> CHAIN.compare(o, entry.entry()) <= 0).count();
            long distinctBetter = field.stream().filter(o -> CHAIN.compare(o, entry.entry()) < 0)
                    .map(o -> java.util.Arrays.asList(o.total(), o.time(), o.practical(), o.theory())).distinct().count();
            long expected = switch (style) {
                case STANDARD -> better + 1;
                case MODIFIED -> upToTies;
                case DENSE -> distinctBetter + 1;
            };
            assertThat(entry.rank()).isEqualTo(expected);
        }
        List<Contestant> shuffled = new ArrayList<>(field);
        Collections.shuffle(shuffled, random);
        assertThat(((RankingOutcome.Ranked<Contestant>) Ranking.rank(shuffled, rule)).entries()).isEqualTo(ranked);
    }
}
