package io.jingsai.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event of a board's public change feed ({@link Board#changes()}), numbered by a per-board {@code sequence}
 * that grows by one per published state.
 *
 * <p>A subscriber first receives a {@link Snapshot}, then one {@link Delta} per tick in which the public view
 * changed. A delta with sequence {@code s} turns the state of sequence {@code s - 1} into state {@code s}. When a
 * subscriber falls behind, intermediate states are skipped and it receives a fresh {@link Snapshot} instead of a
 * delta it could not apply, so a client is always either in sync or told to resynchronise.
 */
public sealed interface BoardChange permits BoardChange.Snapshot, BoardChange.Delta {

    /** The board's name. */
    String board();

    /** The sequence number of the state this event leads to. */
    long sequence();

    /** When the state was published (the board's clock). */
    Instant at();

    /** Since when the public view is frozen, or empty while it is live. */
    Optional<Instant> frozenAt();

    /**
     * The whole public state a dashboard needs: the top entries, the total and every tier's status.
     *
     * @param board    board name
     * @param sequence state number
     * @param at       publication time
     * @param total    entries on the public view
     * @param top      the first {@code feedTop} standings in display order
     * @param tiers    every tier's status, in the board's tier order
     * @param frozenAt since when the public view is frozen, or empty while it is live
     */
    record Snapshot(String board, long sequence, Instant at, int total, List<Standing> top,
                    List<TierStatus> tiers, Optional<Instant> frozenAt) implements BoardChange {
        public Snapshot {
            top = List.copyOf(top);
            tiers = List.copyOf(tiers);
            Objects.requireNonNull(frozenAt, "frozenAt");
        }
    }

    /**
     * The changes between two consecutive states. To apply: drop the ids in {@code leftTop}, replace or add the
     * standings in {@code changed} (matched by id), sort by position; replace the tier statuses in
     * {@code tierChanges}.
     *
     * @param board       board name
     * @param sequence    state number (the previous state is {@code sequence - 1})
     * @param at          publication time
     * @param total       entries on the public view
     * @param changed     standings in the top that are new there or whose position, rank, key or tier changed
     * @param leftTop     ids that were in the top and no longer are
     * @param tierEvents  entries that entered or left a tier (any entry, not only the top)
     * @param tierChanges statuses of tiers whose member count or cut-off changed
     * @param frozenAt    since when the public view is frozen, or empty while it is live; a delta that only freezes
     *                    or releases the view may change nothing else
     */
    record Delta(String board, long sequence, Instant at, int total, List<Standing> changed, List<Long> leftTop,
                 List<TierEvent> tierEvents, List<TierStatus> tierChanges, Optional<Instant> frozenAt)
            implements BoardChange {
        public Delta {
            changed = List.copyOf(changed);
            leftTop = List.copyOf(leftTop);
            tierEvents = List.copyOf(tierEvents);
            tierChanges = List.copyOf(tierChanges);
            Objects.requireNonNull(frozenAt, "frozenAt");
        }
    }

    /**
     * An entry entering or leaving a tier between two states.
     *
     * @param tier    the tier's name
     * @param id      the entry's id
     * @param entered true if it entered, false if it left (or was removed from the board)
     */
    record TierEvent(String tier, long id, boolean entered) {
    }
}
