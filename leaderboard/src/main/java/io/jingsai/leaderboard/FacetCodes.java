package io.jingsai.leaderboard;

/**
 * The facet codes of every cell of a board's slot table ({@code facets} codes per cell, 0 = no value), kept in the
 * narrowest array that holds the largest code so far: bytes while every facet has at most 255 values, then chars up
 * to 65,535, then ints. Facets such as trade, region or key area have tens of values, so a cell's codes take a byte
 * each where ints took four; at a million entries and three facets that is about 15 bytes per entry.
 *
 * <p>Widening copies every code into a new array, once per width. The array is one field, so a reader racing the
 * writer sees either the old array or the new one, never a mix (the board's version check discards such a read).
 */
final class FacetCodes {

    private static final int BYTE_MAX = 0xFF;
    private static final int CHAR_MAX = 0xFFFF;

    private final int facets;
    private Object codes; // byte[], char[] or int[]

    FacetCodes(int facets, int cells) {
        this(facets, new byte[cells * facets]);
    }

    private FacetCodes(int facets, Object codes) {
        this.facets = facets;
        this.codes = codes;
    }

    /** An empty table of the same width for {@code cells} cells. */
    FacetCodes emptyCopy(int cells) {
        int length = cells * facets;
        Object current = codes;
        return new FacetCodes(facets, current instanceof byte[] ? new byte[length]
                : current instanceof char[] ? new char[length] : new int[length]);
    }

    int get(int cell, int facet) {
        return read(codes, cell * facets + facet);
    }

    boolean equalTo(int cell, int[] values) {
        Object current = codes;
        for (int f = 0; f < facets; f++) {
            if (read(current, cell * facets + f) != values[f]) {
                return false;
            }
        }
        return true;
    }

    /** Sets the cell's codes, widening the array first if one of them does not fit. */
    void set(int cell, int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        if (max > largest(codes)) {
            widenFor(max);
        }
        Object current = codes;
        for (int f = 0; f < facets; f++) {
            write(current, cell * facets + f, values[f]);
        }
    }

    /** Copies cell {@code from} of {@code source}, a table of the same width (see {@link #emptyCopy}). */
    void copyCell(FacetCodes source, int from, int to) {
        System.arraycopy(source.codes, from * facets, codes, to * facets, facets);
    }

    private void widenFor(int max) {
        Object current = codes;
        int length = java.lang.reflect.Array.getLength(current);
        Object wider = max <= CHAR_MAX ? new char[length] : new int[length];
        for (int i = 0; i < length; i++) {
            write(wider, i, read(current, i));
        }
        codes = wider;
    }

    private static int largest(Object array) {
        return array instanceof byte[] ? BYTE_MAX : array instanceof char[] ? CHAR_MAX : Integer.MAX_VALUE;
    }

    private static int read(Object array, int index) {
        if (array instanceof byte[] bytes) {
            return bytes[index] & BYTE_MAX;
        }
        if (array instanceof char[] chars) {
            return chars[index];
        }
        return ((int[]) array)[index];
    }

    private static void write(Object array, int index, int value) {
        if (array instanceof byte[] bytes) {
            bytes[index] = (byte) value;
        } else if (array instanceof char[] chars) {
            chars[index] = (char) value;
        } else {
            ((int[]) array)[index] = value;
        }
    }
}
