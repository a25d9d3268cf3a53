package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.RankStyle;

/**
 * One ranked list of a board's slots (the main board, or one value of a facet): an {@link OrderTree} of every
 * entry, plus, for dense ranking, a second tree holding only the first entry of each tie group, so that a dense
 * rank is "tie groups before mine + 1" in O(log n). Ranks are numbered as {@link RankStyle#rankOf} defines them:
 * standard from the entries strictly better, modified from the entries better or tied, dense from the groups before.
 */
final class RankIndex {

    final OrderTree all;
    private final OrderTree leaders; // null unless dense
    private final BoardState state;
    private final RankStyle style;

    RankIndex(BoardState state, RankStyle style) {
        this.state = state;
        this.style = style;
        this.all = new OrderTree(state);
        this.leaders = style == RankStyle.DENSE ? new OrderTree(state) : null;
    }

    int size() {
        return all.size();
    }

    RankStyle style() {
        return style;
    }

    /** Adds a slot; returns its 0-based position. */
    int add(long p, int slot) {
        int position = all.insert(p, slot);
        if (leaders != null) {
            addLeader(p, slot);
        }
        return position;
    }

    /**
     * The rank of the slot most recently {@link #add added}, at {@code position}: in standard competition ranking,
     * without another descent when its leaf shows where its run of ties starts.
     */
    int rankOfAdded(long p, int slot, int position) {
        if (style == RankStyle.STANDARD) {
            int ties = all.tiesBefore();
            if (ties >= 0) {
                return position - ties + 1;
            }
        }
        return rank(p, slot);
    }

    private void addLeader(long p, int slot) {
        int groupStart = all.countBefore(p, slot, OrderTree.BEFORE_TIES);
        if (all.slotAt(groupStart) != slot) {
            return; // an earlier tie already leads the group
        }
        if (groupStart + 1 < all.size()) {
            int follower = all.slotAt(groupStart + 1);
            if (state.sameKey(follower, slot)) {
                leaders.remove(p, follower);
            }
        }
        leaders.insert(p, slot);
    }

    void remove(long p, int slot) {
        if (leaders == null) {
            all.remove(p, slot);
            return;
        }
        int position = all.countBefore(p, slot, OrderTree.EXACT);
        boolean leader = position == all.countBefore(p, slot, OrderTree.BEFORE_TIES);
        all.remove(p, slot);
        if (leader) {
            leaders.remove(p, slot);
            if (position < all.size()) {
                int next = all.slotAt(position);
                if (state.sameKey(next, slot)) {
                    leaders.insert(p, next);
                }
            }
        }
    }

    /** Starts fetching where a slot re-keyed to {@code newPrimary} will go; see {@link OrderTree#fetchAhead}. */
    void fetchAhead(long newPrimary) {
        all.fetchAhead(newPrimary);
    }

    /**
     * First half of {@link #move}: remembers where the slot is while the board still holds its old key. Only for
     * competition ranking (a dense index also keeps the tie-group leaders, which a move may change).
     */
    void locate(long oldPrimary, int slot) {
        all.locate(oldPrimary, slot);
    }

    /** Second half of a move, after the board wrote the slot's new key; returns the slot's new position. */
    int move(long newPrimary, int slot) {
        return all.moveLocated(newPrimary, slot);
    }

    /** 0-based position of a slot that is in this index. */
    int position(long p, int slot) {
        return all.countBefore(p, slot, OrderTree.EXACT);
    }

    /** 1-based rank of a slot in this index, in the index's ranking style. */
    int rank(long p, int slot) {
        return switch (style) {
            case STANDARD -> countBetter(p, slot) + 1;
            case DENSE -> leaders.countBefore(p, slot, OrderTree.BEFORE_TIES) + 1;
            case MODIFIED -> countUpToTies(p, slot);
        };
    }

    /** Number of entries ranked at least as well as the slot (its tie group included). */
    int countUpToTies(long p, int slot) {
        return all.countBefore(p, slot, OrderTree.AFTER_TIES);
    }

    /** Number of entries ranked strictly better than the slot. */
    int countBetter(long p, int slot) {
        return all.countBefore(p, slot, OrderTree.BEFORE_TIES);
    }

    /** 0-based position of the first entry with rank {@code rank} in the index's style, or -1. */
    int firstPositionWithRank(int rank) {
        if (rank < 1) {
            return -1;
        }
        if (leaders == null) {
            if (rank > all.size()) {
                return -1;
            }
            // standard: the group's first member stands at position rank - 1; modified: its last member does
            int slot = all.slotAt(rank - 1);
            long p = state.primary(slot);
            if (rank(p, slot) != rank) {
                return -1;
            }
            return style == RankStyle.STANDARD ? rank - 1 : countBetter(p, slot);
        }
        if (rank > leaders.size()) {
            return -1;
        }
        int slot = leaders.slotAt(rank - 1);
        return position(state.primary(slot), slot);
    }

    void bulkLoad(long[] primaries, int[] slots, int n) {
        all.bulkLoad(primaries, slots, n);
        if (leaders == null) {
            return;
        }
        long[] leaderPrimaries = new long[n];
        int[] leaderSlots = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !state.sameKey(slots[i - 1], slots[i])) {
                leaderPrimaries[count] = primaries[i];
                leaderSlots[count++] = slots[i];
            }
        }
        leaders.bulkLoad(leaderPrimaries, leaderSlots, count);
    }

    /** Replaces every slot {@code s} by {@code moved[s]} (the slot table was rebuilt). */
    void renumber(int[] moved) {
        all.renumber(moved);
        if (leaders != null) {
            leaders.renumber(moved);
        }
    }

    /** Checks both trees and the leader invariant; used by tests. */
    void checkInvariants() {
        int[] order = all.checkInvariants();
        if (leaders == null) {
            return;
        }
        int[] lead = leaders.checkInvariants();
        int k = 0;
        for (int i = 0; i < order.length; i++) {
            if (i == 0 || !state.sameKey(order[i - 1], order[i])) {
                if (k >= lead.length || lead[k] != order[i]) {
                    throw new AssertionError("leader tree disagrees at group " + k);
                }
                k++;
            }
        }
        if (k != lead.length) {
            throw new AssertionError("leader tree has " + lead.length + " groups, expected " + k);
        }
    }
}
