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

    /** The first entries of one version of the board, shared by every reader until the next write. */
    private record TopCache(long version, int total, StandingList top) {
    }

    private volatile TopCache topCache;

    /**
     * Pages at offset 0 of up to {@link #TOP_CACHE_SIZE} entries (dashboards polling the top) are served from a
     * cache that is valid for exactly one board version: computed in one consistent read, returned only while the
     * board is still at that version, so the result is the same as an uncached read at that instant.
     */
    static final int TOP_CACHE_SIZE = 100;

    @Override
    public Page page(int offset, int limit) {
        if (dimension >= 0 || offset != 0 || limit > TOP_CACHE_SIZE) {
            return super.page(offset, limit);
        }
        checkPage(offset, limit);
        TopCache cached = topCache;
        if (cached == null || cached.version() != board.liveVersion()) {
            cached = read(o -> new TopCache(o.version(), o.size(), o.collect(0, TOP_CACHE_SIZE)));
            topCache = cached;
        }
        // the cached list is immutable: a page shares its arrays instead of copying
        return new Page(0, limit, cached.total(), cached.top().head(limit));
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
        return board.liveVersion();
    }

    @Override
    public Optional<Instant> frozenAt() {
        return Optional.empty();
    }
}
