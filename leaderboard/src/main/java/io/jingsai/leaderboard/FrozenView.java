package io.jingsai.leaderboard;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The public view of a frozen board, or a filtered view of it. Immutable. */
final class FrozenView extends AbstractView {

    private final FrozenBoard board;
    private final Ordering ordering;
    private final ConcurrentHashMap<String, FrozenView> filters; // null on a filtered view

    FrozenView(FrozenBoard board) {
        this(board, board.main(), new ConcurrentHashMap<>());

    }

    private FrozenView(FrozenBoard board, Ordering ordering, ConcurrentHashMap<String, FrozenView> filters) {
        super(board.spec);
        this.board = board;
        this.ordering = ordering;
        this.filters = filters;
    }

    @Override
    <T> T read(Function<Ordering, T> query) {
        return query.apply(ordering);
    }

    @Override
    public BoardView filter(String facet, String value) {
        int dimension = spec.facetIndex(facet);
        if (filters == null) {
            throw new IllegalStateException("a filtered view cannot be filtered again; filter the board instead");
        }
        java.util.Objects.requireNonNull(value, "value");
        return filters.computeIfAbsent(facet + '\u0000' + value,
                k -> new FrozenView(board, board.facet(dimension, value), null));
    }

    @Override
    public long version() {
        return board.version;
    }

    @Override
    public Optional<Instant> frozenAt() {
        return Optional.of(board.frozenAt);
    }
}
