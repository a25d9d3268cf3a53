package io.jingsai.leaderboard;

import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * Standings of consecutive positions of one ordering, copied out of one consistent read into flat arrays. A read
 * copies only primitives (id, display key, key values, rank, tier) instead of building three objects per entry
 * while it holds its consistent view; each {@link Standing} is made when {@link #get} asks for it, from data that
 * no later write can change. Immutable: every mutator throws {@link UnsupportedOperationException}.
 */
final class StandingList extends AbstractList<Standing> implements RandomAccess {

    private static final byte NO_TIER = -1;

    private final RankingOrder order;
    private final List<Optional<String>> labels;
    private final int stride;
    private final long[] values;   // per entry: id, display key, normalised key values
    private final int[] ranks;
    private final byte[] tiers;    // index into labels, or NO_TIER
    private final int firstPosition;
    private final int size;

    private StandingList(RankingOrder order, List<Optional<String>> labels, long[] values, int[] ranks,
                         byte[] tiers, int firstPosition, int size) {
        this.order = order;
        this.labels = labels;
        this.stride = 2 + order.size();
        this.values = values;
        this.ranks = ranks;
        this.tiers = tiers;
        this.firstPosition = firstPosition;
        this.size = size;
    }

    @Override
    public Standing get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size + " standings");
        }
        int at = index * stride;
        byte tier = tiers[index];
        return new Standing(values[at], values[at + 1], SortKey.fromNormalized(order, values, at + 2), ranks[index],
                firstPosition + index, tier == NO_TIER ? Optional.empty() : labels.get(tier));
    }

    @Override
    public int size() {
        return size;
    }

    /** The first {@code count} standings (all of them if there are fewer), sharing this list's arrays. */
    StandingList head(int count) {
        return count >= size ? this
                : new StandingList(order, labels, values, ranks, tiers, firstPosition, Math.max(0, count));
    }

    /** Fills a list of known maximum length inside one read. */
    static final class Builder {
        private final RankingOrder order;
        private final List<Optional<String>> labels;
        private final int stride;
        private final long[] values;
        private final int[] ranks;
        private final byte[] tiers;
        private final int firstPosition;
        private int size;

        /**
         * @param firstPosition the 1-based display position of the first entry to be added
         * @param capacity      how many entries may be added
         */
        Builder(RankingOrder order, List<Optional<String>> labels, int firstPosition, int capacity) {
            this.order = order;
            this.labels = labels;
            this.stride = 2 + order.size();
            this.values = new long[capacity * stride];
            this.ranks = new int[capacity];
            this.tiers = new byte[capacity];
            this.firstPosition = firstPosition;
        }

        /**
         * Appends the entry at the next position: {@code record[offset ..]} holds its id, display key and normalised
         * key values, as a board's slot records and a frozen board's rows do; {@code tier} is an index into the
         * board's tier labels, or -1.
         *
         * @throws IndexOutOfBoundsException beyond the capacity (a torn read: the caller's read is retried)
         */
        void add(long[] record, int offset, int rank, int tier) {
            int at = size * stride;
            // a loop, not System.arraycopy: three to ten values, too few for a copy call to pay off
            for (int i = 0; i < stride; i++) {
                values[at + i] = record[offset + i];
            }
            ranks[size] = rank;
            tiers[size] = (byte) tier;
            size++;
        }

        StandingList build() {
            return build(size);
        }

        /**
         * The list of the first {@code size} entries, which the caller wrote into {@link #values()}, {@link #ranks()}
         * and {@link #tiers()} itself (laid out as {@link #add} lays them out) instead of adding them one by one.
         */
        StandingList build(int size) {
            return new StandingList(order, labels, values, ranks, tiers, firstPosition, size);
        }

        /** Per entry: id, display key, normalised key values. */
        long[] values() {
            return values;
        }

        int[] ranks() {
            return ranks;
        }

        /** Per entry: an index into the tier labels, or -1. */
        byte[] tiers() {
            return tiers;
        }
    }
}
