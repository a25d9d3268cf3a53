package io.jingsai.benchmarks.leaderboard;

import java.util.SplittableRandom;

/**
 * The latency of one cache miss on this machine, by working-set size: a pointer chase through an {@code int[]}
 * that holds one random cycle, so that every load depends on the one before it and no prefetcher can guess the
 * next address. This is what each step of a descent through a board that does not fit in cache waits for (see
 * leaderboard/BENCHMARKS.md). Run with the JVM options to compare, for example with and without
 * {@code -XX:+UseTransparentHugePages}:
 * {@code java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.jingsai.benchmarks.leaderboard.MemoryLatency}.
 */
public final class MemoryLatency {

    private MemoryLatency() {
    }

    public static void main(String[] args) {
        int[] sizes = {100_000, 1_000_000, 25_000_000};
        for (int n : sizes) {
            int[] next = randomCycle(n, new SplittableRandom(1));
            int steps = 20_000_000;
            int at = 0;
            for (int i = 0; i < steps / 10; i++) { // warm-up: compile the loop, touch the pages
                at = next[at];
            }
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                at = next[at];
            }
            double perLoad = (System.nanoTime() - start) / (double) steps;
            System.out.printf("%,12d ints (%,6.1f MB): %6.1f ns per dependent load   (end %d)%n",
                    n, n * 4 / 1048576.0, perLoad, at);
        }
    }

    /** {@code next[i]} is the element after {@code i} in one random cycle through all of {@code 0..n-1}. */
    private static int[] randomCycle(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[order[i]] = order[(i + 1) % n];
        }
        return next;
    }
}
