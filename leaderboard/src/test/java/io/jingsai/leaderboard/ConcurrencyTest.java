package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Several writers and readers on one board, and a thread that freezes and unfreezes its public view. Readers check
 * that every read is internally consistent (no torn pages: consecutive positions, sorted keys, ranks that agree
 * with positions and ties, a stable total). Each writer owns its ids, so it must read back what it wrote right after
 * each write (a write is visible once it returns), and afterwards the board must equal what the writers wrote last.
 * Every thread's failures are collected and fail the test. This checks these consequences of linearizable writes,
 * not linearizability of whole histories.
 */
class ConcurrencyTest {

    private static final int ENTRIES = 2_000;
    private static final RankingOrder ORDER = RankingOrder.of(ScaledKey.descending("total", 2),
            ScaledKey.ascending("seconds", 0));
    private static final String[] TRADES = {"welder", "electrician", "machinist"};

    @Test
    void readsAreConsistentWritersReadTheirWritesAndTheEndStateIsTheLastWrites() throws Exception {
        var spec = BoardSpec.of("stars", ORDER).withFacets("trade")
                .withTiers(Tier.of("gold", 10), new Tier("silver", 50, CutOffPolicy.EXCLUDE_ALL));
        var runtime = new BoardRuntime(Clock.systemUTC(), Schedulers.parallel(), Duration.ofMillis(5), 20);
        Board board = Board.create(spec, runtime);
        var reference = new ReferenceBoard(spec);
        var initial = new ArrayList<Entry>();
        var random = new Random(42);
        for (int id = 0; id < ENTRIES; id++) {
            initial.add(entry(id, random));
        }
        board.rebuild(initial);
        initial.forEach(reference::upsert);

        var failures = new ConcurrentLinkedQueue<Throwable>();
        var writersDone = new AtomicBoolean();
        var feedSequence = new AtomicLong(-1);
        Disposable feed = board.changes().subscribe(change -> {
            try {
                long previous = feedSequence.getAndSet(change.sequence());
                assertThat(change.sequence()).isGreaterThan(previous);
                if (change instanceof BoardChange.Delta) {
                    assertThat(change.sequence()).isEqualTo(previous + 1);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        int writers = 2;
        var done = new CountDownLatch(writers);
        List<Thread> threads = new ArrayList<>();
        var lastWritten = new java.util.concurrent.ConcurrentHashMap<Long, Entry>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                var r = new Random(100 + writer);
                try {
                    for (int op = 0; op < 20_000; op++) {
                        long id = writer + 2L * r.nextInt(ENTRIES / 2);
                        Entry e = entry(id, r);
                        if (r.nextBoolean()) {
                            board.upsert(e);
                            lastWritten.put(id, e);
                        } else {
                            board.rescore(id, e.key());
                            Entry before = lastWritten.getOrDefault(id, initial.get((int) id));
                            lastWritten.put(id, new Entry(id, before.displayKey(), e.key(), before.facets()));
                        }
                        Standing mine = board.standing(id).orElseThrow();
                        assertThat(mine.key()).as("writer %s reads its write of %s", writer, id).isEqualTo(e.key());
                        assertThat(mine.displayKey()).isEqualTo(lastWritten.get(id).displayKey());
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    done.countDown();
                }
            }));
        }
        for (int r = 0; r < 2; r++) {
            int readerSeed = r;
            threads.add(new Thread(() -> read(board, new Random(200 + readerSeed), writersDone, failures)));
        }
        var freezes = new AtomicLong();
        threads.add(new Thread(() -> {
            try {
                while (!writersDone.get()) {
                    board.freeze();
                    assertThat(board.isFrozen()).isTrue();
                    assertThat(board.publicView().frozenAt()).isPresent();
                    Thread.onSpinWait();
                    assertThat(board.unfreeze()).isTrue();
                    assertThat(board.publicView()).isSameAs(board);
                    freezes.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }));
        threads.forEach(Thread::start);
        assertThat(done.await(60, TimeUnit.SECONDS)).as("writers finished in time").isTrue();
        writersDone.set(true);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(t.isAlive()).isFalse();
        }
        feed.dispose();

        assertThat(failures).isEmpty();
        assertThat(freezes.get()).as("the public view was frozen and unfrozen").isPositive();
        board.checkInvariants();
        lastWritten.values().forEach(reference::upsert);
        assertThat(board.page(0, ENTRIES).entries()).isEqualTo(reference.standings(null, null));
        for (String trade : TRADES) {
            assertThat(board.filter("trade", trade).page(0, ENTRIES).entries())
                    .isEqualTo(reference.standings("trade", trade));
        }
        assertThat(board.tiers()).isEqualTo(reference.tiers());
    }

    private static void read(Board board, Random random, AtomicBoolean stop, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            int reads = 0;
            while (!stop.get() || reads < 100) {
                reads++;
                int offset = random.nextInt(ENTRIES);
                Page page = board.page(offset, 60);
                assertThat(page.total()).isEqualTo(ENTRIES);
                assertThat(page.entries()).hasSize(Math.min(60, ENTRIES - offset));
                checkConsecutive(page.entries(), offset + 1);
                checkTiers(board.page(0, 60).entries());
                BoardView trade = board.filter("trade", TRADES[random.nextInt(TRADES.length)]);
                Page filtered = trade.page(0, 80);
                checkConsecutive(filtered.entries(), 1);
                List<Standing> around = board.around(random.nextInt(ENTRIES), 3);
                assertThat(around).hasSizeBetween(4, 7);
                checkConsecutive(around, around.get(0).position());
                List<TierStatus> tiers = board.tiers();
                assertThat(tiers.get(0).members()).isGreaterThanOrEqualTo(10);
                assertThat(tiers.get(1).members()).isLessThanOrEqualTo(50);
                Page gold = board.tierMembers("gold", 0, 100);
                assertThat(gold.entries()).hasSize(gold.total()).allMatch(s -> s.tier().isPresent());
                checkConsecutive(gold.entries(), 1);
                BoardView published = board.publicView();
                checkConsecutive(published.page(offset, 20).entries(), offset + 1);
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    /**
     * The tiers a page shows agree with its own keys (a page read torn from the tier cut-off would not): gold
     * (10 places, ties at the cut-off included) holds the first ten and everything tied with the tenth and nothing
     * after it, silver (50 places, ties at the cut-off excluded) never goes beyond place 50, tied entries share a
     * tier, and tiers only become less exclusive down the page.
     */
    private static void checkTiers(List<Standing> top) {
        SortKey tenth = top.get(9).key();
        for (int i = 0; i < top.size(); i++) {
            Standing s = top.get(i);
            Optional<String> tier = s.tier();
            boolean gold = i < 10 || s.key().equals(tenth);
            assertThat(tier.isPresent() && tier.get().equals("gold")).as("gold at %s", s).isEqualTo(gold);
            if (!gold) {
                assertThat(tier.isEmpty() || (tier.get().equals("silver") && s.position() <= 50)).as("%s", s).isTrue();
            }
            if (i > 0 && top.get(i - 1).key().equals(s.key())) {
                assertThat(tier).as("ties share a tier: %s", s).isEqualTo(top.get(i - 1).tier());
            }
            if (i > 0 && top.get(i - 1).tier().isEmpty()) {
                assertThat(tier).as("no tier after the tiers end: %s", s).isEmpty();
            }
        }
    }

    /** Positions consecutive from {@code first}; display order; ranks that follow the keys. */
    private static void checkConsecutive(List<Standing> standings, int first) {
        for (int i = 0; i < standings.size(); i++) {
            Standing s = standings.get(i);
            assertThat(s.position()).isEqualTo(first + i);
            assertThat(s.rank()).isBetween(1, s.position());
            if (i > 0) {
                Standing previous = standings.get(i - 1);
                int c = previous.key().compareTo(s.key());
                assertThat(c).isLessThanOrEqualTo(0);
                if (c == 0) {
                    assertThat(s.rank()).isEqualTo(previous.rank());
                    assertThat(previous.displayKey() < s.displayKey()
                            || (previous.displayKey() == s.displayKey() && previous.id() < s.id())).isTrue();
                } else {
                    assertThat(s.rank()).isEqualTo(s.position());
                }
            }
        }
    }

    private static Entry entry(long id, Random random) {
        SortKey key = ORDER.keyOfUnscaled(random.nextInt(300), random.nextInt(5));
        return new Entry(id, random.nextInt(100), key, Map.of("trade", TRADES[random.nextInt(TRADES.length)]));
    }
}
