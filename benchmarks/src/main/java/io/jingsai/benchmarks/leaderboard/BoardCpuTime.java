package io.jingsai.benchmarks.leaderboard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The {@link BoardBenchmark} workloads timed by the running thread's CPU time instead of the wall clock, for A/B
 * comparisons of two builds on a shared machine: time the thread spends descheduled by other processes is left out
 * (their effect on shared caches is not). Each round runs every workload once; the best of the rounds after the
 * first five (warm-up) is printed. Run with the same heap as the JMH benchmark:
 * {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.jingsai.benchmarks.leaderboard.BoardCpuTime}.
 * An argument sets the number of entries (default 1e6), to see what the same operations cost when the board fits
 * in the caches. To compare two builds, {@link SameJvmAB} is steadier than two runs of this one.
 */
public final class BoardCpuTime {

    private BoardCpuTime() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : BoardBenchmark.SCORES;
        var board = new BoardWorkload(n, 0, 7);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] names = {"update+rank, random re-score", "update+rank, small move", "rank", "top-100 computed"};
        double[] best = new double[names.length];
        long sink = 0;
        for (int round = 0; round < 30; round++) {
            for (int w = 0; w < names.length; w++) {
                int ops = w == 3 ? 20_000 : 100_000;
                long start = threads.getCurrentThreadCpuTime();
                sink += board.run(w, ops);
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
