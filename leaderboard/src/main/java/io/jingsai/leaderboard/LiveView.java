package io.jingsai.leaderboard;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The live content of a board, or of one facet value of it. */
final class LiveView extends AbstractView {

    private final Board board;
    private final int dimension; // -1: the whole board
    private final String value;

    LiveView(Board board, int dimension, String value) {
        super(board.spec());
        this.board = board;
        this.dimension = dimension;
        this.value = value;
    }

    @Override
    <T> T read(Function<Ordering, T> query) {
        return dimension < 0
                ? board.read(state -> query.apply(LiveOrdering.main(state)))
                : board.read(state -> query.apply(LiveOrdering.facet(state, dimension, value)));
    }

    @Override
    public BoardView filter(String facet, String facetValue) {
        if (dimension >= 0) {
            throw new IllegalStateException("view '" + spec.facets().get(dimension) + "=" + value
                    + "' is already filtered; filter the board instead");
        }
        return new LiveView(board, spec.facetIndex(facet), Objects.requireNonNull(facetValue, "value"));
    }

    @Override
    public long version() {
        return board.read(state -> state.version);
    }

    @Override
    public Optional<Instant> frozenAt() {
        return Optional.empty();
    }
}
