package io.jingsai.leaderboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * One published state of a board's public view: what a snapshot carries, the sorted ids of every tier's members
 * (to detect entries and exits), and the delta from the previous state.
 */
final class FeedState {

    final long sequence;
    final Instant at;
    private final String board;
    final int total;
    final Optional<Instant> frozenAt;
    private final List<Standing> top;
    private final List<TierStatus> tiers;
    private final long[][] tierMembers; // sorted ids per tier
    final BoardChange.Delta delta;      // null for the first state

    private FeedState(String board, long sequence, Instant at, Optional<Instant> frozenAt, int total,
                      List<Standing> top, List<TierStatus> tiers, long[][] tierMembers, FeedState previous) {
        this.board = board;
        this.sequence = sequence;
        this.at = at;
        this.frozenAt = frozenAt;
        this.total = total;
        this.top = top;
        this.tiers = tiers;
        this.tierMembers = tierMembers;
        this.delta = previous == null ? null : deltaFrom(previous);
    }

    /** Captures the state inside one consistent read of the public view (frozen since {@code frozenAt}, if so). */
    static FeedState capture(String board, Ordering o, int feedTop, long sequence, Instant at,
                             Optional<Instant> frozenAt, FeedState previous) {
        StandingList top = o.collect(0, feedTop);
        List<TierStatus> tiers = o.tiers();
        long[][] members = new long[tiers.size()][];
        for (int t = 0; t < members.length; t++) {
            members[t] = o.mainIds(0, tiers.get(t).members());
            Arrays.sort(members[t]);
        }
        return new FeedState(board, sequence, at, frozenAt, o.size(), top, List.copyOf(tiers), members, previous);
    }

    BoardChange.Snapshot snapshot() {
        return new BoardChange.Snapshot(board, sequence, at, total, top, tiers, frozenAt);
    }

    private BoardChange.Delta deltaFrom(FeedState previous) {
        var before = new HashMap<Long, Standing>();
        for (Standing s : previous.top) {
            before.put(s.id(), s);
        }
        var changed = new ArrayList<Standing>();
        var now = new HashSet<Long>();
        for (Standing s : top) {
            now.add(s.id());
            if (!s.equals(before.get(s.id()))) {
                changed.add(s);
            }
        }
        var left = new ArrayList<Long>();
        for (Standing s : previous.top) {
            if (!now.contains(s.id())) {
                left.add(s.id());
            }
        }
        var events = new ArrayList<BoardChange.TierEvent>();
        var tierChanges = new ArrayList<TierStatus>();
        for (int t = 0; t < tiers.size(); t++) {
            diff(tiers.get(t).tier(), previous.tierMembers[t], tierMembers[t], events);
            if (!tiers.get(t).equals(previous.tiers.get(t))) {
                tierChanges.add(tiers.get(t));
            }
        }
        return new BoardChange.Delta(board, sequence, at, total, changed, left, events, tierChanges, frozenAt);
    }

    private static void diff(String tier, long[] before, long[] after, List<BoardChange.TierEvent> out) {
        int i = 0;
        int j = 0;
        while (i < before.length || j < after.length) {
            if (j >= after.length || (i < before.length && before[i] < after[j])) {
                out.add(new BoardChange.TierEvent(tier, before[i++], false));
            } else if (i >= before.length || after[j] < before[i]) {
                out.add(new BoardChange.TierEvent(tier, after[j++], true));
            } else {
                i++;
                j++;
            }
        }
    }
}
