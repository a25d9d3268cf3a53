package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.RankStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutable content of a board: the slot table, the main {@link RankIndex} and one index per facet value.
 *
 * <p>The slot table is an open-addressing hash table (linear probing) whose cells are the entries' records: id,
 * display key and normalised key values, side by side. A slot is a cell number, so finding an entry by id lands on
 * its record: one cache miss for both, where a separate id map and record array cost two. Cells never move while
 * entries come and go (the trees refer to them): a removed entry's cell is marked freed, and probes pass it;
 * when used cells would pass 80 % of the table, it is rebuilt at 68 % use without freed cells and every tree's
 * slots are renumbered (O(n), amortised over the inserts that filled it). The ids {@link #EMPTY} and
 * {@link #FREED}, which mark cells, live in two extra cells after the table, so that every {@code long} remains a
 * valid id.
 *
 * <p>Memory per entry is (16 + 8 × criteria + facets × 1, 2 or 4 bytes, see {@link FacetCodes}) / load (0.68–0.8)
 * for the table plus 14–17 bytes per tree the entry is in. Writers hold the board's write lock; readers read
 * optimistically and validate (see {@link Board}).
 */
final class BoardState implements OrderTree.SlotOrder {

    final BoardSpec spec;
    final int width;
    /** Longs per slot record: id, display key, then the {@link #width} normalised key values. */
    final int stride;
    final int facetCount;
    final boolean dense;
    final List<Optional<String>> tierLabels;

    /** Cell id of a cell never used since the table was built. */
    static final long EMPTY = Long.MIN_VALUE;
    /** Cell id of a cell whose entry was removed: lookups probe past it, a new entry may take it. */
    static final long FREED = Long.MIN_VALUE + 1;

    long[] records;    // per cell: id, display key, key values normalised so that smaller is better; 2 extra cells
    private FacetCodes facetCodes;
    private int size;
    private int used;  // cells holding an entry or freed, not counting the two extra cells
    private boolean emptyIdUsed;  // whether entry EMPTY occupies the first extra cell
    private boolean freedIdUsed;  // whether entry FREED occupies the second
    private int putSlot; // the slot the last put wrote

    /** The main board's tier members at one version; see {@link LiveOrdering}. Immutable, shared racily. */
    record TierCut(long version, int[] members) {
    }

    TierCut tierCut;

    final RankIndex main;
    final FacetDimension[] dimensions;
    long version;

    private static final java.lang.invoke.VarHandle VERSION;

    static {
        try {
            VERSION = java.lang.invoke.MethodHandles.lookup().findVarHandle(BoardState.class, "version", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Ends a write: a release store, so that a racing reader that sees the new version also sees everything the
     * write changed (which is what lets readers cache derived data by version, see {@link #versionAcquired()}).
     */
    private void bumpVersion() {
        VERSION.setRelease(this, version + 1);
    }

    /** The version with acquire semantics: the content read afterwards is at least as new as this version. */
    long versionAcquired() {
        return (long) VERSION.getAcquire(this);
    }

    /** The values of one facet: codes 1..n and one rank index per value. */
    static final class FacetDimension {
        final Map<String, Integer> codes = new ConcurrentHashMap<>();
        volatile RankIndex[] indexes = new RankIndex[0];
        volatile String[] values = new String[0];

        int codeOf(String value) {
            Integer code = codes.get(value);
            return code == null ? 0 : code;
        }

        RankIndex index(int code) {
            RankIndex[] current = indexes;
            return code < 1 || code > current.length ? null : current[code - 1];
        }
    }

    BoardState(BoardSpec spec, int expected) {
        this.spec = spec;
        this.width = spec.order().size();
        this.stride = 2 + width;
        this.facetCount = spec.facets().size();
        this.dense = spec.style() == RankStyle.DENSE;
        this.tierLabels = Tiers.labels(spec);
        int cells = (int) Math.max(16, Math.min(maxCells(), (long) (expected / 0.7) + 1));
        records = emptyRecords(cells);
        facetCodes = new FacetCodes(facetCount, cells + 2);
        main = new RankIndex(this, spec.style());
        dimensions = new FacetDimension[facetCount];
        for (int i = 0; i < facetCount; i++) {
            dimensions[i] = new FacetDimension();
        }
    }

    int size() {
        return size;
    }

    /** Cells in the slot table, not counting the two extra cells. */
    int cells() {
        return records.length / stride - 2;
    }

    // ---------------------------------------------------------------- the slot table

    private long[] emptyRecords(int cells) {
        long[] fresh = new long[(cells + 2) * stride];
        for (int c = 0; c < cells; c++) {
            fresh[c * stride] = EMPTY;
        }
        return fresh;
    }

    /**
     * The most cells in use (entries and freed cells) before the table is rebuilt. Linear probing lengthens quickly
     * beyond it; up to it, lookups cost the same: SameJvmAB at 10^6 entries, a table 79 % used against one 70 %
     * used, random re-score 1.009 and 1.017 (builds in both orders), rank 1.007 and 1.011.
     */
    private static final double MAX_LOAD = 0.8;

    /**
     * The load a full table is rebuilt to. Cells are most of a board's memory (id, display key, key values and facet
     * codes: 51 bytes for a four-criterion chain and three facets), and a cell divided by the load is their cost per
     * entry: growing to 0.68 keeps the load within 0.68-0.8, where doubling let it fall to 0.4 at this maximum. The
     * price is more frequent rebuilds, each O(n): about seven record moves per entry amortised instead of two.
     */
    private static final double GROWN_LOAD = 0.68;

    /** The most cells one {@code long[]} of records can hold. */
    private int maxCells() {
        return (Integer.MAX_VALUE - 16) / stride - 2;
    }

    private static int home(long id, int cells) {
        long h = id * 0x9E3779B97F4A7C15L;
        // the high 32 bits of the product, scaled to the table: no power-of-two table size needed
        return (int) (((h >>> 32) * cells) >>> 32);
    }

    /** The slot of {@code id}, or -1. Probes are bounded, so a reader racing a writer always ends. */
    int slotOf(long id) {
        long[] r = records;
        int st = stride;
        int cells = r.length / st - 2;
        if (id == EMPTY || id == FREED) {
            boolean present = id == EMPTY ? emptyIdUsed : freedIdUsed;
            return present ? cells + (id == EMPTY ? 0 : 1) : -1;
        }
        int i = home(id, cells);
        for (int probes = 0; probes < cells; probes++) {
            long cell = r[i * st];
            if (cell == id) {
                return i;
            }
            if (cell == EMPTY) {
                return -1;
            }
            if (++i == cells) {
                i = 0;
            }
        }
        return -1;
    }

    /** Takes a cell for an id that is not on the board, after growing or cleaning the table if it is full. */
    private int claim(long id) {
        int cells = cells();
        if (id == EMPTY || id == FREED) {
            size++;
            if (id == EMPTY) {
                emptyIdUsed = true;
                return cells;
            }
            freedIdUsed = true;
            return cells + 1;
        }
        if (used + 1 > cells * MAX_LOAD) {
            if (size + 1 > maxCells() * MAX_LOAD) {
                throw new IllegalStateException("board '" + spec.name() + "' is full at " + size + " entries");
            }
            rehash((int) Math.max(16, Math.min(maxCells(), (long) ((size + 1) / GROWN_LOAD))));
            cells = cells();
        }
        int i = home(id, cells);
        while (records[i * stride] != EMPTY && records[i * stride] != FREED) {
            if (++i == cells) {
                i = 0;
            }
        }
        if (records[i * stride] == EMPTY) {
            used++;
        }
        records[i * stride] = id;
        size++;
        return i;
    }

    private void free(int slot) {
        int cells = cells();
        size--;
        if (slot == cells) {
            emptyIdUsed = false;
        } else if (slot == cells + 1) {
            freedIdUsed = false;
        } else {
            records[slot * stride] = FREED;
        }
    }

    /** Moves every entry into a table of {@code cells} cells without freed ones, renumbering every tree's slots. */
    private void rehash(int cells) {
        long[] old = records;
        FacetCodes oldCodes = facetCodes;
        int oldCells = cells();
        long[] fresh = emptyRecords(cells);
        FacetCodes codes = oldCodes.emptyCopy(cells + 2);
        int[] moved = new int[oldCells + 2];
        for (int c = 0; c < oldCells + 2; c++) {
            int to;
            if (c >= oldCells) {
                to = cells + c - oldCells;
            } else if (old[c * stride] == EMPTY || old[c * stride] == FREED) {
                moved[c] = -1;
                continue;
            } else {
                to = home(old[c * stride], cells);
                while (fresh[to * stride] != EMPTY) {
                    if (++to == cells) {
                        to = 0;
                    }
                }
            }
            System.arraycopy(old, c * stride, fresh, to * stride, stride);
            codes.copyCell(oldCodes, c, to);
            moved[c] = to;
        }
        main.renumber(moved);
        for (FacetDimension dimension : dimensions) {
            for (RankIndex facetIndex : dimension.indexes) {
                facetIndex.renumber(moved);
            }
        }
        records = fresh;
        facetCodes = codes;
        used = size - (emptyIdUsed ? 1 : 0) - (freedIdUsed ? 1 : 0);
    }

    /** The slots holding entries, in cell order. */
    private int[] occupiedSlots() {
        int cells = cells();
        int[] slots = new int[size];
        int n = 0;
        for (int c = 0; c < cells; c++) {
            long id = records[c * stride];
            if (id != EMPTY && id != FREED) {
                slots[n++] = c;
            }
        }
        if (emptyIdUsed) {
            slots[n++] = cells;
        }
        if (freedIdUsed) {
            slots[n++] = cells + 1;
        }
        return slots;
    }

    // ---------------------------------------------------------------- slot order

    long id(int slot) {
        return records[slot * stride];
    }

    long displayKey(int slot) {
        return records[slot * stride + 1];
    }

    long primary(int slot) {
        return records[slot * stride + 2];
    }

    /** Where the slot's normalised key values start in {@link #records}. */
    int keyOffset(int slot) {
        return slot * stride + 2;
    }

    @Override
    public int compareKey(int a, int b) {
        long[] r = records;
        int ka = keyOffset(a);
        int kb = keyOffset(b);
        for (int i = 1; i < width; i++) {
            long x = r[ka + i];
            long y = r[kb + i];
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return 0;
    }

    @Override
    public int compareFull(int a, int b) {
        if (a == b) {
            return 0;
        }
        int c = compareKey(a, b);
        if (c != 0) {
            return c;
        }
        c = Long.compare(displayKey(a), displayKey(b));
        return c != 0 ? c : Long.compare(id(a), id(b));
    }

    boolean sameKey(int a, int b) {
        return primary(a) == primary(b) && compareKey(a, b) == 0;
    }

    int facetCode(int slot, int dimension) {
        return facetCodes.get(slot, dimension);
    }

    SortKey keyOf(int slot) {
        return SortKey.fromNormalized(spec.order(), records, keyOffset(slot));
    }

    // ---------------------------------------------------------------- writes (under the write lock)

    /** Inserts or replaces an entry; returns false if the entry was already exactly so. */
    boolean upsert(long id, long displayKey, SortKey key, Map<String, String> facets) {
        return put(id, displayKey, key, facets) >= 0;
    }

    /** Inserts or replaces an entry; returns its rank afterwards. */
    int upsertAndRank(long id, long displayKey, SortKey key, Map<String, String> facets) {
        int position = put(id, displayKey, key, facets);
        int slot = putSlot;
        return position >= 0 ? main.rankOfAdded(primary(slot), slot, position) : main.rank(primary(slot), slot);
    }

    /** Inserts or replaces an entry; returns its new main-board position, or -1 if nothing changed. */
    private int put(long id, long displayKey, SortKey key, Map<String, String> facets) {
        // first, while nothing is waiting for memory yet: started any later, these misses would follow the
        // lookup's instead of overlapping with them (measured)
        main.fetchAhead(key.normalized(0));
        int slot = slotOf(id);
        int[] codes = codesOf(facets);
        putSlot = slot;
        if (slot >= 0) {
            if (unchanged(slot, displayKey, key, codes)) {
                return -1;
            }
            if (!dense && sameFacets(slot, codes)) {
                int position = move(slot, displayKey, key);
                bumpVersion();
                return position;
            }
            unlink(slot);
            // an existing entry keeps its id; its record was just read, so this write stays in cache
            records[slot * stride + 1] = displayKey;
            writeKeyAndFacets(slot, key, codes);
        } else {
            slot = claim(id);
            putSlot = slot;
            write(slot, id, displayKey, key, codes);
        }
        int position = link(slot);
        bumpVersion();
        return position;
    }

    /** Replaces the key of an existing entry; returns false if there is none or the key is unchanged. */
    boolean rescore(long id, SortKey key) {
        main.fetchAhead(key.normalized(0));
        int slot = slotOf(id);
        if (slot < 0) {
            return false;
        }
        boolean same = true;
        for (int i = 0; i < width && same; i++) {
            same = records[keyOffset(slot) + i] == key.normalized(i);
        }
        if (same) {
            return false;
        }
        if (dense) {
            unlink(slot);
            writeKey(slot, key);
            link(slot);
        } else {
            move(slot, displayKey(slot), key);
        }
        bumpVersion();
        return true;
    }

    /**
     * Re-keys an entry that keeps its facets, in competition ranking: every index it is in locates it under the
     * old key, then moves it under the new one, inside its leaf when it stays there (one descent per index
     * instead of two). Returns its new main-board position.
     */
    private int move(int slot, long displayKey, SortKey key) {
        long oldPrimary = primary(slot);
        main.locate(oldPrimary, slot);
        for (int d = 0; d < facetCount; d++) {
            int code = facetCode(slot, d);
            if (code > 0) {
                dimensions[d].index(code).locate(oldPrimary, slot);
            }
        }
        records[slot * stride + 1] = displayKey;
        writeKey(slot, key);
        long p = primary(slot);
        int position = main.move(p, slot);
        for (int d = 0; d < facetCount; d++) {
            int code = facetCode(slot, d);
            if (code > 0) {
                dimensions[d].index(code).move(p, slot);
            }
        }
        return position;
    }

    private boolean sameFacets(int slot, int[] codes) {
        return facetCodes.equalTo(slot, codes);
    }

    private void writeKey(int slot, SortKey key) {
        int at = keyOffset(slot);
        for (int i = 0; i < width; i++) {
            records[at + i] = key.normalized(i);
        }
    }

    /** Removes an entry; returns false if there was none. */
    boolean remove(long id) {
        int slot = slotOf(id);
        if (slot < 0) {
            return false;
        }
        unlink(slot);
        free(slot);
        bumpVersion();
        return true;
    }

    private boolean unchanged(int slot, long displayKey, SortKey key, int[] codes) {
        int at = keyOffset(slot);
        for (int i = 0; i < width; i++) {
            if (records[at + i] != key.normalized(i)) {
                return false;
            }
        }
        if (displayKey(slot) != displayKey) {
            return false;
        }
        return facetCodes.equalTo(slot, codes);
    }

    private void write(int slot, long id, long displayKey, SortKey key, int[] codes) {
        records[slot * stride] = id;
        records[slot * stride + 1] = displayKey;
        writeKey(slot, key);
        facetCodes.set(slot, codes);
    }

    private void writeKeyAndFacets(int slot, SortKey key, int[] codes) {
        writeKey(slot, key);
        facetCodes.set(slot, codes);
    }

    /** Links the slot into every index it belongs to; returns its position on the main board. */
    private int link(int slot) {
        long p = primary(slot);
        int position = main.add(p, slot);
        for (int d = 0; d < facetCount; d++) {
            int code = facetCode(slot, d);
            if (code > 0) {
                dimensions[d].index(code).add(p, slot);
            }
        }
        return position;
    }

    private void unlink(int slot) {
        long p = primary(slot);
        main.remove(p, slot);
        for (int d = 0; d < facetCount; d++) {
            int code = facetCode(slot, d);
            if (code > 0) {
                dimensions[d].index(code).remove(p, slot);
            }
        }
    }

    private static final int[] NO_CODES = new int[0];

    private int[] codesOf(Map<String, String> facets) {
        if (facetCount == 0) {
            return NO_CODES;
        }
        int[] codes = new int[facetCount];
        for (var e : facets.entrySet()) {
            int d = spec.facetIndex(e.getKey());
            codes[d] = codeFor(dimensions[d], e.getValue());
        }
        return codes;
    }

    private int codeFor(FacetDimension dimension, String value) {
        Integer code = dimension.codes.get(value);
        if (code != null) {
            return code;
        }
        int next = dimension.indexes.length + 1;
        RankIndex[] grown = Arrays.copyOf(dimension.indexes, next);
        grown[next - 1] = new RankIndex(this, spec.style());
        String[] values = Arrays.copyOf(dimension.values, next);
        values[next - 1] = value;
        dimension.indexes = grown;
        dimension.values = values;
        dimension.codes.put(value, next);
        return next;
    }

    // ---------------------------------------------------------------- bulk load

    /** Loads entries into this fresh state in O(n log n) with one sort and O(n) tree building. */
    void load(Iterable<? extends Entry> entries) {
        for (Entry e : entries) {
            Board.validate(spec, e);
            if (slotOf(e.id()) >= 0) {
                throw new IllegalArgumentException("entry id " + e.id() + " appears twice in the rebuild of board '"
                        + spec.name() + "'");
            }
            write(claim(e.id()), e.id(), e.displayKey(), e.key(), codesOf(e.facets()));
        }
        int n = size;
        int[] slots = occupiedSlots();
        long[] primaries = new long[n];
        for (int i = 0; i < n; i++) {
            primaries[i] = primary(slots[i]);
        }
        PairSort.sort(primaries, slots, n, this);
        main.bulkLoad(primaries, slots, n);
        for (int d = 0; d < facetCount; d++) {
            loadFacet(d, primaries, slots, n);
        }
        bumpVersion();
    }

    private void loadFacet(int d, long[] primaries, int[] slots, int n) {
        FacetDimension dimension = dimensions[d];
        int values = dimension.indexes.length;
        int[] start = new int[values + 2];
        for (int i = 0; i < n; i++) {
            start[facetCode(slots[i], d) + 1]++;
        }
        for (int code = 1; code <= values + 1; code++) {
            start[code] += start[code - 1];
        }
        int[] fill = start.clone();
        long[] p = new long[n];
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            int k = fill[facetCode(slots[i], d)]++;
            p[k] = primaries[i];
            s[k] = slots[i];
        }
        for (int code = 1; code <= values; code++) {
            int from = start[code];
            int to = start[code + 1];
            dimension.index(code).bulkLoad(Arrays.copyOfRange(p, from, to), Arrays.copyOfRange(s, from, to), to - from);
        }
    }

    void checkInvariants() {
        main.checkInvariants();
        if (main.size() != size || occupiedSlots().length != size) {
            throw new AssertionError("main index holds " + main.size() + " but the slot table " + size);
        }
        for (FacetDimension dimension : dimensions) {
            for (RankIndex facetIndex : dimension.indexes) {
                facetIndex.checkInvariants();
            }
        }
    }
}
