package io.jingsai.leaderboard;

import java.util.List;
import java.util.Optional;

/** Maps a main-board position to the most exclusive tier that holds it. */
final class Tiers {

    private Tiers() {
    }

    /** One preallocated label per tier, so that standings share them. */
    static List<Optional<String>> labels(BoardSpec spec) {
        return spec.tiers().stream().map(t -> Optional.of(t.name())).toList();
    }

    /** The index of the first tier whose members (a prefix of the board) include {@code mainPosition}, or -1. */
    static int index(int[] members, int mainPosition) {
        for (int t = 0; t < members.length; t++) {
            if (mainPosition < members[t]) {
                return t;
            }
        }
        return -1;
    }
}
