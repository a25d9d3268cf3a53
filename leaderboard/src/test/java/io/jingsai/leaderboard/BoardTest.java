package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Worked examples of the public API: ranking styles, the tie-break chain, cut-offs, views and invalid input. */
class BoardTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final BoardRuntime RUNTIME = BoardRuntime.of(Clock.fixed(NOW, ZoneOffset.UTC));
    // total ↓ (2 decimals), completion time ↑ (seconds)
    private static final RankingOrder CHAIN = RankingOrder.of(ScaledKey.descending("total", 2),
            ScaledKey.ascending("seconds", 0));

    private static SortKey key(String total, long seconds) {
        return CHAIN.key(new BigDecimal(total), BigDecimal.valueOf(seconds));
    }

    private static Board welders(RankStyle style) {
        Board board = Board.create(BoardSpec.of("welders", CHAIN).withStyle(style), RUNTIME);
        board.upsert(1, 101, key("92.50", 3_000));
        board.upsert(2, 102, key("95.00", 3_100));
        board.upsert(3, 103, key("92.50", 2_900)); // same total as 1, faster: ranks above 1
        board.upsert(4, 99, key("92.50", 3_000));  // exact tie with 1; registration 99 displays first
        board.upsert(5, 105, key("90.00", 2_000));
        return board;
    }

    @Test
    void competitionRankingSharesRanksAndSkipsAfterTies() {
        assertThat(welders(RankStyle.STANDARD).top(10))
                .extracting(Standing::id, Standing::rank, Standing::position)
                .containsExactly(tuple(2L, 1, 1), tuple(3L, 2, 2), tuple(4L, 3, 3), tuple(1L, 3, 4), tuple(5L, 5, 5));
    }

    @Test
    void denseRankingDoesNotSkip() {
        Board board = welders(RankStyle.DENSE);
        assertThat(board.top(10)).extracting(Standing::id, Standing::rank)
                .containsExactly(tuple(2L, 1), tuple(3L, 2), tuple(4L, 3), tuple(1L, 3), tuple(5L, 4));
        assertThat(board.atRank(4)).map(Standing::id).contains(5L);
    }

    @Test
    void atRankIsEmptyForASkippedRankAndAroundStopsAtTheEnds() {
        Board board = welders(RankStyle.STANDARD);
        assertThat(board.atRank(3)).map(Standing::id).contains(4L);
        assertThat(board.atRank(4)).isEmpty();
        assertThat(board.around(2, 2)).extracting(Standing::id).containsExactly(2L, 3L, 4L);
        assertThat(board.around(5, 1)).extracting(Standing::id).containsExactly(1L, 5L);
        assertThat(board.around(42, 1)).isEmpty();
        assertThat(board.rank(1)).hasValue(3);
        assertThat(board.rank(42)).isEmpty();
        assertThat(board.standing(5).orElseThrow().key().values())
                .containsExactly(new BigDecimal("90.00"), new BigDecimal("2000"));
    }

    @Test
    void includeAllTakesEveryoneTiedAtTheCutOffAndReportsTheOverflow() {
        Board board = Board.create(BoardSpec.of("stars", RankingOrder.score(0)).withTiers(Tier.of("stars", 3)),
                RUNTIME);
        IntStream.of(90, 80, 70, 70, 70, 60).forEach(s -> board.upsert(s * 10L + board.count(), board.count(),
                RankingOrder.score(0).keyOfUnscaled(s)));
        TierStatus stars = board.tier("stars");
        assertThat(stars.members()).isEqualTo(5);
        assertThat(stars.overflow()).isEqualTo(2);
        assertThat(stars.cutOff()).map(SortKey::score).contains(new BigDecimal("70"));
        assertThat(board.top(6)).extracting(Standing::tier).containsExactly(Optional.of("stars"),
                Optional.of("stars"), Optional.of("stars"), Optional.of("stars"), Optional.of("stars"),
                Optional.empty());
    }

    @Test
    void excludeAllLeavesOutEveryoneTiedAcrossTheCutOff() {
        Board board = Board.create(BoardSpec.of("stars", RankingOrder.score(0))
                .withTiers(new Tier("stars", 3, CutOffPolicy.EXCLUDE_ALL)), RUNTIME);
        IntStream.of(90, 80, 70, 70, 70, 60).forEach(s -> board.upsert(s * 10L + board.count(), board.count(),
                RankingOrder.score(0).keyOfUnscaled(s)));
        TierStatus stars = board.tier("stars");
        assertThat(stars.members()).isEqualTo(2);
        assertThat(stars.vacancies()).isEqualTo(1);
        assertThat(stars.overflow()).isZero();
        assertThat(stars.cutOff()).map(SortKey::score).contains(new BigDecimal("80"));
    }

    @Test
    void demonstrationProjectsAreTheBestOfTheKeyProjects() {
        Board projects = ProgrammeBoards.create(ProgrammePlan.of("SX-2024")
                .withQuotas(new Quotas(2, 4, 10, 10)), RUNTIME).projects();
        for (long id = 1; id <= 6; id++) {
            projects.upsert(Entry.of(id, id, RankingOrder.score(2).keyOfUnscaled(1000 - id))
                    .withFacet(ProgrammeBoards.REGION, id % 2 == 0 ? "Xi'an" : "Baoji"));
        }
        assertThat(projects.tierOf(1)).contains("demonstration");
        assertThat(projects.isMember(1, "key")).isTrue();
        assertThat(projects.tierOf(3)).contains("key");
        assertThat(projects.isMember(3, "demonstration")).isFalse();
        assertThat(projects.tierOf(5)).isEmpty();
        assertThat(projects.tierMembers("key", 1, 2).entries()).extracting(Standing::id).containsExactly(2L, 3L);

        BoardView xian = projects.filter(ProgrammeBoards.REGION, "Xi'an");
        assertThat(xian.top(10)).extracting(Standing::id, Standing::rank, Standing::tier).containsExactly(
                tuple(2L, 1, Optional.of("demonstration")), tuple(4L, 2, Optional.of("key")),
                tuple(6L, 3, Optional.empty()));
        assertThat(xian.tierMembers("key", 0, 10).total()).isEqualTo(2);
    }

    @Test
    void anUpdateMovesAnEntryBetweenFilteredViewsAtomically() {
        Board board = Board.create(BoardSpec.of("stars", RankingOrder.score(0)).withFacets("trade"), RUNTIME);
        SortKey key = RankingOrder.score(0).keyOfUnscaled(10);
        board.upsert(new Entry(7, 7, key, Map.of("trade", "welder")));
        assertThat(board.filter("trade", "welder").count()).isEqualTo(1);
        board.upsert(new Entry(7, 7, key, Map.of("trade", "electrician")));
        assertThat(board.filter("trade", "welder").count()).isZero();
        assertThat(board.filter("trade", "electrician").rank(7)).hasValue(1);
        assertThat(board.filter("trade", "fitter").top(5)).isEmpty();
        board.upsert(7, 7, key); // an upsert without facets clears them
        assertThat(board.filter("trade", "electrician").count()).isZero();
        assertThatThrownBy(() -> board.filter("trade", "welder").filter("trade", "x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFacetWithMoreValuesThanAByteCanCountKeepsEveryEntryInItsView() {
        Board board = Board.create(BoardSpec.of("stars", RankingOrder.score(0)).withFacets("region", "trade"),
                RUNTIME);
        // codes are stored in one byte per facet until a facet has more than 255 values; the 256th trade widens
        // them while 255 entries already hold theirs
        for (int id = 0; id < 600; id++) {
            board.upsert(new Entry(id, id, RankingOrder.score(0).keyOfUnscaled(id % 7),
                    Map.of("region", "r" + id % 3, "trade", "t" + id % 300)));
        }
        board.checkInvariants();
        assertThat(board.filter("trade", "t5").top(5)).extracting(Standing::id).containsExactly(5L, 305L);
        assertThat(board.filter("trade", "t299").top(5)).extracting(Standing::id).containsExactly(299L, 599L);
        assertThat(board.filter("region", "r1").count()).isEqualTo(200);
        board.upsert(new Entry(5, 5, RankingOrder.score(0).keyOfUnscaled(9),
                Map.of("region", "r1", "trade", "t299")));
        assertThat(board.filter("trade", "t5").top(5)).extracting(Standing::id).containsExactly(305L);
        assertThat(board.filter("trade", "t299").top(5)).extracting(Standing::id).containsExactly(5L, 299L, 599L);
        assertThat(board.filter("region", "r2").count()).isEqualTo(199);
        // entry 200 got trade code 201 while codes were bytes: leaving that trade must find it there
        board.upsert(new Entry(200, 200, RankingOrder.score(0).keyOfUnscaled(1), Map.of("trade", "t1")));
        assertThat(board.filter("trade", "t200").top(5)).extracting(Standing::id).containsExactly(500L);
        assertThat(board.filter("trade", "t1").top(5)).extracting(Standing::id).containsExactly(1L, 200L, 301L);
        board.checkInvariants();
    }

    @Test
    void aFrozenViewKeepsItsFilteredViewsAndTiersWhileTheLiveBoardMoves() {
        Board board = Board.create(BoardSpec.of("stars", RankingOrder.score(0)).withFacets("trade")
                .withTiers(Tier.of("top", 1)), RUNTIME);
        board.upsert(new Entry(1, 1, RankingOrder.score(0).keyOfUnscaled(10), Map.of("trade", "welder")));
        assertThat(board.freeze()).isEqualTo(NOW);
        board.upsert(new Entry(2, 2, RankingOrder.score(0).keyOfUnscaled(20), Map.of("trade", "welder")));
        BoardView frozen = board.publicView();
        assertThat(frozen.frozenAt()).contains(NOW);
        assertThat(frozen.filter("trade", "welder").top(5)).extracting(Standing::id).containsExactly(1L);
        assertThat(frozen.tierOf(1)).contains("top");
        assertThat(board.tierOf(1)).isEmpty();
        assertThat(board.freeze()).isEqualTo(NOW); // already frozen: unchanged
        assertThat(board.publicView()).isSameAs(frozen);
        board.unfreeze();
        assertThat(board.publicView().top(5)).extracting(Standing::id).containsExactly(2L, 1L);
    }

    @Test
    void rebuildReplacesEverythingAtOnce() {
        Board board = welders(RankStyle.STANDARD);
        long before = board.version();
        var entries = IntStream.range(0, 10_000)
                .mapToObj(i -> Entry.of(i, i, CHAIN.keyOfUnscaled(i % 100, i % 7))).toList();
        board.rebuild(entries.stream());
        assertThat(board.count()).isEqualTo(10_000);
        assertThat(board.version()).isGreaterThan(before);
        // total 99 is best; among those, completion time (i % 7) 0 is fastest: ids 399, 1099, 1799, ...
        assertThat(board.top(2)).extracting(Standing::id).containsExactly(399L, 1_099L);
        assertThat(board.page(0, 10_000).entries()).extracting(Standing::id).containsExactlyElementsOf(
                entries.stream().sorted(ReferenceBoard.DISPLAY_ORDER).map(Entry::id).toList());
        board.checkInvariants();
    }

    @Test
    void invalidInputIsRejectedWithAMessageThatSaysWhatWasWrong() {
        Board board = welders(RankStyle.STANDARD);
        SortKey alien = RankingOrder.score(2).keyOfUnscaled(1);
        assertThatThrownBy(() -> board.upsert(9, 9, alien)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to the ranking order of board 'welders'");
        assertThatThrownBy(() -> board.upsert(Entry.of(9, 9, key("1", 1)).withFacet("trade", "x")))
                .hasMessageContaining("board 'welders' has no facet 'trade'");
        assertThatThrownBy(() -> board.page(-1, 10)).hasMessage("offset must be >= 0 but was -1");
        assertThatThrownBy(() -> board.page(0, 10_001)).hasMessage("limit must be 0..10000 but was 10001");
        assertThatThrownBy(() -> board.tier("gold")).hasMessageContaining("board 'welders' has no tier 'gold'");
        assertThatThrownBy(() -> key("92.555", 1))
                .hasMessageContaining("value 92.555 of key 'total' does not fit scale 2 exactly");
        assertThatThrownBy(() -> CHAIN.keyOfUnscaled(1)).hasMessage("ranking order [total, seconds] needs 2 values but got 1");
        assertThatThrownBy(() -> board.rebuild(List.of(Entry.of(1, 1, key("1", 1)), Entry.of(1, 2, key("2", 1)))))
                .hasMessageContaining("entry id 1 appears twice");
        assertThat(board.count()).isEqualTo(5); // a failed rebuild changes nothing
        assertThatThrownBy(() -> BoardSpec.of("b", CHAIN).withTiers(Tier.of("key", 100), Tier.of("demo", 10)))
                .hasMessageContaining("most exclusive first");
        assertThatThrownBy(() -> new Quotas(11, 10, 1, 1)).hasMessageContaining("quotas.demonstrationAboveKey");
        assertThatThrownBy(() -> new ScaledKey("x", Order.DESCENDING, 19)).hasMessageContaining("0..18");
        assertThatThrownBy(() -> key("1", 1).compareTo(alien)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pagesAreImmutableSnapshotsThatLaterWritesDoNotChange() {
        Board board = welders(RankStyle.STANDARD);
        Page page = board.page(1, 3);
        List<Standing> before = List.copyOf(page.entries());
        board.upsert(3, 103, key("99.00", 1)); // moves to the top: every later position shifts
        board.remove(4);

        assertThat(page.entries()).isEqualTo(before)
                .extracting(Standing::id, Standing::rank, Standing::position)
                .containsExactly(tuple(3L, 2, 2), tuple(4L, 3, 3), tuple(1L, 3, 4));
        assertThat(page.entries().get(0).key()).isEqualTo(key("92.50", 2_900));
        assertThatThrownBy(() -> page.entries().add(before.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> page.entries().set(0, before.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> page.entries().get(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 3 of 3 standings");
        assertThat(board.top(2)).extracting(Standing::id).containsExactly(3L, 2L);
        assertThat(board.top(0)).isEmpty();
    }

    @Test
    void entriesThatComeAndGoLeaveEveryOtherEntryInPlaceAndEveryIdIsValid() {
        Board board = Board.create(BoardSpec.of("churn", CHAIN).withFacets("trade"), RUNTIME);
        // the first two are the ids the slot table uses to mark empty and freed cells
        long[] odd = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, 0, -1};
        for (long id : odd) {
            board.upsert(new Entry(id, 1, key("50.00", 1), Map.of("trade", "a")));
        }
        // five entries alive at a time, two thousand in all: freed cells pile up and the table is rebuilt often
        for (int round = 0; round < 2_000; round++) {
            board.upsert(new Entry(1_000 + round, 2, key("60.00", round), Map.of("trade", round % 2 == 0 ? "a" : "b")));
            if (round >= 5) {
                assertThat(board.remove(1_000 + round - 5)).isTrue();
            }
            board.checkInvariants();
        }
        assertThat(board.top(10)).extracting(Standing::id, Standing::rank).containsExactly(
                tuple(2_995L, 1), tuple(2_996L, 2), tuple(2_997L, 3), tuple(2_998L, 4), tuple(2_999L, 5),
                tuple(Long.MIN_VALUE, 6), tuple(Long.MIN_VALUE + 1, 6), tuple(-1L, 6), tuple(0L, 6),
                tuple(Long.MAX_VALUE, 6));
        assertThat(board.filter("trade", "b").top(10)).extracting(Standing::id).containsExactly(2_995L, 2_997L, 2_999L);
        assertThat(board.remove(Long.MIN_VALUE + 1)).isTrue();
        assertThat(board.rank(Long.MIN_VALUE + 1)).isEmpty();
        assertThat(board.rank(Long.MIN_VALUE)).hasValue(6);
        assertThat(board.remove(Long.MIN_VALUE + 1)).isFalse();
        assertThat(board.count()).isEqualTo(9);
    }

    @Test
    void aBoardHasAtMostOneHundredTiers() {
        Tier[] tiers = IntStream.rangeClosed(1, BoardSpec.MAX_TIERS + 1).mapToObj(q -> Tier.of("t" + q, q))
                .toArray(Tier[]::new);
        assertThatThrownBy(() -> BoardSpec.of("stars", CHAIN).withTiers(tiers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("board 'stars' has 101 tiers; at most 100 are allowed");
        Board board = Board.create(BoardSpec.of("stars", CHAIN)
                .withTiers(java.util.Arrays.copyOf(tiers, BoardSpec.MAX_TIERS)), RUNTIME);
        IntStream.range(0, 150).forEach(i -> board.upsert(i, i, key("50.00", i)));
        assertThat(board.atPosition(100)).flatMap(Standing::tier).contains("t100");
        assertThat(board.atPosition(1)).flatMap(Standing::tier).contains("t1");
        assertThat(board.atPosition(101)).flatMap(Standing::tier).isEmpty();
    }

    @Test
    void keysCompareBestFirstAndKeepTheirExactDecimals() {
        assertThat(key("95.00", 3_100).compareTo(key("92.50", 1))).isNegative();
        assertThat(key("92.50", 2_900).compareTo(key("92.50", 3_000))).isNegative();
        assertThat(key("92.5", 3_000)).isEqualTo(key("92.50", 3_000));
        assertThat(key("92.50", 3_000).compareTo(key("92.5", 3_000))).isZero();
        assertThat(key("92.50", 3_000).score()).isEqualTo(new BigDecimal("92.50"));
        assertThat(key("-3.25", 0).unscaled(0)).isEqualTo(-325);
        assertThat(key("92.50", 3_000)).hasToString("SortKey[total=92.50, seconds=3000]");
        // the extremes of a long are reserved (missing values); everything between them is a value
        SortKey lowest = CHAIN.keyOfUnscaled(Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);
        Board board = welders(RankStyle.STANDARD);
        board.upsert(Long.MIN_VALUE, 0, lowest);
        assertThat(board.rank(Long.MIN_VALUE)).hasValue(6);
        board.upsert(-7, 0, CHAIN.keyOfUnscaled(Long.MAX_VALUE - 1, Long.MIN_VALUE + 1));
        assertThat(board.rank(-7)).hasValue(1);
        assertThatThrownBy(() -> CHAIN.keyOfUnscaled(1, Long.MAX_VALUE)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> CHAIN.key(new BigDecimal(Long.MIN_VALUE).movePointLeft(2), BigDecimal.ONE))
                .hasMessageContaining("does not fit");
    }

    /**
     * A missing value (no completion time recorded) ranks after every present value of its key, whatever the key's
     * order, and ties with another missing value, as the scoring engine's {@code TieBreakKey} ranks it.
     */
    @Test
    void aMissingValueRanksAfterEveryPresentValueOfItsKey() {
        Board board = welders(RankStyle.STANDARD);
        board.upsert(6, 106, CHAIN.key(new BigDecimal("92.50"), null));   // no time, among the 92.50s
        board.upsert(7, 107, CHAIN.key(null, BigDecimal.ONE));            // no total at all
        board.upsert(8, 108, CHAIN.key(new BigDecimal("92.50"), null));   // tied with 6
        assertThat(board.top(10)).extracting(Standing::id, Standing::rank).containsExactly(tuple(2L, 1),
                tuple(3L, 2), tuple(4L, 3), tuple(1L, 3), tuple(6L, 5), tuple(8L, 5), tuple(5L, 7), tuple(7L, 8));
        SortKey noTime = board.standing(6).orElseThrow().key();
        assertThat(noTime.isMissing(1)).isTrue();
        assertThat(noTime.value(1)).isNull();
        assertThat(noTime.values()).containsExactly(new BigDecimal("92.50"), null);
        assertThat(noTime).hasToString("SortKey[total=92.50, seconds=missing]");
        // a descending key too: the missing total is last, not first
        assertThat(board.freeze()).isEqualTo(NOW);
        assertThat(board.publicView().page(0, 10).entries()).isEqualTo(board.page(0, 10).entries());
    }

    @Test
    void programmeBoardsHaveTheirTiersFacetsAndEvents() {
        var boards = ProgrammeBoards.create(ProgrammePlan.of("SX-2024"), RUNTIME);
        assertThat(boards.stars().spec().tiers()).containsExactly(Tier.of("stars", 1_000));
        assertThat(boards.projects().spec().tiers()).containsExactly(Tier.of("demonstration", 10),
                Tier.of("key", 100));
        assertThat(boards.enterprises().spec().tiers()).containsExactly(Tier.of("enterprises", 10_000));
        assertThat(boards.stars().spec().facets()).containsExactly("trade", "region", "keyArea");
        assertThat(boards.projects().name()).isEqualTo("SX-2024/projects");
        RankingRule<BigDecimal[]> rule = RankingRule.standard(TieBreakChain.of(
                        TieBreakKey.descending("total", (BigDecimal[] r) -> r[0]),
                        TieBreakKey.ascending("seconds", (BigDecimal[] r) -> r[1])),
                Comparator.comparing((BigDecimal[] r) -> r[0]));
        Board welding = boards.openEvent("welder", BoardRule.of(rule, 2));
        assertThat(welding.name()).isEqualTo("SX-2024/events/welder");
        assertThat(welding.spec().order()).isEqualTo(RankingOrder.of(ScaledKey.descending("total", 2),
                ScaledKey.ascending("seconds", 2)));
        assertThat(welding.spec().facets()).containsExactly("region");
        assertThat(boards.event("welder")).containsSame(welding);
        assertThatThrownBy(() -> boards.openEvent("welder", BoardRule.of(rule.withStyle(RankStyle.DENSE), 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has a board");
        assertThat(boards.all()).hasSize(4);
        boards.freezeAll();
        assertThat(boards.all()).allMatch(Board::isFrozen);
        boards.unfreezeAll();
        assertThat(boards.all()).noneMatch(Board::isFrozen);
        assertThat(boards.closeEvent("welder")).isTrue();
        assertThat(boards.event("welder")).isEmpty();
    }
}
