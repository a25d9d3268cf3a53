package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardStateTest {

    /**
     * The slot table's cells are most of a board's memory, so a growing board keeps between 68 % and 80 % of them
     * in use (doubling would let that fall to 40 %), whether it started empty or presized.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1_000, 50_000})
    void aGrowingTableKeepsItsCellsSixtyEightToEightyPercentUsed(int expected) {
        var order = RankingOrder.score(0);
        var state = new BoardState(BoardSpec.of("growth", order).withFacets("trade"), expected);
        for (int id = 0; id < 200_000; id++) {
            state.upsert(id * 7919L, id, order.keyOfUnscaled(id % 1_000), Map.of("trade", "t" + id % 5));
            if (id >= Math.max(100, expected)) {
                double load = state.size() / (double) state.cells();
                assertThat(load).as("load at %d entries", state.size()).isBetween(0.68, 0.8);
            }
        }
    }
}
