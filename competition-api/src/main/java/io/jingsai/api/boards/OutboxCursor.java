package io.jingsai.api.boards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How far the outbox of result changes has been read, and which lower ids may still appear.
 *
 * <p>Why gaps: outbox ids come from a sequence, which hands them out when a transaction writes its row, not when it
 * commits. A transaction that took id 7 may commit after the one that took id 8; a reader that only asked for ids
 * after the last it saw would pass 7 for ever. So every id skipped between two rows read is kept as a gap, with the
 * next transaction id of the snapshot that showed the skip: every transaction that can still commit that id began
 * before it (it wrote the entry's result before taking the id, so it had a transaction id). Once the oldest
 * transaction still running is at least that far on, the id's transaction has ended, and a snapshot that still does
 * not show the row proves it was rolled back: the gap is closed.
 *
 * <p>Immutable; {@link #advance} gives the next cursor and the changes to apply, in id order, which is the order
 * in which they were written; applying a change reads the entry's current result, so a late row applied after a
 * later one changes nothing wrong (results carry versions).
 *
 * @param after the highest id read
 * @param gaps  ids below {@code after} not yet seen → the next transaction id when they were found missing
 */
record OutboxCursor(long after, SortedMap<Long, Long> gaps) {

    /** A skip longer than this is not a race but ids that will never come (a restored or pruned outbox). */
    static final int MAX_GAP = 10_000;

    /** One outbox row: a result of an entry of an event changed. */
    record Change(long id, long eventId, long registrationId) {
    }

    /** The cursor after a batch, and the changes of the batch to apply. */
    record Step(OutboxCursor next, List<Change> changes) {
    }

    OutboxCursor {
        gaps = Collections.unmodifiableSortedMap(new TreeMap<>(gaps));
    }

    static OutboxCursor after(long id) {
        return new OutboxCursor(id, new TreeMap<>());
    }

    /** The ids to look for again. */
    Long[] gapIds() {
        return gaps.keySet().toArray(Long[]::new);
    }

    /**
     * Takes a batch read in one snapshot: the rows after {@link #after} and the gaps that have appeared, in id order.
     *
     * @param oldestRunning the snapshot's oldest transaction still running ({@code pg_snapshot_xmin})
     * @param nextXid       the snapshot's next transaction id ({@code pg_snapshot_xmax})
     * @param complete      false when the batch was cut at its limit (later rows, or gap rows, may follow)
     */
    Step advance(List<Change> batch, long oldestRunning, long nextXid, boolean complete) {
        TreeMap<Long, Long> open = new TreeMap<>(gaps);
        long last = after;
        List<Change> changes = new ArrayList<>(batch.size());
        for (Change change : batch) {
            if (change.id() <= last) {
                if (open.remove(change.id()) == null) {
                    continue; // already applied
                }
            } else {
                long skipped = change.id() - last - 1;
                if (skipped <= MAX_GAP) {
                    for (long id = last + 1; id < change.id(); id++) {
                        open.put(id, nextXid);
                    }
                }
                last = change.id();
            }
            changes.add(change);
        }
        if (complete) {
            open.values().removeIf(horizon -> horizon <= oldestRunning);
        }
        return new Step(new OutboxCursor(last, open), changes);
    }
}
