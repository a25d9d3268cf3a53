package io.jingsai.leaderboard;

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
        int slot = state.index.get(id);
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
    public void collect(int from, int count, List<Standing> out) {
        if (index == null || count <= 0 || from >= index.size()) {
            return;
        }
        int[] members = tierMembers();
        OrderTree.Cursor cursor = index.all.cursorAt(from);
        int previous = -1;
        int rank = 0;
        for (int i = 0; i < count && cursor.valid(); i++, cursor.advance()) {
            int slot = cursor.slot();
            if (previous < 0) {
                rank = index.rank(cursor.primary(), slot);
            } else if (!state.sameKey(previous, slot)) {
                rank = index.dense() ? rank + 1 : from + i + 1;
            }
            int mainPosition = dimension < 0 ? from + i : state.main.position(cursor.primary(), slot);
            out.add(new Standing(state.ids[slot], state.displayKeys[slot], state.keyOf(slot), rank, from + i + 1,
                    Tiers.label(state.tierLabels, members, mainPosition)));
            previous = slot;
        }
    }

    /** Members per tier of the main board: always a prefix of its positions. */
    private int[] tierMembers() {
        List<Tier> tiers = state.spec.tiers();
        int[] members = new int[tiers.size()];
        for (int t = 0; t < members.length; t++) {
            members[t] = members(tiers.get(t));
        }
        return members;
    }

    private int members(Tier tier) {
        RankIndex main = state.main;
        int n = main.size();
        if (n <= tier.quota()) {
            return n;
        }
        if (tier.policy() == CutOffPolicy.INCLUDE_ALL) {
            int last = main.all.slotAt(tier.quota() - 1);
            return main.countUpToTies(state.primary(last), last);
        }
        int firstOut = main.all.slotAt(tier.quota());
        return main.countBetter(state.primary(firstOut), firstOut);
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
        int slot = state.index.get(id);
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
            ids[i] = state.ids[cursor.slot()];
        }
        return ids;
    }
}
