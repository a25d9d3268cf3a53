package io.jingsai.benchmarks.leaderboard;

import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardSpec;
import io.jingsai.leaderboard.Entry;
import io.jingsai.leaderboard.RankingOrder;
import io.jingsai.leaderboard.Tier;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Retained heap per entry of a board of 1e6 entries (score only, a four-criterion chain, and that chain with three
 * facets), built by random upserts (steady-state tree fill; with and without presizing) and by a bulk rebuild.
 * Measured as the difference of used heap after full GCs, with the input list released. Run:
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar io.jingsai.benchmarks.leaderboard.BoardFootprint}; with
 * the argument {@code sweep}, the faceted board at every 25,000 entries from 750,000 to 1,300,000.
 */
public final class BoardFootprint {

    private BoardFootprint() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sweep")) {
            sweep();
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        RankingOrder score = RankingOrder.score(0);
        RankingOrder chain = chain();
        report("score only, random upserts", n, score, false, false, false);
        report("score only, bulk rebuild", n, score, false, true, false);
        report("4-criterion chain, random upserts", n, chain, false, false, false);
        report("4-criterion chain + 3 facets, random upserts", n, chain, true, false, false);
        report("4-criterion chain + 3 facets, presized, upserts", n, chain, true, false, true);
        report("4-criterion chain + 3 facets, bulk rebuild", n, chain, true, true, false);
    }

    /**
     * Bytes per entry of the four-criterion board with three facets as random upserts grow it from 750,000 to
     * 1,300,000 entries, every 25,000: the slot table's load and the leaves' fill vary with the size, and this shows
     * the range (the most is right after the table grew).
     */
    private static void sweep() {
        RankingOrder chain = chain();
        BoardSpec spec = BoardSpec.of("footprint", chain).withTiers(Tier.of("stars", 1_000))
                .withFacets("trade", "region", "keyArea");
        long before = usedHeap();
        Board board = Board.create(spec, BoardRuntime.of(Clock.systemUTC()));
        var random = new SplittableRandom(3);
        double most = 0;
        double least = Double.MAX_VALUE;
        for (int id = 0; id < 1_300_000; id++) {
            board.upsert(entry(chain, true, random, id));
            int n = id + 1;
            if (n >= 750_000 && n % 25_000 == 0) {
                double perEntry = (usedHeap() - before) / (double) n;
                most = Math.max(most, perEntry);
                least = Math.min(least, perEntry);
                System.out.printf("4-criterion chain + 3 facets, random upserts %,d entries: %.1f bytes/entry%n", n,
                        perEntry);
            }
        }
        System.out.printf("from 750,000 to 1,300,000 entries: %.1f to %.1f bytes/entry%n", least, most);
    }

    private static RankingOrder chain() {
        return RankingOrder.of(io.jingsai.leaderboard.ScaledKey.descending("total", 2),
                io.jingsai.leaderboard.ScaledKey.ascending("seconds", 0),
                io.jingsai.leaderboard.ScaledKey.descending("practical", 2),
                io.jingsai.leaderboard.ScaledKey.descending("theory", 2));
    }

    private static void report(String label, int n, RankingOrder order, boolean facets, boolean rebuild,
                               boolean presized) {
        BoardSpec spec = BoardSpec.of("footprint", order).withTiers(Tier.of("stars", 1_000));
        if (facets) {
            spec = spec.withFacets("trade", "region", "keyArea");
        }
        long before = usedHeap();
        // presized: Board.create with the expected size, so the per-entry arrays have no growth slack
        Board board = presized ? Board.create(spec, BoardRuntime.of(Clock.systemUTC()), n)
                : Board.create(spec, BoardRuntime.of(Clock.systemUTC()));
        var random = new SplittableRandom(3);
        if (rebuild) {
            List<Entry> entries = new java.util.ArrayList<>(n);
            for (int id = 0; id < n; id++) {
                entries.add(entry(order, facets, random, id));
            }
            board.rebuild(entries);
            entries = null;
        } else {
            for (int id = 0; id < n; id++) {
                board.upsert(entry(order, facets, random, id));
            }
        }
        long after = usedHeap();
        System.out.printf("%-48s %,d entries: %.1f bytes/entry%n", label, board.count(),
                (after - before) / (double) n);
    }

    private static Entry entry(RankingOrder order, boolean facets, SplittableRandom random, long id) {
        long[] values = new long[order.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(1_000_000);
        }
        Entry e = Entry.of(id, id, order.keyOfUnscaled(values));
        if (facets) {
            e = e.withFacet("trade", "t" + random.nextInt(50)).withFacet("region", "r" + random.nextInt(12))
                    .withFacet("keyArea", "k" + random.nextInt(10));
        }
        return e;
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
