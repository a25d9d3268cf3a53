package io.jingsai.leaderboard;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mutable content of a board: per-slot storage (one record of id, display key and normalised key values per
 * slot, so that everything a comparison or a read needs of one entry is on one or two cache lines; facet codes
 * apart), the id → slot map, the main {@link RankIndex} and one index per facet value.
 *
 * <p>Memory per entry is about 8 (id) + 8 (display key) + 8 × criteria + 4 × facets + ~17 (id map) + ~16 (tree
 * leaf) bytes. Writers hold the board's write lock; readers read optimistically and validate (see {@link Board}).
 */
final class BoardState implements OrderTree.SlotOrder {

    final BoardSpec spec;
    final int width;
    /** Longs per slot record: id, display key, then the {@link #width} normalised key values. */
    final int stride;
    final int facetCount;
    final boolean dense;
    final List<Optional<String>> tierLabels;

    long[] records;    // per slot: id, display key, key values normalised so that smaller is better
    int[] facetCodes;  // 0 = no value
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int highWater;

    /** The main board's tier members at one version; see {@link LiveOrdering}. Immutable, shared racily. */
    record TierCut(long version, int[] members) {
    }

    TierCut tierCut;

    final LongIntMap index;
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
        this.dense = spec.style() == RankingStyle.DENSE;
        this.tierLabels = Tiers.labels(spec);
        int capacity = Math.max(16, expected);
        records = new long[capacity * stride];
        facetCodes = new int[capacity * facetCount];
        index = new LongIntMap(expected);
        main = new RankIndex(this, dense);
        dimensions = new FacetDimension[facetCount];
        for (int i = 0; i < facetCount; i++) {
            dimensions[i] = new FacetDimension();
        }
    }

    int size() {
        return index.size();
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
        return facetCodes[slot * facetCount + dimension];
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
        int slot = index.get(id);
        return position >= 0 ? main.rankOfAdded(primary(slot), slot, position) : main.rank(primary(slot), slot);
    }

    /** Inserts or replaces an entry; returns its new main-board position, or -1 if nothing changed. */
    private int put(long id, long displayKey, SortKey key, Map<String, String> facets) {
        int slot = index.get(id);
        int[] codes = codesOf(facets);
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
            slot = allocate();
            index.put(id, slot);
            write(slot, id, displayKey, key, codes);
        }
        int position = link(slot);
        bumpVersion();
        return position;
    }

    /** Replaces the key of an existing entry; returns false if there is none or the key is unchanged. */
    boolean rescore(long id, SortKey key) {
        int slot = index.get(id);
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
        for (int d = 0; d < facetCount; d++) {
            if (facetCodes[slot * facetCount + d] != codes[d]) {
                return false;
            }
        }
        return true;
    }

    private void writeKey(int slot, SortKey key) {
        int at = keyOffset(slot);
        for (int i = 0; i < width; i++) {
            records[at + i] = key.normalized(i);
        }
    }

    /** Removes an entry; returns false if there was none. */
    boolean remove(long id) {
        int slot = index.remove(id);
        if (slot < 0) {
            return false;
        }
        unlink(slot);
        release(slot);
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
        for (int d = 0; d < facetCount; d++) {
            if (facetCodes[slot * facetCount + d] != codes[d]) {
                return false;
            }
        }
        return true;
    }

    private void write(int slot, long id, long displayKey, SortKey key, int[] codes) {
        records[slot * stride] = id;
        records[slot * stride + 1] = displayKey;
        writeKey(slot, key);
        System.arraycopy(codes, 0, facetCodes, slot * facetCount, facetCount);
    }

    private void writeKeyAndFacets(int slot, SortKey key, int[] codes) {
        writeKey(slot, key);
        System.arraycopy(codes, 0, facetCodes, slot * facetCount, facetCount);
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
        grown[next - 1] = new RankIndex(this, dense);
        String[] values = Arrays.copyOf(dimension.values, next);
        values[next - 1] = value;
        dimension.indexes = grown;
        dimension.values = values;
        dimension.codes.put(value, next);
        return next;
    }

    private int allocate() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        int slots = records.length / stride;
        if (highWater == slots) {
            int capacity = slots + (slots >> 1);
            records = Arrays.copyOf(records, capacity * stride);
            facetCodes = Arrays.copyOf(facetCodes, capacity * facetCount);
        }
        return highWater++;
    }

    private void release(int slot) {
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    // ---------------------------------------------------------------- bulk load

    /** Loads entries into this fresh state in O(n log n) with one sort and O(n) tree building. */
    void load(Iterable<? extends Entry> entries) {
        for (Entry e : entries) {
            Board.validate(spec, e);
            if (index.get(e.id()) >= 0) {
                throw new IllegalArgumentException("entry id " + e.id() + " appears twice in the rebuild of board '"
                        + spec.name() + "'");
            }
            int slot = allocate();
            index.put(e.id(), slot);
            write(slot, e.id(), e.displayKey(), e.key(), codesOf(e.facets()));
        }
        int n = highWater;
        long[] primaries = new long[n];
        int[] slots = new int[n];
        for (int s = 0; s < n; s++) {
            primaries[s] = primary(s);
            slots[s] = s;
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

    /** Approximate bytes retained per entry by the arrays and trees (excluding JVM object headers). */
    long memoryBytes() {
        return (long) (records.length / stride) * (8L * stride + 4L * facetCount) + index.memoryBytes();
    }

    void checkInvariants() {
        main.checkInvariants();
        if (main.size() != index.size()) {
            throw new AssertionError("main index holds " + main.size() + " but the id map " + index.size());
        }
        for (FacetDimension dimension : dimensions) {
            for (RankIndex facetIndex : dimension.indexes) {
                facetIndex.checkInvariants();
            }
        }
    }
}
