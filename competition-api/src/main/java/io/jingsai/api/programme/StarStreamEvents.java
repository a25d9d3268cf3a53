package io.jingsai.api.programme;

import java.util.List;
import java.util.Objects;

import io.jingsai.api.boards.SharedStreamEvents;
import io.jingsai.leaderboard.BoardChange;
import io.jingsai.leaderboard.Standing;

/** The data of a star board stream's events, made from the board's changes. */
final class StarStreamEvents {

    private StarStreamEvents() {
    }

    /**
     * {@code snapshot}: the whole state a dashboard shows; replace what you hold.
     *
     * @param sequence the state's number (also in the event's id)
     * @param total    contestants on the board
     * @param top      the leading lines, in display order
     * @param split    the split's key; null on the programme-wide board
     * @param stars    the stars tier: members, overflow, vacancies, cut-off
     */
    record Snapshot(long programmeId, String split, long sequence, int total, List<StarPageView.Line> top,
                    ProgrammeOverviewView.Tier stars) {
    }

    /**
     * {@code change}: what changed since the state before ({@code sequence - 1}). Drop the lines of {@code leftTop},
     * replace or add those of {@code changed} (by contestant id), sort by position.
     *
     * @param stars the stars tier, present only when it changed
     */
    record Change(long programmeId, String split, long sequence, int total, List<StarPageView.Line> changed,
                  List<Long> leftTop, ProgrammeOverviewView.Tier stars) {
    }

    /**
     * The stream event of a change. A contestant who left the board after the change was coalesced has no line any
     * more: he is left out of {@code changed} (the next change says where the others stand).
     */
    static SharedStreamEvents.Named of(StarTable table, BoardChange change) {
        long programmeId = table.programmeId();
        if (change instanceof BoardChange.Delta delta) {
            return new SharedStreamEvents.Named("change", new Change(programmeId, table.split(), delta.sequence(),
                    delta.total(), lines(table, delta.changed()), delta.leftTop(),
                    delta.tierChanges().stream().map(StarTable::starsTier).findFirst().orElse(null)));
        }
        BoardChange.Snapshot snapshot = (BoardChange.Snapshot) change;
        return new SharedStreamEvents.Named("snapshot", new Snapshot(programmeId, table.split(), snapshot.sequence(),
                snapshot.total(), lines(table, snapshot.top()), snapshot.tiers().stream().findFirst()
                .map(StarTable::starsTier).orElseGet(() -> StarTable.starsTier(table.tier()))));
    }

    private static List<StarPageView.Line> lines(StarTable table, List<Standing> standings) {
        return standings.stream().map(table::publicLineIfOn).filter(Objects::nonNull).toList();
    }
}
