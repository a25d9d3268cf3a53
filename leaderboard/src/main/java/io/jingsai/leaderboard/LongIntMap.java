package io.jingsai.leaderboard;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} ids to non-negative {@code int} slots (linear probing, backward-shift
 * deletion), with no boxing. Key and value of a cell sit next to each other in one {@code long[]} (key, then value),
 * so a lookup usually costs a single cache miss; at most 70% load, about 23 bytes per entry. Any {@code long} is a
 * valid key.
 *
 * <p>Not thread-safe; racing readers may see a half-updated table but never loop forever (probes are bounded by
 * the table length) and are then retried under the board's read lock.
 */
final class LongIntMap {

    private static final long EMPTY = -1;

    private long[] table; // cell i: table[2i] = key, table[2i + 1] = value or EMPTY
    private int size;

    LongIntMap(int expected) {
        int cells = Integer.highestOneBit(Math.max(16, (int) (expected / 0.7) + 1) - 1) << 1;
        table = newTable(cells);
    }

    private static long[] newTable(int cells) {
        long[] t = new long[cells * 2];
        for (int i = 1; i < t.length; i += 2) {
            t[i] = EMPTY;
        }
        return t;
    }

    int size() {
        return size;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The slot of {@code key}, or -1. */
    int get(long key) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = hash(key) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            long value = t[2 * i + 1];
            if (value == EMPTY) {
                return -1;
            }
            if (t[2 * i] == key) {
                return (int) value;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("slot must be >= 0 but was " + value);
        }
        if (size + 1 > (int) ((table.length >> 1) * 0.7)) {
            grow();
        }
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = hash(key) & mask;
        while (t[2 * i + 1] != EMPTY) {
            if (t[2 * i] == key) {
                t[2 * i + 1] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        t[2 * i] = key;
        t[2 * i + 1] = value;
        size++;
    }

    /** Removes {@code key}; returns its slot or -1. */
    int remove(long key) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = hash(key) & mask;
        while (t[2 * i + 1] != EMPTY) {
            if (t[2 * i] == key) {
                int removed = (int) t[2 * i + 1];
                shiftBack(t, mask, i);
                size--;
                return removed;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static void shiftBack(long[] t, int mask, int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (t[2 * i + 1] == EMPTY) {
                break;
            }
            int home = hash(t[2 * i]) & mask;
            // move cell i into the hole unless its home lies cyclically in (hole, i]
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                t[2 * hole] = t[2 * i];
                t[2 * hole + 1] = t[2 * i + 1];
                hole = i;
            }
        }
        t[2 * hole + 1] = EMPTY;
    }

    private void grow() {
        long[] old = table;
        // build the new table completely before publishing it to racing readers
        long[] t = newTable(old.length); // twice the cells
        int mask = (t.length >> 1) - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j + 1] != EMPTY) {
                int i = hash(old[j]) & mask;
                while (t[2 * i + 1] != EMPTY) {
                    i = (i + 1) & mask;
                }
                t[2 * i] = old[j];
                t[2 * i + 1] = old[j + 1];
            }
        }
        table = t;
    }
}
