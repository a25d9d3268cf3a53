package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.TiePolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The edges of a board: empty, one entry, everyone tied, the last member of a tier leaving, a quota of 0. */
class BoardEdgeCasesTest {

    private static final BoardRuntime RUNTIME = BoardRuntime.of(
            Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
    private static final RankingOrder ORDER = RankingOrder.score(0);

    private static Board board(RankStyle style, Tier... tiers) {
        return Board.create(BoardSpec.of("edge", ORDER).withStyle(style).withTiers(tiers)
                .withTiePolicy(TiePolicy.FORCE_DISTINCT).withFacets("region"), RUNTIME);
    }

    @ParameterizedTest
    @EnumSource(RankStyle.class)
    void anEmptyBoardAnswersEveryQueryEmpty(RankStyle style) {
        Board board = board(style, Tier.of("gold", 3));
        for (BoardView view : new BoardView[] {board, board.filter("region", "x")}) {
            assertThat(view.count()).isZero();
            assertThat(view.page(0, 10).entries()).isEmpty();
            assertThat(view.page(5, 10).hasNext()).isFalse();
            assertThat(view.top(3)).isEmpty();
            assertThat(view.around(1, 2)).isEmpty();
            assertThat(view.atPosition(1)).isEmpty();
            assertThat(view.atRank(1)).isEmpty();
            assertThat(view.rank(1)).isEmpty();
            assertThat(view.tiers()).containsExactly(new TierStatus("gold", 3, CutOffPolicy.INCLUDE_ALL, 0,
                    Optional.empty()));
            assertThat(view.tierMembers("gold", 0, 10).entries()).isEmpty();
            assertThat(view.unresolvedTies()).isEmpty();
        }
        assertThat(board.remove(1)).isFalse();
        board.freeze();
        assertThat(board.publicView().page(0, 10).entries()).isEmpty();
        assertThat(board.publicView().tiers().get(0).members()).isZero();
    }

    @ParameterizedTest
    @EnumSource(RankStyle.class)
    void oneEntryIsFirstAndInEveryTier(RankStyle style) {
        Board board = board(style, Tier.of("gold", 1), new Tier("silver", 5, CutOffPolicy.EXCLUDE_ALL));
        board.upsert(Entry.of(7, 1, ORDER.keyOfUnscaled(90)));
        assertThat(board.top(5)).extracting(Standing::id, Standing::rank, Standing::position, Standing::tier)
                .containsExactly(tuple(7L, 1, 1, Optional.of("gold")));
        assertThat(board.atRank(1)).map(Standing::id).contains(7L);
        assertThat(board.around(7, 3)).hasSize(1);
        assertThat(board.tiers()).extracting(TierStatus::members, TierStatus::overflow, TierStatus::vacancies)
                .containsExactly(tuple(1, 0, 0), tuple(1, 0, 4));
        assertThat(board.unresolvedTies()).isEmpty();
    }

    /** Five entries all tied: every style gives them one rank (1, 1 or 5); a cut-off inside takes all or none. */
    @ParameterizedTest
    @EnumSource(RankStyle.class)
    void everyoneTied(RankStyle style) {
        Board board = board(style, new Tier("include", 2, CutOffPolicy.INCLUDE_ALL),
                new Tier("chain", 2, CutOffPolicy.BREAK_BY_CHAIN), new Tier("exclude", 3, CutOffPolicy.EXCLUDE_ALL));
        for (long id = 1; id <= 5; id++) {
            board.upsert(Entry.of(id, 10 - id, ORDER.keyOfUnscaled(80)));
        }
        int rank = style == RankStyle.MODIFIED ? 5 : 1;
        assertThat(board.top(5)).extracting(Standing::id, Standing::rank)
                .containsExactly(tuple(5L, rank), tuple(4L, rank), tuple(3L, rank), tuple(2L, rank), tuple(1L, rank));
        assertThat(board.atRank(rank)).map(Standing::id).contains(5L);
        assertThat(board.atRank(rank == 1 ? 2 : 1)).isEmpty();
        assertThat(board.tiers()).extracting(TierStatus::members, TierStatus::overflow, TierStatus::vacancies)
                .containsExactly(tuple(5, 3, 0), tuple(5, 3, 0), tuple(0, 0, 3));
        assertThat(board.unresolvedTies()).hasSize(1);
        assertThat(board.unresolvedTies().get(0)).extracting(Standing::id).containsExactly(5L, 4L, 3L, 2L, 1L);
        board.upsert(Entry.of(3, 7, ORDER.keyOfUnscaled(81))); // the chief judge's decision separates one
        assertThat(board.unresolvedTies()).hasSize(1);
        assertThat(board.unresolvedTies().get(0)).extracting(Standing::id).containsExactly(5L, 4L, 2L, 1L);
    }

    @Test
    void theLastMemberOfATierLeaving() {
        Board board = board(RankStyle.STANDARD, Tier.of("gold", 1), Tier.of("silver", 3));
        board.upsert(Entry.of(1, 1, ORDER.keyOfUnscaled(90)));
        board.upsert(Entry.of(2, 2, ORDER.keyOfUnscaled(80)));
        board.upsert(Entry.of(3, 3, ORDER.keyOfUnscaled(70)));
        board.upsert(Entry.of(4, 4, ORDER.keyOfUnscaled(60)));
        assertThat(board.tierOf(4)).isEmpty();
        assertThat(board.remove(3)).isTrue(); // the last silver member leaves: the next entry moves up into silver
        assertThat(board.tierOf(4)).contains("silver");
        assertThat(board.remove(1)).isTrue(); // the only gold member leaves: the best remaining takes gold
        assertThat(board.tierOf(2)).contains("gold");
        assertThat(board.top(3)).extracting(Standing::id, Standing::rank, Standing::tier)
                .containsExactly(tuple(2L, 1, Optional.of("gold")), tuple(4L, 2, Optional.of("silver")));
        assertThat(board.remove(2)).isTrue();
        assertThat(board.remove(4)).isTrue(); // the last entry of the board
        assertThat(board.tiers()).extracting(TierStatus::members).containsExactly(0, 0);
        assertThat(board.tiers()).extracting(TierStatus::cutOff).containsOnly(Optional.empty());
        board.checkInvariants();
    }

    /** A quota of 0 holds nobody, whatever the policy and however many are tied at the top (as a band of 0 places). */
    @ParameterizedTest
    @EnumSource(CutOffPolicy.class)
    void aQuotaOfZeroHoldsNobody(CutOffPolicy policy) {
        Board board = board(RankStyle.STANDARD, new Tier("none", 0, policy), new Tier("also", 0, policy),
                Tier.of("some", 1));
        board.upsert(Entry.of(1, 1, ORDER.keyOfUnscaled(90)));
        board.upsert(Entry.of(2, 2, ORDER.keyOfUnscaled(90)));
        assertThat(board.tiers()).extracting(TierStatus::tier, TierStatus::members, TierStatus::vacancies)
                .containsExactly(tuple("none", 0, 0), tuple("also", 0, 0), tuple("some", 2, 0));
        assertThat(board.tierOf(1)).contains("some");
        assertThat(board.isMember(1, "none")).isFalse();
        assertThat(board.tierMembers("none", 0, 10).entries()).isEmpty();
        board.freeze();
        assertThat(board.publicView().tierOf(2)).contains("some");
    }
}
