package io.jingsai.benchmarks.leaderboard;

import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardSpec;
import io.jingsai.leaderboard.Tier;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.SplittableRandom;

/**
 * The {@link BoardBenchmark} workloads timed by the running thread's CPU time instead of the wall clock, for A/B
 * comparisons of two builds on a shared machine: time the thread spends descheduled by other processes is left out
 * (their effect on shared caches is not). Each round runs every workload once; the best of the rounds after the
 * first five (warm-up) is printed. Run with the same heap as the JMH benchmark:
 * {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.jingsai.benchmarks.leaderboard.BoardCpuTime}.
 * An argument sets the number of entries (default 1e6), to see what the same operations cost when the board fits
 * in the caches. To compare a build with another, put the other build's leaderboard classes first on the class
 * path ({@code -cp /tmp/other/classes:benchmarks/target/benchmarks.jar}) and run the two alternately.
 */
public final class BoardCpuTime {

    private BoardCpuTime() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : BoardBenchmark.SCORES;
        Board board = Board.create(BoardSpec.of("bench", BoardBenchmark.ORDER).withTiers(Tier.of("stars", 1_000)),
                BoardRuntime.of(Clock.systemUTC()), n);
        var content = BoardBenchmark.entries(n, 1);
        int[] scores = new int[n];
        content.forEach(e -> scores[(int) e.id()] = (int) e.key().unscaled(0));
        board.rebuild(content);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var random = new SplittableRandom(7);
        String[] names = {"update+rank, random re-score", "update+rank, small move", "rank", "top-100 computed"};
        double[] best = new double[names.length];
        long sink = 0;
        for (int round = 0; round < 30; round++) {
            for (int w = 0; w < names.length; w++) {
                int ops = w == 3 ? 20_000 : 100_000;
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    int id = random.nextInt(n);
                    sink += switch (w) {
                        case 0 -> board.upsertAndRank(id, id,
                                BoardBenchmark.ORDER.keyOfUnscaled(random.nextInt(BoardBenchmark.SCORES)));
                        case 1 -> {
                            scores[id] += random.nextInt(101) - 50;
                            yield board.upsertAndRank(id, id, BoardBenchmark.ORDER.keyOfUnscaled(scores[id]));
                        }
                        case 2 -> board.rank(id).getAsInt();
                        default -> board.page(1, 100).entries().size();
                    };
                }
                double perCpuSecond = ops / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
                if (round >= 5) {
                    best[w] = Math.max(best[w], perCpuSecond);
                }
            }
        }
        for (int w = 0; w < names.length; w++) {
            System.out.printf("%-30s %,12.0f ops per CPU second%n", names[w], best[w]);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
