package io.jingsai.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;

/**
 * A live leaderboard: entries ranked by a {@link RankingOrder}, with nested {@link Tier}s, facet-filtered views, a
 * freezable public view and a coalesced change feed. Create one with {@link #create} or through
 * {@link ProgrammeBoards}.
 *
 * <p><b>Writes</b> ({@link #upsert}, {@link #rescore}, {@link #remove}) are O(log n) and linearizable: each takes
 * effect atomically at one instant, on the board and on all its filtered views together. {@link #rebuild} replaces
 * the whole content atomically (O(n log n), about a second for a million entries).
 *
 * <p><b>Reads</b> (the {@link BoardView} methods, on the live content) each see one consistent state. They run
 * optimistically without locking and are retried under a read lock only if a write intervened, so readers never
 * block writers and wait at most one write long.
 *
 * <p><b>Public view.</b> {@link #freeze()} fixes what the public sees ({@link #publicView()}, {@link #changes()}) as
 * of that instant (or {@link #freeze(Iterable, Instant)} as another copy of the board was), while organizers keep
 * reading and writing the live board; the change feed publishes the freeze once (its events say since when the view
 * is frozen) and nothing more until {@link #unfreeze()} publishes the live state at once.
 *
 * <p>Thread-safe. Ids are any {@code long}; invalid input is rejected with {@link IllegalArgumentException} or
 * {@link NullPointerException} before anything changes.
 */
public final class Board implements BoardView {

    private final BoardSpec spec;
    private final BoardRuntime runtime;
    private final StampedLock lock = new StampedLock();
    private BoardState state;                // replaced only by rebuild, under the write lock
    private volatile FrozenView frozen;      // null while the public sees the live board
    private final Object freezeMonitor = new Object();
    private final LiveView live;
    private final ChangeFeed feed;

    private Board(BoardSpec spec, BoardRuntime runtime, int expectedEntries) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.state = new BoardState(spec, expectedEntries);
        this.live = new LiveView(this, -1, null);
        this.feed = new ChangeFeed(this, runtime);
    }

    /** An empty board. */
    public static Board create(BoardSpec spec, BoardRuntime runtime) {
        return new Board(spec, runtime, 16);
    }

    /** An empty board presized for about {@code expectedEntries} entries. */
    public static Board create(BoardSpec spec, BoardRuntime runtime, int expectedEntries) {
        if (expectedEntries < 0) {
            throw new IllegalArgumentException("expectedEntries must be >= 0 but was " + expectedEntries);
        }
        return new Board(spec, runtime, expectedEntries);
    }

    /** What this board is. */
    public BoardSpec spec() {
        return spec;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Adds the entry or replaces the entry with the same id (its key, display key and facets).
     *
     * @return false if the board already held exactly this entry (nothing changed)
     * @throws IllegalArgumentException if the key belongs to another ranking order or a facet is not declared
     */
    public boolean upsert(Entry entry) {
        validate(spec, entry);
        long stamp = lock.writeLock();
        try {
            return state.upsert(entry.id(), entry.displayKey(), entry.key(), entry.facets());
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** {@link #upsert(Entry)} of an entry without facets. */
    public boolean upsert(long id, long displayKey, SortKey key) {
        SortKey.requireOrder(key, spec.order(), spec.name());
        long stamp = lock.writeLock();
        try {
            return state.upsert(id, displayKey, key, java.util.Map.of());
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * {@link #upsert(long, long, SortKey)} and {@link #rank(long)} in one atomic step: the rank the entry has right
     * after the update (what a judge's console shows after a mark is published). Cheaper than the two calls.
     */
    public int upsertAndRank(long id, long displayKey, SortKey key) {
        SortKey.requireOrder(key, spec.order(), spec.name());
        long stamp = lock.writeLock();
        try {
            return state.upsertAndRank(id, displayKey, key, java.util.Map.of());
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Changes the key of an existing entry, keeping its display key and facets: one published result moving an
     * entry.
     *
     * @return false if the id is not on the board or already had this key (nothing changed)
     */
    public boolean rescore(long id, SortKey key) {
        SortKey.requireOrder(key, spec.order(), spec.name());
        long stamp = lock.writeLock();
        try {
            return state.rescore(id, key);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Removes an entry.
     *
     * @return false if the id was not on the board
     */
    public boolean remove(long id) {
        long stamp = lock.writeLock();
        try {
            return state.remove(id);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Replaces the whole content with {@code entries}, atomically: the new content is built without blocking
     * anyone, then swapped in. Writes that complete while the rebuild is being built are lost.
     *
     * @throws IllegalArgumentException if an entry is invalid or an id appears twice (the board is then unchanged)
     */
    public void rebuild(Iterable<? extends Entry> entries) {
        int expected = entries instanceof java.util.Collection<?> c ? c.size() : 16;
        BoardState fresh = new BoardState(spec, expected);
        fresh.load(entries);
        long stamp = lock.writeLock();
        try {
            fresh.version = state.version + 1;
            state = fresh;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** {@link #rebuild(Iterable)} from a stream (consumed once). */
    public void rebuild(Stream<? extends Entry> entries) {
        Iterable<Entry> once = () -> entries.<Entry>map(e -> e).iterator();
        rebuild(once);
    }

    static void validate(BoardSpec spec, Entry entry) {
        Objects.requireNonNull(entry, "entry");
        SortKey.requireOrder(entry.key(), spec.order(), spec.name());
        for (String facet : entry.facets().keySet()) {
            spec.facetIndex(facet);
        }
    }

    // ---------------------------------------------------------------- freeze and feed

    /**
     * Freezes the public view as it is now (an O(n) copy); the live board keeps changing. If the board is already
     * frozen, nothing changes.
     *
     * @return when the public view was frozen
     */
    public Instant freeze() {
        synchronized (freezeMonitor) {
            FrozenView current = frozen;
            if (current != null) {
                return current.frozenAt().orElseThrow();
            }
            Instant at = runtime.clock().instant();
            frozen = new FrozenView(read(s -> FrozenBoard.capture(s, at)));
            return at;
        }
    }

    /**
     * Freezes the public view with the given content rather than the live one: the board as it was at {@code at}
     * elsewhere (another copy of it, or this one before a restart), so that every copy shows the same frozen view.
     * Replaces a frozen view already in place; the live board is untouched. The change feed publishes the frozen
     * view at its next tick.
     *
     * @return the new public view
     * @throws IllegalArgumentException if an entry is invalid or an id appears twice (nothing changes then)
     */
    public BoardView freeze(Iterable<? extends Entry> content, Instant at) {
        Objects.requireNonNull(at, "at");
        BoardState copy = new BoardState(spec, content instanceof java.util.Collection<?> c ? c.size() : 16);
        copy.load(content);
        FrozenView view = new FrozenView(FrozenBoard.capture(copy, at));
        synchronized (freezeMonitor) {
            frozen = view;
        }
        return view;
    }

    /**
     * Makes the public view live again and publishes the live state on the change feed at once.
     *
     * @return false if the board was not frozen
     */
    public boolean unfreeze() {
        synchronized (freezeMonitor) {
            if (frozen == null) {
                return false;
            }
            frozen = null;
        }
        feed.publishIfChanged();
        return true;
    }

    /** Whether the public view is frozen. */
    public boolean isFrozen() {
        return frozen != null;
    }

    /** What the public sees: the frozen view while frozen, otherwise the live board itself. */
    public BoardView publicView() {
        FrozenView current = frozen;
        return current != null ? current : this;
    }

    /**
     * The public view's change feed: a hot {@link Flux} that starts each subscriber with a
     * {@link BoardChange.Snapshot} and then sends one {@link BoardChange.Delta} per tick in which the public view
     * changed (ticks run on the {@link BoardRuntime}'s scheduler while anybody subscribes). Each subscriber has a
     * latest-only buffer: a slow subscriber never slows the board or other subscribers; it skips ahead and receives
     * a fresh snapshot instead of deltas it missed. Never completes; cancel to unsubscribe.
     */
    public Flux<BoardChange> changes() {
        return feed.changes();
    }

    AbstractView publicAbstractView() {
        FrozenView current = frozen;
        return current != null ? current : live;
    }

    // ---------------------------------------------------------------- reads

    /**
     * Runs a side-effect-free query against one consistent state: optimistically first, under the read lock if a
     * writer intervened (the optimistic run may then have seen torn data or thrown; its result is discarded).
     */
    <T> T read(Function<BoardState, T> query) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0L) {
            try {
                T result = query.apply(state);
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException | StackOverflowError tornRead) {
                if (lock.validate(stamp)) {
                    throw tornRead; // nothing intervened: a genuine failure
                }
            }
        }
        stamp = lock.readLock();
        try {
            return query.apply(state);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** The live content's version, read without locking unless a writer intervenes. */
    long liveVersion() {
        long stamp = lock.tryOptimisticRead();
        long version = state.version;
        if (stamp != 0L && lock.validate(stamp)) {
            return version;
        }
        stamp = lock.readLock();
        try {
            return state.version;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** The height of the main tree; used by tests. */
    int height() {
        return read(s -> s.main.all.height());
    }

    /** Checks every internal invariant under the read lock; used by tests. */
    void checkInvariants() {
        long stamp = lock.readLock();
        try {
            state.checkInvariants();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int count() {
        return live.count();
    }

    @Override
    public OptionalInt rank(long id) {
        return live.rank(id);
    }

    @Override
    public Optional<Standing> standing(long id) {
        return live.standing(id);
    }

    @Override
    public Page page(int offset, int limit) {
        return live.page(offset, limit);
    }

    @Override
    public List<Standing> top(int k) {
        return live.top(k);
    }

    @Override
    public List<Standing> around(long id, int k) {
        return live.around(id, k);
    }

    @Override
    public Optional<Standing> atPosition(int position) {
        return live.atPosition(position);
    }

    @Override
    public Optional<Standing> atRank(int rank) {
        return live.atRank(rank);
    }

    @Override
    public List<TierStatus> tiers() {
        return live.tiers();
    }

    @Override
    public TierStatus tier(String tier) {
        return live.tier(tier);
    }

    @Override
    public Optional<String> tierOf(long id) {
        return live.tierOf(id);
    }

    @Override
    public boolean isMember(long id, String tier) {
        return live.isMember(id, tier);
    }

    @Override
    public Page tierMembers(String tier, int offset, int limit) {
        return live.tierMembers(tier, offset, limit);
    }

    @Override
    public BoardView filter(String facet, String value) {
        return live.filter(facet, value);
    }

    @Override
    public List<List<Standing>> unresolvedTies() {
        return live.unresolvedTies();
    }

    @Override
    public long version() {
        return live.version();
    }

    @Override
    public Optional<Instant> frozenAt() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Board[" + spec.name() + ", " + count() + " entries" + (isFrozen() ? ", frozen" : "") + "]";
    }
}
