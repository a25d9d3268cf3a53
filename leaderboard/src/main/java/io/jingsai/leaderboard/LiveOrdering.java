package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The live state of a board or of one facet value, read through its {@link RankIndex}. */
final class LiveOrdering implements Ordering {

    private final BoardState state;
    private final RankIndex index;   // null: a facet value nobody has
    private final int dimension;     // -1: the main board
    private final int code;

    private LiveOrdering(BoardState state, RankIndex index, int dimension, int code) {
        this.state = state;
        this.index = index;
        this.dimension = dimension;
        this.code = code;
    }

    static LiveOrdering main(BoardState state) {
        return new LiveOrdering(state, state.main, -1, 0);
    }

    static LiveOrdering facet(BoardState state, int dimension, String value) {
        BoardState.FacetDimension facet = state.dimensions[dimension];
        int code = facet.codeOf(value);
        return new LiveOrdering(state, facet.index(code), dimension, code);
    }

    @Override
    public long version() {
        return state.version;
    }

    @Override
    public int size() {
        return index == null ? 0 : index.size();
    }

    private int slotOf(long id) {
        if (index == null) {
            return -1;
        }
        int slot = state.slotOf(id);
        if (slot < 0 || (dimension >= 0 && state.facetCode(slot, dimension) != code)) {
            return -1;
        }
        return slot;
    }

    @Override
    public int positionOf(long id) {
        int slot = slotOf(id);
        return slot < 0 ? -1 : index.position(state.primary(slot), slot);
    }

    @Override
    public int rankOf(long id) {
        int slot = slotOf(id);
        return slot < 0 ? 0 : index.rank(state.primary(slot), slot);
    }

    @Override
    public int firstPositionWithRank(int rank) {
        return index == null ? -1 : index.firstPositionWithRank(rank);
    }

    @Override
    public StandingList collect(int from, int count) {
        int length = index == null ? 0 : Math.max(0, Math.min(count, index.size() - from));
        var out = new StandingList.Builder(state.spec.order(), state.tierLabels, from + 1, length);
        if (length == 0) {
            return out.build(0);
        }
        int[] members = tierMembers();
        OrderTree.Cursor cursor = index.all.cursorAt(from);
        boolean dense = index.style() == RankStyle.DENSE;
        // the loop numbers groups as standard or dense ranking does; modified ranks are derived from them afterwards
        int rank = firstRank(cursor, from, dense);
        // What a page read costs per entry is this loop. It runs leaf by leaf over local arrays and writes straight
        // into the page's arrays: a call per entry that updates a builder's fields cost 5-28 % more CPU time.
        long[] records = state.records;
        int stride = state.stride;
        long[] values = out.values();
        int[] ranks = out.ranks();
        byte[] tiers = out.tiers();
        boolean tieBreaks = state.width > 1;
        boolean mainBoard = dimension < 0;
        OrderTree.Leaf leaf = cursor.leaf;
        int at = cursor.index;
        long previousPrimary = leaf.primaries[at];
        int previousSlot = leaf.slots[at];
        int i = 0;
        // A read that raced a writer may find the leaf chain ending early, or (torn) leaves without elements: the
        // page comes out short and the caller retries. Counting leaves keeps even such a walk bounded.
        for (int leaves = 0; i < length && leaf != null && leaves <= length; leaves++) {
            long[] primaries = leaf.primaries;
            int[] slots = leaf.slots;
            int end = Math.min(Math.min(leaf.size, primaries.length), at + length - i);
            for (; at < end; at++, i++) {
                long primary = primaries[at];
                int slot = slots[at];
                if (primary != previousPrimary || tieBreaks && i > 0 && state.compareKey(previousSlot, slot) != 0) {
                    rank = dense ? rank + 1 : from + i + 1;
                }
                previousPrimary = primary;
                previousSlot = slot;
                if (!mainBoard) {
                    tiers[i] = (byte) Tiers.index(members, state.main.position(primary, slot));
                }
                int v = i * stride;
                int r = slot * stride;
                // id, display key and primary unrolled: a loop of a variable few steps costs more than the copy
                values[v] = records[r];
                values[v + 1] = records[r + 1];
                values[v + 2] = records[r + 2];
                for (int k = 3; k < stride; k++) {
                    values[v + k] = records[r + k];
                }
                ranks[i] = rank;
            }
            leaf = leaf.next;
            at = 0;
        }
        if (mainBoard) {
            fillTiers(tiers, from, i, members);
        }
        if (index.style() == RankStyle.MODIFIED && i > 0) {
            toModified(ranks, i, from, previousPrimary, previousSlot);
        }
        return out.build(i);
    }

    /**
     * Turns the standard ranks of positions {@code from .. from + n - 1} into modified ones: a tie group's members
     * share the standard rank, and take the position of its last member instead. The last group on the page may go
     * on after it, so its rank comes from a descent ({@code last} is its last entry on the page).
     */
    private void toModified(int[] ranks, int n, int from, long lastPrimary, int lastSlot) {
        int groupRank = index.countUpToTies(lastPrimary, lastSlot);
        int nextStandard = ranks[n - 1];
        for (int k = n - 1; k >= 0; k--) {
            int standard = ranks[k];
            if (standard != nextStandard) {
                groupRank = from + k + 1;
            }
            nextStandard = standard;
            ranks[k] = groupRank;
        }
    }

    /**
     * The tiers of main-board positions {@code from .. from + n - 1}: each tier holds a run of positions, so they
     * are filled run by run rather than decided entry by entry in the copy loop (a page cost 14-16 % more that way).
     */
    private static void fillTiers(byte[] tiers, int from, int n, int[] members) {
        int tier = 0;
        for (int i = 0; i < n; ) {
            while (tier < members.length && from + i >= members[tier]) {
                tier++;
            }
            int end = tier < members.length ? Math.min(n, members[tier] - from) : n;
            java.util.Arrays.fill(tiers, i, end, (byte) (tier == members.length ? -1 : tier));
            i = end;
        }
    }

    /**
     * The dense rank, or else the standard rank, of the entry at the cursor, which is at position {@code from}: a
     * standard rank is read from its leaf when the element before it there is not tied with it; otherwise it takes a
     * descent.
     */
    private int firstRank(OrderTree.Cursor cursor, int from, boolean dense) {
        if (from == 0) {
            return 1;
        }
        int slot = cursor.slot();
        int before = cursor.index - 1;
        if (!dense && before >= 0 && !state.sameKey(cursor.leaf.slots[before], slot)) {
            return from + 1;
        }
        return dense ? index.rank(cursor.primary(), slot) : index.countBetter(cursor.primary(), slot) + 1;
    }

    /**
     * Members per tier of the main board (always a prefix of its positions), computed once per version of the
     * board: every page read between two writes shares them. A read that raced a writer may store members it saw
     * torn, but only under the version it read before the writer finished, which no validated read sees again.
     */
    private int[] tierMembers() {
        long version = state.versionAcquired();
        BoardState.TierCut cut = state.tierCut;
        if (cut != null && cut.version() == version) {
            return cut.members();
        }
        List<Tier> tiers = state.spec.tiers();
        int[] members = new int[tiers.size()];
        for (int t = 0; t < members.length; t++) {
            members[t] = members(tiers.get(t));
        }
        state.tierCut = new BoardState.TierCut(version, members);
        return members;
    }

    /**
     * How many entries a tier holds: its quota, unless the last place and the first place out are tied, when the
     * cut-off policy decides. The usual case costs one positional descent and no key comparison in the tree.
     */
    private int members(Tier tier) {
        RankIndex main = state.main;
        int n = main.size();
        if (n <= tier.quota() || tier.quota() == 0) {
            return Math.min(n, tier.quota());
        }
        OrderTree.Cursor cursor = main.all.cursorAt(tier.quota() - 1);
        int last = cursor.slot();
        cursor.advance();
        int firstOut = cursor.slot();
        if (!state.sameKey(last, firstOut)) {
            return tier.quota();
        }
        return tier.policy() == CutOffPolicy.EXCLUDE_ALL
                ? main.countBetter(state.primary(firstOut), firstOut)
                : main.countUpToTies(state.primary(last), last);
    }

    @Override
    public List<TierStatus> tiers() {
        List<Tier> tiers = state.spec.tiers();
        var statuses = new ArrayList<TierStatus>(tiers.size());
        for (Tier tier : tiers) {
            int members = members(tier);
            Optional<SortKey> cutOff = members == 0
                    ? Optional.empty()
                    : Optional.of(state.keyOf(state.main.all.slotAt(members - 1)));
            statuses.add(new TierStatus(tier.name(), tier.quota(), tier.policy(), members, cutOff));
        }
        return statuses;
    }

    @Override
    public int mainPositionOf(long id) {
        int slot = state.slotOf(id);
        return slot < 0 ? -1 : state.main.position(state.primary(slot), slot);
    }

    @Override
    public int mainPositionAt(int position) {
        int slot = index.all.slotAt(position);
        return state.main.position(state.primary(slot), slot);
    }

    @Override
    public long[] mainIds(int from, int count) {
        long[] ids = new long[Math.max(0, Math.min(count, state.main.size() - from))];
        OrderTree.Cursor cursor = state.main.all.cursorAt(from);
        for (int i = 0; i < ids.length; i++, cursor.advance()) {
            ids[i] = state.id(cursor.slot());
        }
        return ids;
    }
}
