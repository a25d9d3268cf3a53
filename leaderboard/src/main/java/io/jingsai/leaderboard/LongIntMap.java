package io.jingsai.leaderboard;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} ids to non-negative {@code int} slots (linear probing, backward-shift
 * deletion), about 12 bytes per entry at full load and no boxing. Any {@code long} is a valid key.
 *
 * <p>Not thread-safe; racing readers may see a half-moved table but never loop forever (probes are bounded by the
 * table length) and are then retried under the board's read lock.
 */
final class LongIntMap {

    private static final int EMPTY = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / 0.7) + 1) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        mask = capacity - 1;
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
        long[] k = keys;
        int[] v = values;
        int m = k.length - 1;
        int i = hash(key) & m;
        for (int probes = 0; probes <= m; probes++) {
            int value = v[i];
            if (value == EMPTY) {
                return EMPTY;
            }
            if (k[i] == key) {
                return value;
            }
            i = (i + 1) & m;
        }
        return EMPTY;
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("slot must be >= 0 but was " + value);
        }
        if (size + 1 > (int) (keys.length * 0.7)) {
            grow();
        }
        int i = hash(key) & mask;
        while (values[i] != EMPTY) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes {@code key}; returns its slot or -1. */
    int remove(long key) {
        int i = hash(key) & mask;
        while (values[i] != EMPTY) {
            if (keys[i] == key) {
                int removed = values[i];
                shiftBack(i);
                size--;
                return removed;
            }
            i = (i + 1) & mask;
        }
        return EMPTY;
    }

    private void shiftBack(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == EMPTY) {
                break;
            }
            int home = hash(keys[i]) & mask;
            // move entry i into the hole if its home is not cyclically in (hole, i]
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = EMPTY;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        // build the new table completely before publishing it to racing readers
        long[] newKeys = new long[oldKeys.length * 2];
        int[] newValues = new int[oldKeys.length * 2];
        Arrays.fill(newValues, EMPTY);
        int newMask = newKeys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != EMPTY) {
                int i = hash(oldKeys[j]) & newMask;
                while (newValues[i] != EMPTY) {
                    i = (i + 1) & newMask;
                }
                newKeys[i] = oldKeys[j];
                newValues[i] = oldValues[j];
            }
        }
        keys = newKeys;
        values = newValues;
        mask = newMask;
    }

    long memoryBytes() {
        return (long) keys.length * 12;
    }
}
