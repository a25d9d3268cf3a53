package io.jingsai.leaderboard;

/**
 * A counted B+-tree of {@code (primary, slot)} elements: every inner node keeps the size of each child, so
 * insert, remove, "how many elements come before this one" and "the element at position i" are all O(log n).
 *
 * <p>Elements are ordered by {@code primary} (the first sort-key component, already normalised so that smaller
 * is better), then by {@link SlotOrder} on the slots. Keeping the primary inline in the node arrays means most
 * comparisons touch only the node, not the board's per-slot storage, which keeps a descent to a few cache lines.
 *
 * <p>Not thread-safe: the owning board serialises writers and validates optimistic readers. Readers that race a
 * writer may see an inconsistent tree; every loop here is bounded so such a read ends (possibly with an
 * exception) and is then retried under the read lock.
 */
final class OrderTree {

    /** How an element compares to a probe whose key equals the element's key. */
    static final int EXACT = 0;
    /** The probe sits before every element with an equal key (lower bound of the tie group). */
    static final int BEFORE_TIES = -1;
    /** The probe sits after every element with an equal key (upper bound of the tie group). */
    static final int AFTER_TIES = 1;

    // Small leaves keep a descent's last step to a few cache lines (leaves are where the misses are: inner nodes
    // of a million-entry tree fit in cache); wide inner nodes keep the tree shallow.
    static final int LEAF_CAPACITY = 64;
    static final int INNER_CAPACITY = 64;
    private static final int LEAF_MINIMUM = LEAF_CAPACITY / 4;
    private static final int INNER_MINIMUM = INNER_CAPACITY / 4;
    private static final int MAX_DEPTH = 32;

    /** Orders slots whose primaries are equal. */
    interface SlotOrder {
        /** Compares the remaining sort-key components only (ties of the ranking). */
        int compareKey(int slotA, int slotB);

        /** Compares remaining components, then display key, then id: a total order. */
        int compareFull(int slotA, int slotB);
    }

    abstract static sealed class Node permits Leaf, Inner {
        int size; // elements in a leaf, children in an inner node
    }

    static final class Leaf extends Node {
        final long[] primaries = new long[LEAF_CAPACITY + 1];
        final int[] slots = new int[LEAF_CAPACITY + 1];
        Leaf next;
    }

    static final class Inner extends Node {
        // separator i is the largest element of child i (for i < size - 1)
        final long[] sepPrimaries = new long[INNER_CAPACITY];
        final int[] sepSlots = new int[INNER_CAPACITY];
        final Node[] children = new Node[INNER_CAPACITY + 1];
        final int[] counts = new int[INNER_CAPACITY + 1];
    }

    /** A position inside a leaf, used to walk the elements in order. */
    static final class Cursor {
        Leaf leaf;
        int index;

        boolean valid() {
            return leaf != null && index < leaf.size;
        }

        long primary() {
            return leaf.primaries[index];
        }

        int slot() {
            return leaf.slots[index];
        }

        void advance() {
            if (++index >= leaf.size) {
                leaf = leaf.next;
                index = 0;
            }
        }
    }

    private final SlotOrder order;
    private final int fetchAheadFrom;
    private Node root = new Leaf();
    private int size;

    // results of a split, handed from a child to its parent
    private Node splitRight;
    private long splitPrimary;
    private int splitSlot;

    OrderTree(SlotOrder order) {
        this(order, FETCH_AHEAD_FROM);
    }

    /** A tree that fetches ahead from {@code fetchAheadFrom} elements on (tests use 0). */
    OrderTree(SlotOrder order, int fetchAheadFrom) {
        this.order = order;
        this.fetchAheadFrom = fetchAheadFrom;
    }

    int size() {
        return size;
    }

    /** Levels from the root to the leaves: 1 for a tree that is one leaf. For tests. */
    int height() {
        int height = 1;
        for (Node node = root; node instanceof Inner inner; node = inner.children[0]) {
            height++;
        }
        return height;
    }

    // ---------------------------------------------------------------- comparisons

    private int compare(long elementPrimary, int elementSlot, long probePrimary, int probeSlot, int bias) {
        if (elementPrimary != probePrimary) {
            return elementPrimary < probePrimary ? -1 : 1;
        }
        if (bias == EXACT) {
            return order.compareFull(elementSlot, probeSlot);
        }
        int c = order.compareKey(elementSlot, probeSlot);
        if (c != 0) {
            return c;
        }
        return bias < 0 ? 1 : -1;
    }

    /**
     * Index of the first element of {@code 0..n} that is not less than the probe. The primaries are scanned
     * linearly without branches: the loads are independent, so a node's cache misses overlap instead of
     * following one another as in a binary search, which is what a descent through a large tree pays for. Only
     * elements whose primary equals the probe's are compared in full, by binary search.
     */
    private int lowerBound(long[] primaries, int[] slots, int n, long p, int s, int bias) {
        return lowerBound(primaries, slots, n, p, s, bias, countBelow(primaries, n, p));
    }

    /**
     * {@link #lowerBound} in a leaf. Leaves are where a descent leaves the cache, so their primaries are counted all
     * at once ({@link #countAllBelow}): every cache line of the array is loaded independently and the answer needs no
     * second, dependent load, where counting every eighth first would wait for memory twice.
     */
    private int leafLowerBound(Leaf leaf, long p, int s, int bias) {
        int n = leaf.size;
        return lowerBound(leaf.primaries, leaf.slots, n, p, s, bias, countAllBelow(leaf.primaries, n, p));
    }

    private int lowerBound(long[] primaries, int[] slots, int n, long p, int s, int bias, int below) {
        int lo = below;
        int hi = lo;
        while (hi < n && primaries[hi] == p) {
            hi++;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(primaries[mid], slots[mid], p, s, bias) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * How many of the sorted {@code primaries[0..n)} are below {@code p}: first every eighth element (one per cache
     * line, independent loads), then the eight-element block where the answer lies; a quarter of the comparisons
     * of a full scan, still without data-dependent branches between loads.
     */
    private static int countBelow(long[] primaries, int n, long p) {
        int blocks = 0;
        for (int i = 7; i < n; i += 8) {
            blocks += primaries[i] < p ? 1 : 0;
        }
        int from = blocks << 3;
        int to = Math.min(from + 8, n);
        int lo = from;
        for (int i = from; i < to; i++) {
            lo += primaries[i] < p ? 1 : 0;
        }
        return lo;
    }

    /** How many of {@code primaries[0..n)} are below {@code p}, by one branch-free pass over all of them. */
    private static int countAllBelow(long[] primaries, int n, long p) {
        int below = 0;
        for (int i = 0; i < n; i++) {
            below += primaries[i] < p ? 1 : 0;
        }
        return below;
    }

    /** The number of elements under the children before child {@code i}. */
    private static int countBeforeChild(Inner inner, int i) {
        int before = 0;
        for (int c = 0; c < i; c++) {
            before += inner.counts[c];
        }
        return before;
    }

    private int route(Inner inner, long p, int s, int bias) {
        int i = lowerBound(inner.sepPrimaries, inner.sepSlots, inner.size - 1, p, s, bias);
        return Math.min(i, inner.size - 1);
    }

    // ---------------------------------------------------------------- queries

    /** Number of elements strictly before the probe. With {@link #EXACT}, the position of an existing element. */
    int countBefore(long p, int s, int bias) {
        Node node = root;
        int before = 0;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (node instanceof Leaf leaf) {
                return before + leafLowerBound(leaf, p, s, bias);
            }
            Inner inner = (Inner) node;
            int i = route(inner, p, s, bias);
            before += countBeforeChild(inner, i);
            node = inner.children[i];
        }
        throw new IllegalStateException("tree deeper than " + MAX_DEPTH);
    }

    /** A cursor at position {@code index} (0-based); invalid when {@code index >= size}. */
    Cursor cursorAt(int index) {
        Cursor cursor = new Cursor();
        Node node = root;
        int remaining = index;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (node instanceof Leaf leaf) {
                cursor.leaf = leaf;
                cursor.index = remaining;
                if (remaining >= leaf.size) {
                    cursor.leaf = null;
                }
                return cursor;
            }
            Inner inner = (Inner) node;
            int i = 0;
            while (i < inner.size - 1 && remaining >= inner.counts[i]) {
                remaining -= inner.counts[i];
                i++;
            }
            node = inner.children[i];
        }
        throw new IllegalStateException("tree deeper than " + MAX_DEPTH);
    }

    /** The slot at position {@code index}; the caller ensures {@code 0 <= index < size}. */
    int slotAt(int index) {
        Cursor cursor = cursorAt(index);
        if (!cursor.valid()) {
            throw new IndexOutOfBoundsException("position " + index + " of " + size);
        }
        return cursor.slot();
    }

    // ---------------------------------------------------------------- insert

    /**
     * Inserts a new element and returns its 0-based position. Afterwards {@link #tiesBefore()} tells how many
     * elements just before it share its key, when its leaf alone shows that (else -1), which lets callers derive a
     * rank without another descent.
     */
    int insert(long p, int s) {
        insertedPosition = 0;
        tiesBefore = -1;
        if (insertInto(root, p, s)) {
            Inner newRoot = new Inner();
            newRoot.children[0] = root;
            newRoot.children[1] = splitRight;
            newRoot.counts[0] = sizeOf(root);
            newRoot.counts[1] = sizeOf(splitRight);
            newRoot.sepPrimaries[0] = splitPrimary;
            newRoot.sepSlots[0] = splitSlot;
            newRoot.size = 2;
            root = newRoot;
            splitRight = null;
        }
        size++;
        return insertedPosition;
    }

    private int insertedPosition;
    private int tiesBefore;
    private boolean removedLastOfLeaf;

    /**
     * After {@link #insert}: how many elements immediately before the inserted one have an equal key (primary and
     * {@link SlotOrder#compareKey}), or -1 if that cannot be told from its leaf (the run of ties reaches the start
     * of the leaf, and earlier leaves may continue it).
     */
    int tiesBefore() {
        return tiesBefore;
    }

    /** Inserts and returns true if {@code node} split (the right half is in {@link #splitRight}). */
    private boolean insertInto(Node node, long p, int s) {
        if (node instanceof Leaf leaf) {
            insertIntoLeaf(leaf, p, s);
            return leaf.size > LEAF_CAPACITY && splitLeaf(leaf);
        }
        Inner inner = (Inner) node;
        int i = route(inner, p, s, EXACT);
        insertedPosition += countBeforeChild(inner, i);
        inner.counts[i]++;
        Node child = inner.children[i];
        boolean split;
        if (child instanceof Leaf leaf) {
            insertIntoLeaf(leaf, p, s);
            split = leaf.size > LEAF_CAPACITY && !shareWithSibling(inner, i, leaf) && splitLeaf(leaf);
        } else {
            split = insertInto(child, p, s);
        }
        if (split) {
            insertChild(inner, i + 1, splitRight, sizeOf(splitRight), splitPrimary, splitSlot);
            inner.counts[i] = sizeOf(child);
            return inner.size > INNER_CAPACITY && splitInner(inner);
        }
        return false;
    }

    private void insertIntoLeaf(Leaf leaf, long p, int s) {
        int at = leafLowerBound(leaf, p, s, EXACT);
        insertedPosition += at;
        int k = at - 1;
        while (k >= 0 && leaf.primaries[k] == p && order.compareKey(leaf.slots[k], s) == 0) {
            k--;
        }
        // k < 0: every element before it in this leaf is tied, and so might the previous leaf's last ones be
        tiesBefore = k >= 0 || insertedPosition == 0 ? at - 1 - k : -1;
        int tail = leaf.size - at;
        System.arraycopy(leaf.primaries, at, leaf.primaries, at + 1, tail);
        System.arraycopy(leaf.slots, at, leaf.slots, at + 1, tail);
        leaf.primaries[at] = p;
        leaf.slots[at] = s;
        leaf.size++;
    }

    /**
     * Moves elements of the overflowing leaf {@code i} of {@code parent} to a sibling that has room, so that the
     * two hold them evenly; returns false when neither sibling has room. Sharing before splitting keeps leaves
     * about 85 % full under random inserts, where splitting alone leaves them about 69 % full: leaves are most of
     * a board's memory. Positions are unchanged, so what {@link #insert} reports still holds.
     */
    private boolean shareWithSibling(Inner parent, int i, Leaf leaf) {
        if (i > 0 && parent.children[i - 1] instanceof Leaf left && left.size < LEAF_CAPACITY) {
            int move = (left.size + leaf.size) / 2 - left.size;
            System.arraycopy(leaf.primaries, 0, left.primaries, left.size, move);
            System.arraycopy(leaf.slots, 0, left.slots, left.size, move);
            System.arraycopy(leaf.primaries, move, leaf.primaries, 0, leaf.size - move);
            System.arraycopy(leaf.slots, move, leaf.slots, 0, leaf.size - move);
            left.size += move;
            leaf.size -= move;
            parent.sepPrimaries[i - 1] = left.primaries[left.size - 1];
            parent.sepSlots[i - 1] = left.slots[left.size - 1];
            parent.counts[i - 1] += move;
            parent.counts[i] -= move;
            return true;
        }
        if (i < parent.size - 1 && parent.children[i + 1] instanceof Leaf right && right.size < LEAF_CAPACITY) {
            int keep = (leaf.size + right.size + 1) / 2;
            int move = leaf.size - keep;
            System.arraycopy(right.primaries, 0, right.primaries, move, right.size);
            System.arraycopy(right.slots, 0, right.slots, move, right.size);
            System.arraycopy(leaf.primaries, keep, right.primaries, 0, move);
            System.arraycopy(leaf.slots, keep, right.slots, 0, move);
            right.size += move;
            leaf.size = keep;
            parent.sepPrimaries[i] = leaf.primaries[keep - 1];
            parent.sepSlots[i] = leaf.slots[keep - 1];
            parent.counts[i] -= move;
            parent.counts[i + 1] += move;
            return true;
        }
        return false;
    }

    /** Inserts {@code child} at index {@code at}; separator of child {@code at - 1} becomes (sepP, sepS). */
    private static void insertChild(Inner inner, int at, Node child, int count, long sepP, int sepS) {
        int tail = inner.size - at;
        System.arraycopy(inner.children, at, inner.children, at + 1, tail);
        System.arraycopy(inner.counts, at, inner.counts, at + 1, tail);
        // separators: index at-1 is the new one; the old separator at-1 moves to index at
        int sepTail = inner.size - 1 - (at - 1);
        if (sepTail > 0) {
            System.arraycopy(inner.sepPrimaries, at - 1, inner.sepPrimaries, at, sepTail);
            System.arraycopy(inner.sepSlots, at - 1, inner.sepSlots, at, sepTail);
        }
        inner.sepPrimaries[at - 1] = sepP;
        inner.sepSlots[at - 1] = sepS;
        inner.children[at] = child;
        inner.counts[at] = count;
        inner.size++;
    }

    private boolean splitLeaf(Leaf leaf) {
        Leaf right = new Leaf();
        int keep = leaf.size / 2;
        int move = leaf.size - keep;
        System.arraycopy(leaf.primaries, keep, right.primaries, 0, move);
        System.arraycopy(leaf.slots, keep, right.slots, 0, move);
        right.size = move;
        leaf.size = keep;
        right.next = leaf.next;
        leaf.next = right;
        splitRight = right;
        splitPrimary = leaf.primaries[keep - 1];
        splitSlot = leaf.slots[keep - 1];
        return true;
    }

    private boolean splitInner(Inner inner) {
        Inner right = new Inner();
        int keep = inner.size / 2;
        int move = inner.size - keep;
        System.arraycopy(inner.children, keep, right.children, 0, move);
        System.arraycopy(inner.counts, keep, right.counts, 0, move);
        System.arraycopy(inner.sepPrimaries, keep, right.sepPrimaries, 0, move - 1);
        System.arraycopy(inner.sepSlots, keep, right.sepSlots, 0, move - 1);
        java.util.Arrays.fill(inner.children, keep, inner.size, null);
        right.size = move;
        inner.size = keep;
        splitRight = right;
        splitPrimary = inner.sepPrimaries[keep - 1];
        splitSlot = inner.sepSlots[keep - 1];
        return true;
    }

    private static int sizeOf(Node node) {
        if (node instanceof Leaf leaf) {
            return leaf.size;
        }
        Inner inner = (Inner) node;
        int total = 0;
        for (int i = 0; i < inner.size; i++) {
            total += inner.counts[i];
        }
        return total;
    }

    // ---------------------------------------------------------------- remove

    /** Removes the element; returns false if it was not present. */
    boolean remove(long p, int s) {
        removedLastOfLeaf = false;
        if (!removeFrom(root, p, s)) {
            return false;
        }
        size--;
        while (root instanceof Inner inner && inner.size == 1) {
            root = inner.children[0];
        }
        if (removedLastOfLeaf) {
            // only the maximum of a subtree (the last element of a leaf) can be named by a separator
            dropSeparator(p, s);
        }
        return true;
    }

    /**
     * Replaces any separator that still names the removed element by the current maximum of its child. Separators
     * must only name elements in the tree: the board reuses a removed slot for other data, which would silently
     * move a stale separator within the order.
     */
    private void dropSeparator(long p, int s) {
        Node node = root;
        for (int depth = 0; depth < MAX_DEPTH && node instanceof Inner inner; depth++) {
            int i = route(inner, p, s, EXACT);
            if (i < inner.size - 1 && inner.sepPrimaries[i] == p && inner.sepSlots[i] == s) {
                Node last = inner.children[i];
                while (last instanceof Inner lastInner) {
                    last = lastInner.children[lastInner.size - 1];
                }
                Leaf leaf = (Leaf) last;
                inner.sepPrimaries[i] = leaf.primaries[leaf.size - 1];
                inner.sepSlots[i] = leaf.slots[leaf.size - 1];
            }
            node = inner.children[i];
        }
    }

    private boolean removeFrom(Node node, long p, int s) {
        if (node instanceof Leaf leaf) {
            int at = leafLowerBound(leaf, p, s, EXACT);
            if (at >= leaf.size || leaf.primaries[at] != p || leaf.slots[at] != s) {
                return false;
            }
            removedLastOfLeaf = at == leaf.size - 1;
            int tail = leaf.size - at - 1;
            System.arraycopy(leaf.primaries, at + 1, leaf.primaries, at, tail);
            System.arraycopy(leaf.slots, at + 1, leaf.slots, at, tail);
            leaf.size--;
            return true;
        }
        Inner inner = (Inner) node;
        int i = route(inner, p, s, EXACT);
        Node child = inner.children[i];
        if (!removeFrom(child, p, s)) {
            return false;
        }
        inner.counts[i]--;
        if (child.size < (child instanceof Leaf ? LEAF_MINIMUM : INNER_MINIMUM) && inner.size > 1) {
            rebalance(inner, i);
        }
        return true;
    }

    /** Merges child {@code i} with a neighbour, or shares the neighbour's elements evenly. */
    private void rebalance(Inner parent, int i) {
        int a = i + 1 < parent.size ? i : i - 1;
        int b = a + 1;
        if (parent.children[a] instanceof Leaf left) {
            rebalanceLeaves(parent, a, left, (Leaf) parent.children[b]);
        } else {
            rebalanceInners(parent, a, (Inner) parent.children[a], (Inner) parent.children[b]);
        }
    }

    private void rebalanceLeaves(Inner parent, int a, Leaf left, Leaf right) {
        int total = left.size + right.size;
        if (total <= LEAF_CAPACITY) {
            System.arraycopy(right.primaries, 0, left.primaries, left.size, right.size);
            System.arraycopy(right.slots, 0, left.slots, left.size, right.size);
            left.size = total;
            left.next = right.next;
            removeChild(parent, a, total);
            return;
        }
        long[] primaries = new long[total];
        int[] slots = new int[total];
        System.arraycopy(left.primaries, 0, primaries, 0, left.size);
        System.arraycopy(left.slots, 0, slots, 0, left.size);
        System.arraycopy(right.primaries, 0, primaries, left.size, right.size);
        System.arraycopy(right.slots, 0, slots, left.size, right.size);
        int keep = total / 2;
        System.arraycopy(primaries, 0, left.primaries, 0, keep);
        System.arraycopy(slots, 0, left.slots, 0, keep);
        System.arraycopy(primaries, keep, right.primaries, 0, total - keep);
        System.arraycopy(slots, keep, right.slots, 0, total - keep);
        left.size = keep;
        right.size = total - keep;
        parent.sepPrimaries[a] = left.primaries[keep - 1];
        parent.sepSlots[a] = left.slots[keep - 1];
        parent.counts[a] = keep;
        parent.counts[a + 1] = total - keep;
    }

    private void rebalanceInners(Inner parent, int a, Inner left, Inner right) {
        int total = left.size + right.size;
        Node[] children = new Node[total];
        int[] counts = new int[total];
        long[] sepP = new long[total - 1];
        int[] sepS = new int[total - 1];
        System.arraycopy(left.children, 0, children, 0, left.size);
        System.arraycopy(right.children, 0, children, left.size, right.size);
        System.arraycopy(left.counts, 0, counts, 0, left.size);
        System.arraycopy(right.counts, 0, counts, left.size, right.size);
        System.arraycopy(left.sepPrimaries, 0, sepP, 0, left.size - 1);
        System.arraycopy(left.sepSlots, 0, sepS, 0, left.size - 1);
        sepP[left.size - 1] = parent.sepPrimaries[a];
        sepS[left.size - 1] = parent.sepSlots[a];
        System.arraycopy(right.sepPrimaries, 0, sepP, left.size, right.size - 1);
        System.arraycopy(right.sepSlots, 0, sepS, left.size, right.size - 1);
        if (total <= INNER_CAPACITY) {
            fillInner(left, children, counts, sepP, sepS, 0, total);
            removeChild(parent, a, sizeOf(left));
            return;
        }
        int keep = total / 2;
        fillInner(left, children, counts, sepP, sepS, 0, keep);
        fillInner(right, children, counts, sepP, sepS, keep, total - keep);
        parent.sepPrimaries[a] = sepP[keep - 1];
        parent.sepSlots[a] = sepS[keep - 1];
        parent.counts[a] = sizeOf(left);
        parent.counts[a + 1] = sizeOf(right);
    }

    private static void fillInner(Inner target, Node[] children, int[] counts, long[] sepP, int[] sepS,
                                  int from, int n) {
        java.util.Arrays.fill(target.children, null);
        System.arraycopy(children, from, target.children, 0, n);
        System.arraycopy(counts, from, target.counts, 0, n);
        System.arraycopy(sepP, from, target.sepPrimaries, 0, n - 1);
        System.arraycopy(sepS, from, target.sepSlots, 0, n - 1);
        target.size = n;
    }

    /** Removes child {@code a + 1} (merged into child {@code a}, which now holds {@code count} elements). */
    private static void removeChild(Inner parent, int a, int count) {
        int b = a + 1;
        int tail = parent.size - b - 1;
        System.arraycopy(parent.children, b + 1, parent.children, b, tail);
        System.arraycopy(parent.counts, b + 1, parent.counts, b, tail);
        // separator a (between a and b) disappears; a now ends where b ended
        int sepTail = parent.size - 1 - b;
        System.arraycopy(parent.sepPrimaries, b, parent.sepPrimaries, a, sepTail);
        System.arraycopy(parent.sepSlots, b, parent.sepSlots, a, sepTail);
        parent.size--;
        parent.children[parent.size] = null;
        parent.counts[a] = count;
    }

    // ---------------------------------------------------------------- fetching ahead

    /**
     * Below this size, fetching ahead costs more than it saves: the tree is then mostly in cache, and the extra
     * descent is pure work. Measured on the 2-core development VM, whose cores have 512 KB of level-2 cache, at
     * 30,000, 100,000, 300,000 and 10^6 elements: re-scoring at random -10 %, -5 %, ±0 %, +5 %; moving elements a
     * little -15 %, -4 %, +10 %, +9 %.
     */
    static final int FETCH_AHEAD_FROM = 1 << 18;

    private Leaf ahead;     // the leaf an element of primary p would go to, as of the last fetchAhead(p)
    private long touched;   // what touchAhead read, stored so that the reads are not optimised away

    /**
     * Starts the way down to where an element of primary {@code p} would go, before the caller looks up the
     * element's old key and {@link #locate}s it. Those are dependent cache misses (the record, then the old way
     * down), and so is this way down; started now, its misses overlap with theirs instead of following them, and
     * the {@link #moveLocated} that inserts the element finds its way in cache. Only the separators' primaries
     * are read (ties are left to the real descent), nothing is written but the remembered leaf, and
     * {@link #locate} touches that leaf's arrays once it has found the old leaf and before it reads it.
     */
    void fetchAhead(long p) {
        if (size < fetchAheadFrom) {
            ahead = null;
            return;
        }
        Node node = root;
        for (int depth = 0; depth < MAX_DEPTH && node instanceof Inner inner; depth++) {
            node = inner.children[Math.min(countBelow(inner.sepPrimaries, inner.size - 1, p), inner.size - 1)];
        }
        ahead = node instanceof Leaf leaf ? leaf : null;
    }

    /** Reads one word of every cache line of the fetched-ahead leaf's arrays, so that they are on their way. */
    private void touchAhead() {
        Leaf leaf = ahead;
        if (leaf == null) {
            return;
        }
        ahead = null;
        long[] primaries = leaf.primaries;
        int[] slots = leaf.slots;
        long sum = 0;
        for (int i = 0; i < primaries.length; i += 8) {
            sum += primaries[i];
        }
        for (int i = 0; i < slots.length; i += 16) {
            sum += slots[i];
        }
        touched = sum;
    }

    // ---------------------------------------------------------------- move (re-key one element)

    // the path of the last locate(): inner nodes from the root and the child taken in each, then the leaf
    private final Inner[] pathNodes = new Inner[MAX_DEPTH];
    private final int[] pathIndexes = new int[MAX_DEPTH];
    private int pathDepth;
    private Leaf pathLeaf;
    private int pathAt;

    /**
     * First half of re-keying an element: finds it while the slot order still sees its old key and remembers the
     * way down, so that {@link #moveLocated} needs no second descent to take it out. Throws if it is absent.
     */
    void locate(long p, int s) {
        Node node = root;
        int depth = 0;
        while (node instanceof Inner inner) {
            if (depth == MAX_DEPTH) {
                throw new IllegalStateException("tree deeper than " + MAX_DEPTH);
            }
            // no counting of the elements before the path here: a key that leaves its leaf does not need them,
            // and waiting for this node they would only crowd out the loads that can go ahead
            int i = route(inner, p, s, EXACT);
            pathNodes[depth] = inner;
            pathIndexes[depth++] = i;
            node = inner.children[i];
        }
        // the fetched-ahead leaf is asked for now, after the old way's inner nodes were searched and before the old
        // leaf is: asked for at the old leaf's parent, it held up that parent's search (same-JVM A/B at 10^6, random
        // re-score +8.9 %/+4.2 %, small move +2.4 %/-0.8 %; not asking at all: -8 %/-11 %)
        touchAhead();
        Leaf leaf = (Leaf) node;
        // the element is one of the leaf's elements with primary p: find it by its slot, without reading the
        // board's per-slot storage (a cache miss per comparison) as a search by full key would
        int at = countAllBelow(leaf.primaries, leaf.size, p);
        while (at < leaf.size && leaf.primaries[at] == p && leaf.slots[at] != s) {
            at++;
        }
        if (at >= leaf.size || leaf.primaries[at] != p) {
            throw new IllegalStateException("slot " + s + " is not in the tree");
        }
        pathDepth = depth;
        pathLeaf = leaf;
        pathAt = at;
    }

    /** The number of elements in the leaves before the located one, from the remembered path (in cache). */
    private int countBeforeLocatedLeaf() {
        int before = 0;
        for (int k = 0; k < pathDepth; k++) {
            before += countBeforeChild(pathNodes[k], pathIndexes[k]);
        }
        return before;
    }

    /**
     * Second half of re-keying: the slot order now sees the element's new key and {@code p} is its new primary.
     * When the new key still falls inside the located leaf (the usual case for a small move), the element is
     * shifted within that leaf: no descent at all. Otherwise it is taken out along the remembered path and
     * inserted afresh (one descent). Returns the new 0-based position; {@link #tiesBefore()} is set as after
     * {@link #insert}.
     */
    int moveLocated(long p, int s) {
        Leaf leaf = pathLeaf;
        pathLeaf = null;
        int at = pathAt;
        int n = leaf.size;
        // j: where the element goes among the leaf's other elements
        int j = lowerBoundSkipping(leaf, n, at, p, s);
        if ((j > 0 || fitsAfterPreviousLeaf(p, s)) && (j < n - 1 || fitsBeforeNextLeaf(leaf, p, s))) {
            shiftWithinLeaf(leaf, at, j, p, s);
            if (at == n - 1 || j == n - 1) {
                renameLeafMaximum(leaf);
            }
            int before = countBeforeLocatedLeaf();
            tiesBefore = tiesBeforeIn(leaf, j, s, before);
            return before + j;
        }
        removeLocated(leaf, at);
        return insert(p, s);
    }

    /** Lower bound of the probe among the leaf's elements other than the one at {@code skip}. */
    private int lowerBoundSkipping(Leaf leaf, int n, int skip, long p, int s) {
        if (n == 1) {
            return 0;
        }
        // a key moved far (as by a random re-score) falls outside the leaf: say so without a binary search, whose
        // branches are unpredictable (same-JVM A/B at 10^6: random re-score +6 %/+3 %, small move +1 %/+2 %)
        long[] primaries = leaf.primaries;
        if (primaries[skip == 0 ? 1 : 0] > p) {
            return 0;
        }
        if (primaries[skip == n - 1 ? n - 2 : n - 1] < p) {
            return n - 1;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int k = mid < skip ? mid : mid + 1;
            if (compare(leaf.primaries[k], leaf.slots[k], p, s, EXACT) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the probe sorts after every element of the leaves before the located one. */
    private boolean fitsAfterPreviousLeaf(long p, int s) {
        for (int k = pathDepth - 1; k >= 0; k--) {
            int i = pathIndexes[k];
            if (i > 0) {
                // separator i - 1 is the maximum of everything before the located leaf's subtree
                Inner inner = pathNodes[k];
                return compare(inner.sepPrimaries[i - 1], inner.sepSlots[i - 1], p, s, EXACT) < 0;
            }
        }
        return true; // the first leaf
    }

    private boolean fitsBeforeNextLeaf(Leaf leaf, long p, int s) {
        if (beyondNextSubtree(p, s)) {
            return false;
        }
        Leaf next = leaf.next;
        return next == null || next.size == 0 || compare(next.primaries[0], next.slots[0], p, s, EXACT) > 0;
    }

    /**
     * Whether the probe sorts after the maximum of the subtree that follows the located leaf's, as its nearest
     * ancestor's separators tell: then it cannot fit before the next leaf, and that leaf (a cache miss or two, on
     * most random moves) need not be read. False when the separators cannot tell.
     */
    private boolean beyondNextSubtree(long p, int s) {
        for (int k = pathDepth - 1; k >= 0; k--) {
            Inner inner = pathNodes[k];
            int i = pathIndexes[k];
            if (i < inner.size - 1) {
                // child i + 1 holds the next leaf; separator i + 1, if there is one, names that child's maximum
                return i + 1 < inner.size - 1
                        && compare(inner.sepPrimaries[i + 1], inner.sepSlots[i + 1], p, s, EXACT) < 0;
            }
        }
        return false;
    }

    private static void shiftWithinLeaf(Leaf leaf, int from, int to, long p, int s) {
        if (to < from) {
            System.arraycopy(leaf.primaries, to, leaf.primaries, to + 1, from - to);
            System.arraycopy(leaf.slots, to, leaf.slots, to + 1, from - to);
        } else if (to > from) {
            System.arraycopy(leaf.primaries, from + 1, leaf.primaries, from, to - from);
            System.arraycopy(leaf.slots, from + 1, leaf.slots, from, to - from);
        }
        leaf.primaries[to] = p;
        leaf.slots[to] = s;
    }

    /**
     * The separator that names the located leaf's maximum (in the lowest ancestor where the path did not take the
     * last child) is set to the leaf's current last element: the moved element may have been it or become it.
     */
    private void renameLeafMaximum(Leaf leaf) {
        for (int k = pathDepth - 1; k >= 0; k--) {
            Inner inner = pathNodes[k];
            int i = pathIndexes[k];
            if (i < inner.size - 1) {
                inner.sepPrimaries[i] = leaf.primaries[leaf.size - 1];
                inner.sepSlots[i] = leaf.slots[leaf.size - 1];
                return;
            }
        }
    }

    private int tiesBeforeIn(Leaf leaf, int j, int s, int before) {
        long p = leaf.primaries[j];
        int k = j - 1;
        while (k >= 0 && leaf.primaries[k] == p && order.compareKey(leaf.slots[k], s) == 0) {
            k--;
        }
        return k >= 0 || before == 0 ? j - 1 - k : -1;
    }

    /** Removes the element at {@code at} of the located leaf, rebalancing bottom-up along the remembered path. */
    private void removeLocated(Leaf leaf, int at) {
        if (at == leaf.size - 1 && leaf.size > 1) {
            // the separator naming this element must name an element still in the tree (see dropSeparator)
            leaf.size--;
            renameLeafMaximum(leaf);
            leaf.size++;
        }
        int tail = leaf.size - at - 1;
        System.arraycopy(leaf.primaries, at + 1, leaf.primaries, at, tail);
        System.arraycopy(leaf.slots, at + 1, leaf.slots, at, tail);
        leaf.size--;
        for (int k = pathDepth - 1; k >= 0; k--) {
            Inner inner = pathNodes[k];
            int i = pathIndexes[k];
            inner.counts[i]--;
            Node child = inner.children[i];
            if (child.size < (child instanceof Leaf ? LEAF_MINIMUM : INNER_MINIMUM) && inner.size > 1) {
                rebalance(inner, i);
            }
            pathNodes[k] = null;
        }
        size--;
        while (root instanceof Inner inner && inner.size == 1) {
            root = inner.children[0];
        }
    }

    // ---------------------------------------------------------------- renumbering

    /**
     * Replaces every slot {@code s} in leaves and separators by {@code moved[s]}. The order is unchanged: slots
     * only identify elements, they are never compared as numbers.
     */
    void renumber(int[] moved) {
        renumber(root, moved, 0);
    }

    private static void renumber(Node node, int[] moved, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("tree deeper than " + MAX_DEPTH);
        }
        if (node instanceof Leaf leaf) {
            for (int i = 0; i < leaf.size; i++) {
                leaf.slots[i] = moved[leaf.slots[i]];
            }
            return;
        }
        Inner inner = (Inner) node;
        for (int i = 0; i < inner.size - 1; i++) {
            inner.sepSlots[i] = moved[inner.sepSlots[i]];
        }
        for (int i = 0; i < inner.size; i++) {
            renumber(inner.children[i], moved, depth + 1);
        }
    }

    // ---------------------------------------------------------------- bulk load

    /** Replaces the content with already sorted, distinct elements in O(n). */
    void bulkLoad(long[] primaries, int[] slots, int n) {
        int perLeaf = LEAF_CAPACITY * 7 / 8;
        int leafCount = Math.max(1, (n + perLeaf - 1) / perLeaf);
        Node[] level = new Node[leafCount];
        long[] maxP = new long[leafCount];
        int[] maxS = new int[leafCount];
        int[] counts = new int[leafCount];
        Leaf previous = null;
        for (int l = 0; l < leafCount; l++) {
            int from = (int) ((long) n * l / leafCount);
            int to = (int) ((long) n * (l + 1) / leafCount);
            Leaf leaf = new Leaf();
            System.arraycopy(primaries, from, leaf.primaries, 0, to - from);
            System.arraycopy(slots, from, leaf.slots, 0, to - from);
            leaf.size = to - from;
            if (previous != null) {
                previous.next = leaf;
            }
            previous = leaf;
            level[l] = leaf;
            counts[l] = leaf.size;
            if (leaf.size > 0) {
                maxP[l] = leaf.primaries[leaf.size - 1];
                maxS[l] = leaf.slots[leaf.size - 1];
            }
        }
        int perInner = INNER_CAPACITY * 3 / 4;
        while (level.length > 1) {
            int parents = (level.length + perInner - 1) / perInner;
            Node[] up = new Node[parents];
            long[] upMaxP = new long[parents];
            int[] upMaxS = new int[parents];
            int[] upCounts = new int[parents];
            for (int q = 0; q < parents; q++) {
                int from = (int) ((long) level.length * q / parents);
                int to = (int) ((long) level.length * (q + 1) / parents);
                Inner inner = new Inner();
                int total = 0;
                for (int c = from; c < to; c++) {
                    inner.children[c - from] = level[c];
                    inner.counts[c - from] = counts[c];
                    total += counts[c];
                    if (c < to - 1) {
                        inner.sepPrimaries[c - from] = maxP[c];
                        inner.sepSlots[c - from] = maxS[c];
                    }
                }
                inner.size = to - from;
                up[q] = inner;
                upCounts[q] = total;
                upMaxP[q] = maxP[to - 1];
                upMaxS[q] = maxS[to - 1];
            }
            level = up;
            maxP = upMaxP;
            maxS = upMaxS;
            counts = upCounts;
        }
        root = level[0];
        size = n;
    }

    // ---------------------------------------------------------------- diagnostics

    /** Checks every structural invariant (order, separators, counts, leaf chain); returns slots in order. */
    int[] checkInvariants() {
        int[] slots = new int[size];
        long[] primaries = new long[size];
        int[] filled = {0};
        int counted = check(root, slots, primaries, filled, true);
        if (counted != size || filled[0] != size) {
            throw new AssertionError("size " + size + " but counted " + counted);
        }
        Cursor cursor = cursorAt(0);
        for (int i = 0; i < size; i++, cursor.advance()) {
            if (!cursor.valid() || cursor.slot() != slots[i]) {
                throw new AssertionError("leaf chain disagrees with the tree at " + i);
            }
        }
        if (cursor.valid()) {
            throw new AssertionError("leaf chain longer than the tree");
        }
        return slots;
    }

    private int check(Node node, int[] slots, long[] primaries, int[] filled, boolean isRoot) {
        if (!isRoot && node.size < 1) {
            throw new AssertionError("empty non-root node");
        }
        if (node instanceof Leaf leaf) {
            for (int i = 0; i < leaf.size; i++) {
                int k = filled[0]++;
                slots[k] = leaf.slots[i];
                primaries[k] = leaf.primaries[i];
                if (k > 0 && compare(primaries[k - 1], slots[k - 1], primaries[k], slots[k], EXACT) >= 0) {
                    throw new AssertionError("elements out of order at " + k);
                }
            }
            return leaf.size;
        }
        Inner inner = (Inner) node;
        int total = 0;
        for (int i = 0; i < inner.size; i++) {
            int first = filled[0];
            int n = check(inner.children[i], slots, primaries, filled, false);
            if (n != inner.counts[i]) {
                throw new AssertionError("count " + inner.counts[i] + " but child holds " + n);
            }
            int last = filled[0] - 1;
            if (i < inner.size - 1
                    && compare(primaries[last], slots[last], inner.sepPrimaries[i], inner.sepSlots[i], EXACT) > 0) {
                throw new AssertionError("separator below its child's maximum");
            }
            if (i < inner.size - 1 && (primaries[last] != inner.sepPrimaries[i] || slots[last] != inner.sepSlots[i])) {
                // a separator naming anything else could name a slot that was moved or reused for another entry
                throw new AssertionError("separator does not name its child's maximum");
            }
            if (i > 0 && compare(primaries[first], slots[first],
                    inner.sepPrimaries[i - 1], inner.sepSlots[i - 1], EXACT) <= 0) {
                throw new AssertionError("separator above the next child's minimum");
            }
            total += n;
        }
        return total;
    }
}
