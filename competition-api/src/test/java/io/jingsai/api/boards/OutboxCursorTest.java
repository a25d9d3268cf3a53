package io.jingsai.api.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbox cursor against a model of PostgreSQL: transactions take a transaction id, then an outbox id from a
 * sequence, and commit or roll back in any order; a reader sees, in one snapshot, the committed rows, the oldest
 * transaction still running and the next transaction id. Every committed change must be applied exactly once, and
 * nothing rolled back.
 */
class OutboxCursorTest {

    @Test
    void aLowerIdThatCommitsAfterAHigherOneIsStillApplied() {
        OutboxCursor cursor = OutboxCursor.after(0);
        // xid 100 took id 1 and is still running; xid 101 took id 2 and committed.
        OutboxCursor.Step first = cursor.advance(List.of(change(2)), 100, 102, true);
        assertThat(first.changes()).extracting(OutboxCursor.Change::id).containsExactly(2L);
        assertThat(first.next().gapIds()).containsExactly(1L);

        OutboxCursor.Step second = first.next().advance(List.of(change(1), change(3)), 102, 104, true);
        assertThat(second.changes()).extracting(OutboxCursor.Change::id).containsExactly(1L, 3L);
        assertThat(second.next().gapIds()).isEmpty();
        assertThat(second.next().after()).isEqualTo(3);
    }

    @Test
    void aGapIsClosedOnceEveryTransactionThatCouldHoldItHasEnded() {
        OutboxCursor.Step seen = OutboxCursor.after(0).advance(List.of(change(2)), 100, 102, true);
        OutboxCursor stillRunning = seen.next().advance(List.of(), 101, 103, true).next();
        assertThat(stillRunning.gapIds()).as("xid 100 or 101 may still commit id 1").containsExactly(1L);
        OutboxCursor ended = stillRunning.advance(List.of(), 102, 103, true).next();
        assertThat(ended.gapIds()).as("every xid below 102 has ended without id 1: rolled back").isEmpty();
    }

    @Test
    void aCutBatchClosesNoGap() {
        OutboxCursor.Step cut = OutboxCursor.after(0).advance(List.of(change(2)), 200, 200, false);
        assertThat(cut.next().gapIds()).containsExactly(1L);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyCommittedChangeIsAppliedOnceWhateverTheOrderOfCommits(long seed) {
        Random random = new Random(seed);
        Database database = new Database();
        Reader reader = new Reader(database, 1 + random.nextInt(4));
        for (int step = 0; step < 400; step++) {
            int action = random.nextInt(10);
            if (action < 4) {
                database.begin();
            } else if (action < 7 && !database.running.isEmpty()) {
                database.end(random.nextInt(database.running.size()), random.nextInt(5) > 0);
            } else {
                reader.read();
            }
        }
        while (!database.running.isEmpty()) {
            database.end(0, random.nextBoolean());
            reader.read();
        }
        reader.read();
        reader.read();
        assertThat(reader.applied).as("applied once each").doesNotHaveDuplicates();
        assertThat(new HashSet<>(reader.applied)).isEqualTo(database.committed.keySet());
        assertThat(reader.cursor.gapIds()).as("no gap left open once nothing runs").isEmpty();
    }

    private static OutboxCursor.Change change(long id) {
        return new OutboxCursor.Change(id, 1, id);
    }

    /** Transactions with ids; each takes the next outbox id after its transaction id. */
    private static final class Database {
        long nextXid = 100;
        long nextId = 1;
        final List<long[]> running = new ArrayList<>(); // {xid, outbox id}
        final Map<Long, Long> committed = new HashMap<>();

        void begin() {
            running.add(new long[] {nextXid++, nextId++});
        }

        void end(int index, boolean commit) {
            long[] transaction = running.remove(index);
            if (commit) {
                committed.put(transaction[1], transaction[0]);
            }
        }

        long oldestRunning() {
            return running.stream().mapToLong(t -> t[0]).min().orElse(nextXid);
        }
    }

    /** The follower's read: rows after the cursor or among its gaps, in id order, at most {@code limit}. */
    private static final class Reader {
        final Database database;
        final int limit;
        final List<Long> applied = new ArrayList<>();
        OutboxCursor cursor = OutboxCursor.after(0);

        Reader(Database database, int limit) {
            this.database = database;
            this.limit = limit;
        }

        void read() {
            boolean full;
            do {
                Set<Long> gaps = Set.of(cursor.gapIds());
                List<OutboxCursor.Change> batch = new TreeMap<>(database.committed).keySet().stream()
                        .filter(id -> id > cursor.after() || gaps.contains(id))
                        .limit(limit).map(OutboxCursorTest::change).toList();
                full = batch.size() == limit;
                OutboxCursor.Step step = cursor.advance(batch, database.oldestRunning(), database.nextXid, !full);
                step.changes().forEach(change -> applied.add(change.id()));
                cursor = step.next();
            } while (full);
        }
    }
}
