package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.RankStyle;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * An immutable copy of a board in display order, taken in one consistent read when the board is frozen. Queries
 * on it are O(1) or O(log n); filtered orderings are derived on first use and cached.
 */
final class FrozenBoard {

    final BoardSpec spec;
    final Instant frozenAt;
    final long version;
    private final int width;
    private final int facetCount;
    private final int stride;
    private final long[] records; // per position: id, display key, normalised key values (as in BoardState)
    private final int[] ranks;
    private final int[] facetCodes;
    private final List<Map<String, Integer>> codes;
    private final LongIntMap positions;
    private final List<TierStatus> tiers;
    private final int[] members;
    private final List<Optional<String>> labels;

    private FrozenBoard(BoardState state, Instant frozenAt) {
        this.spec = state.spec;
        this.frozenAt = frozenAt;
        this.version = state.version;
        this.width = state.width;
        this.facetCount = state.facetCount;
        int n = state.main.size();
        stride = state.stride;
        records = new long[n * stride];
        facetCodes = new int[n * facetCount];
        positions = new LongIntMap(n);
        OrderTree.Cursor cursor = state.main.all.cursorAt(0);
        for (int i = 0; i < n; i++, cursor.advance()) {
            int slot = cursor.slot();
            System.arraycopy(state.records, slot * stride, records, i * stride, stride);
            for (int d = 0; d < facetCount; d++) {
                facetCodes[i * facetCount + d] = state.facetCode(slot, d);
            }
            positions.put(records[i * stride], i);
        }
        ranks = ranks(n, i -> !sameKey(i - 1, i), spec.style());
        codes = Arrays.stream(state.dimensions).map(d -> (Map<String, Integer>) new HashMap<>(d.codes)).toList();
        tiers = LiveOrdering.main(state).tiers();
        members = tiers.stream().mapToInt(TierStatus::members).toArray();
        labels = state.tierLabels;
    }

    static FrozenBoard capture(BoardState state, Instant at) {
        return new FrozenBoard(state, at);
    }

    Ordering main() {
        return new View(null, ranks);
    }

    Ordering facet(int dimension, String value) {
        Integer code = codes.get(dimension).get(value);
        if (code == null) {
            return new View(new int[0], new int[0]);
        }
        int n = records.length / stride;
        int[] subset = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (facetCodes[i * facetCount + dimension] == code) {
                subset[count++] = i;
            }
        }
        int[] members = Arrays.copyOf(subset, count);
        return new View(members, ranks(count, i -> !sameKey(members[i - 1], members[i]), spec.style()));
    }

    /**
     * The ranks of {@code n} entries in display order, where {@code startsGroup} tells whether entry {@code i > 0}
     * is not tied with entry {@code i - 1}; each tie group numbered by {@link RankStyle#rankOf}.
     */
    static int[] ranks(int n, IntPredicate startsGroup, RankStyle style) {
        int[] ranks = new int[n];
        int groups = 0;
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && !startsGroup.test(end)) {
                end++;
            }
            Arrays.fill(ranks, start, end, style.rankOf(start, groups++, end - start));
            start = end;
        }
        return ranks;
    }

    private boolean sameKey(int a, int b) {
        int ka = a * stride + 2;
        int kb = b * stride + 2;
        return Arrays.equals(records, ka, ka + width, records, kb, kb + width);
    }

    /** A frozen ordering: the whole board ({@code subset == null}) or the positions of one facet value. */
    private final class View implements Ordering {
        private final int[] subset;
        private final int[] ranks;

        View(int[] subset, int[] ranks) {
            this.subset = subset;
            this.ranks = ranks;
        }

        private int main(int position) {
            return subset == null ? position : subset[position];
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public int size() {
            return ranks.length;
        }

        @Override
        public int positionOf(long id) {
            int mainPosition = positions.get(id);
            if (mainPosition < 0 || subset == null) {
                return mainPosition;
            }
            int p = Arrays.binarySearch(subset, mainPosition);
            return p < 0 ? -1 : p;
        }

        @Override
        public int rankOf(long id) {
            int p = positionOf(id);
            return p < 0 ? 0 : ranks[p];
        }

        @Override
        public int firstPositionWithRank(int rank) {
            int lo = 0;
            int hi = ranks.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ranks[mid] < rank) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo < ranks.length && ranks[lo] == rank ? lo : -1;
        }

        @Override
        public StandingList collect(int from, int count) {
            int to = (int) Math.min((long) from + count, ranks.length);
            var out = new StandingList.Builder(spec.order(), labels, from + 1, Math.max(0, to - from));
            for (int p = from; p < to; p++) {
                int m = main(p);
                out.add(records, m * stride, ranks[p], Tiers.index(members, m));
            }
            return out.build();
        }

        @Override
        public List<TierStatus> tiers() {
            return tiers;
        }

        @Override
        public int mainPositionOf(long id) {
            return positions.get(id);
        }

        @Override
        public int mainPositionAt(int position) {
            return main(position);
        }

        @Override
        public long[] mainIds(int from, int count) {
            long[] ids = new long[Math.max(0, Math.min(count, records.length / stride - from))];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = records[(from + i) * stride];
            }
            return ids;
        }
    }
}
