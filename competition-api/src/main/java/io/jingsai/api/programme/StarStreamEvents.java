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
     * @param stars    the stars tier: members, overflow, vacancies, cut-off
     */
    record Snapshot(long programmeId, long sequence, int total, List<StarPageView.Line> top,
                    ProgrammeOverviewView.Tier stars) {
    }

    /**
     * {@code change}: what changed since the state before ({@code sequence - 1}). Drop the lines of {@code leftTop},
     * replace or add those of {@code changed} (by contestant id), sort by position.
     *
     * @param stars the stars tier, present only when it changed
     */
    record Change(long programmeId, long sequence, int total, List<StarPageView.Line> changed, List<Long> leftTop,
                  ProgrammeOverviewView.Tier stars) {
    }

    /**
     * The stream event of a change. A contestant who left the board after the change was coalesced has no line any
     * more: he is left out of {@code changed} (the next change says where the others stand).
     */
    static SharedStreamEvents.Named of(ProgrammeStars stars, BoardChange change) {
        long programmeId = stars.programme().id();
        if (change instanceof BoardChange.Delta delta) {
            return new SharedStreamEvents.Named("change", new Change(programmeId, delta.sequence(), delta.total(),
                    lines(stars, delta.changed()), delta.leftTop(),
                    delta.tierChanges().stream().map(ProgrammeStars::starsTier).findFirst().orElse(null)));
        }
        BoardChange.Snapshot snapshot = (BoardChange.Snapshot) change;
        return new SharedStreamEvents.Named("snapshot", new Snapshot(programmeId, snapshot.sequence(), snapshot.total(),
                lines(stars, snapshot.top()), snapshot.tiers().stream().findFirst().map(ProgrammeStars::starsTier)
                .orElseGet(() -> ProgrammeStars.starsTier(stars.tier()))));
    }

    private static List<StarPageView.Line> lines(ProgrammeStars stars, List<Standing> standings) {
        return standings.stream().map(stars::publicLineIfOn).filter(Objects::nonNull).toList();
    }
}
