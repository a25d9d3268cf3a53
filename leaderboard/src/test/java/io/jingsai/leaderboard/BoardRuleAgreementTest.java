package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.award.Awards;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.RankedEntry;
import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import io.jingsai.scoring.ranking.TiePolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scoring engine and a board built from the same {@link RankingRule} by {@link BoardRule} rank the same entries
 * the same way: the same display order, the same ranks in every {@link RankStyle}, the same tie groups when the rule
 * forbids shared ranks, and tiers holding exactly the places an award band with the tier's count quota and cut-off
 * policy gets from {@link Awards} (every {@link CutOffPolicy}). Seeded cases with many ties, missing values (no
 * time, no total) and quotas of 0, inside tie groups and beyond the field; the board is filled by inserts, moves and
 * removals in random order, and its frozen view is checked too.
 */
class BoardRuleAgreementTest {

    /** A contestant's published figures; a null figure is missing. */
    record Result(long id, long registration, BigDecimal total, BigDecimal seconds, BigDecimal practical) {
    }

    private static final BoardRuntime RUNTIME = BoardRuntime.of(
            Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));

    static LongStream seeds() {
        return LongStream.range(0, 3_000);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void boardAndEngineAgree(long seed) {
        Random random = new Random(seed);
        RankingRule<Result> rule = randomRule(random);
        List<Result> field = randomField(random);
        BoardRule<Result> boardRule = BoardRule.of(rule, 2);
        List<Tier> tiers = randomTiers(random, field.size());
        Board board = Board.create(boardRule.spec("event-" + seed).withTiers(tiers.toArray(Tier[]::new)), RUNTIME);
        fill(board, boardRule, field, random);
        board.checkInvariants();

        RankingOutcome<Result> outcome = Ranking.rank(field, rule);
        List<RankedEntry<Result>> shared = ranked(Ranking.rank(field, rule.withTiePolicy(TiePolicy.SHARE)));
        if (outcome instanceof RankingOutcome.UnresolvedTies<Result> ties) {
            // 排名不并列: the board lists the same groups and shows the provisional shared ranks
            assertThat(ids(board.unresolvedTies())).isEqualTo(ties.groups().stream()
                    .map(g -> g.stream().map(Result::id).toList()).toList());
        } else {
            assertThat(shared).isEqualTo(ranked(outcome));
            assertThat(board.unresolvedTies()).isEmpty();
        }
        List<Standing> standings = board.page(0, BoardView.MAX_LIMIT).entries();
        assertThat(standings.stream().map(s -> s.id() + ":" + s.rank() + ":" + s.position()).toList())
                .isEqualTo(shared.stream().map(e -> e.entry().id() + ":" + e.rank() + ":" + e.position()).toList());
        for (RankedEntry<Result> entry : shared) {
            assertThat(board.rank(entry.entry().id())).hasValue(entry.rank());
        }
        for (Tier tier : tiers) {
            assertThat(memberIds(board, tier)).as("tier %s", tier).isEqualTo(bandWinners(shared, tier, rule));
        }
        board.freeze();
        assertThat(board.publicView().page(0, BoardView.MAX_LIMIT).entries()).isEqualTo(standings);
        assertThat(board.publicView().unresolvedTies()).isEqualTo(board.unresolvedTies());
    }

    /** The places one award band with the tier's count quota and cut-off policy takes, by the engine. */
    private static List<Long> bandWinners(List<RankedEntry<Result>> ranking, Tier tier, RankingRule<Result> rule) {
        AwardPlan<Result> plan = AwardPlan.<Result>builder(e -> true)
                .band(AwardBand.of(tier.name(), new BandQuota.Count(tier.quota())))
                .cutOff(tier.policy())
                .breakChain(rule.chain())
                .build();
        return Awards.award(ranking, plan).bands().get(0).winners().stream().map(e -> e.entry().id()).toList();
    }

    private static List<Long> memberIds(Board board, Tier tier) {
        return board.tierMembers(tier.name(), 0, BoardView.MAX_LIMIT).entries().stream().map(Standing::id).toList();
    }

    private static List<RankedEntry<Result>> ranked(RankingOutcome<Result> outcome) {
        return ((RankingOutcome.Ranked<Result>) outcome).entries();
    }

    private static List<List<Long>> ids(List<List<Standing>> groups) {
        return groups.stream().map(g -> g.stream().map(Standing::id).toList()).toList();
    }

    /** Inserts in random order; some entries first with other figures, then moved; some removed and put back. */
    private static void fill(Board board, BoardRule<Result> rule, List<Result> field, Random random) {
        List<Result> order = new ArrayList<>(field);
        Collections.shuffle(order, random);
        for (Result r : order) {
            if (random.nextInt(4) == 0) {
                Result decoy = new Result(r.id(), r.registration(), figure(random, 80, 5), null, null);
                board.upsert(rule.entry(r.id(), r.registration(), decoy));
            }
            board.upsert(rule.entry(r.id(), r.registration(), r));
        }
        for (Result r : order) {
            if (random.nextInt(6) == 0) {
                board.remove(r.id());
                board.upsert(rule.entry(r.id(), r.registration(), r));
            }
        }
    }

    private static RankingRule<Result> randomRule(Random random) {
        List<TieBreakKey<Result>> keys = new ArrayList<>();
        keys.add(TieBreakKey.descending("total", Result::total));
        if (random.nextBoolean()) {
            keys.add(TieBreakKey.ascending("seconds", Result::seconds));
        }
        if (random.nextBoolean()) {
            keys.add(TieBreakKey.descending("practical", Result::practical));
        }
        RankStyle style = RankStyle.values()[random.nextInt(RankStyle.values().length)];
        TiePolicy policy = random.nextInt(3) == 0 ? TiePolicy.FORCE_DISTINCT : TiePolicy.SHARE;
        return new RankingRule<>(new TieBreakChain<>(keys), style, policy,
                Comparator.comparingLong(Result::registration));
    }

    private static List<Result> randomField(Random random) {
        int n = random.nextInt(40);
        List<Long> registrations = new ArrayList<>();
        for (long r = 0; r < n; r++) {
            registrations.add(1000 + r);
        }
        Collections.shuffle(registrations, random);
        List<Result> field = new ArrayList<>();
        int spread = 1 + random.nextInt(8); // few distinct totals: many ties
        for (int i = 0; i < n; i++) {
            field.add(new Result(i * 7L - 50, registrations.get(i),
                    random.nextInt(15) == 0 ? null : figure(random, 80, spread),
                    random.nextInt(5) == 0 ? null : BigDecimal.valueOf(3000 + random.nextInt(3)),
                    random.nextInt(8) == 0 ? null : BigDecimal.valueOf(random.nextInt(3))));
        }
        return field;
    }

    /** A published figure with two decimals: {@code from + k × 0.25} for k below {@code spread}. */
    private static BigDecimal figure(Random random, int from, int spread) {
        return BigDecimal.valueOf(from * 100L + 25L * random.nextInt(spread), 2);
    }

    /** Up to three nested tiers of non-decreasing quotas (0 included), each with any cut-off policy. */
    private static List<Tier> randomTiers(Random random, int n) {
        List<Tier> tiers = new ArrayList<>();
        int quota = 0;
        for (int t = random.nextInt(4); t > 0; t--) {
            quota += random.nextInt(Math.max(1, n / 2 + 2));
            tiers.add(new Tier("t" + t, quota, CutOffPolicy.values()[random.nextInt(CutOffPolicy.values().length)]));
        }
        return tiers;
    }
}
