package io.jingsai.benchmarks.leaderboard;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A/B of two builds of the leaderboard in one JVM: each build's classes get their own class loader and their own
 * 1e6-entry board ({@link BoardWorkload}), and the two run in alternate rounds of 100,000 operations, timed by the
 * thread's CPU time. On a shared machine this is far steadier than two JVMs run one after the other: both builds
 * see the same load, the same heap and the same moment. Prints the median (and range) of each build's rounds and
 * the ratio of the medians.
 *
 * <pre>{@code
 * java -Xms3g -Xmx3g -XX:+UseTransparentHugePages -cp benchmarks/target/benchmarks.jar \
 *   io.jingsai.benchmarks.leaderboard.SameJvmAB /tmp/build-a/classes /tmp/build-b/classes random-rescore 40
 * }</pre>
 *
 * Arguments: the two builds' {@code leaderboard/target/classes} directories; the workload ({@code random-rescore},
 * {@code small-move}, {@code rank}, or {@code top100}: a page of 100 computed afresh); the number of measured
 * rounds per build (default 40); the number of entries (default 1e6). Ten rounds of warm-up come first.
 */
public final class SameJvmAB {

    private static final int OPS_PER_ROUND = 100_000;
    private static final int WARM_UP_ROUNDS = 10;

    private SameJvmAB() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SameJvmAB <classes of build A> <classes of build B> <workload> [rounds]"
                    + " [entries]   workloads: " + String.join(", ", BoardWorkload.NAMES));
            System.exit(2);
        }
        int workload = Arrays.asList(BoardWorkload.NAMES).indexOf(args[2]);
        if (workload < 0) {
            throw new IllegalArgumentException("unknown workload '" + args[2] + "': expected one of "
                    + String.join(", ", BoardWorkload.NAMES));
        }
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int entries = args.length > 4 ? Integer.parseInt(args[4]) : BoardBenchmark.SCORES;
        LongUnaryOperator a = load(Path.of(args[0]), entries, workload);
        LongUnaryOperator b = load(Path.of(args[1]), entries, workload);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> perSecondA = new ArrayList<>();
        List<Double> perSecondB = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < 2 * (rounds + WARM_UP_ROUNDS); round++) {
            boolean isA = round % 2 == 0;
            long start = threads.getCurrentThreadCpuTime();
            sink += (isA ? a : b).applyAsLong(OPS_PER_ROUND);
            double perCpuSecond = OPS_PER_ROUND / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            if (round >= 2 * WARM_UP_ROUNDS) {
                (isA ? perSecondA : perSecondB).add(perCpuSecond);
            }
        }
        double medianA = print("A " + args[0], perSecondA);
        double medianB = print("B " + args[1], perSecondB);
        System.out.printf("%s, %,d entries: B/A = %.3f (checksum %d)%n", args[2], entries, medianB / medianA, sink);
    }

    /**
     * A board of the build in {@code classes}, in a class loader of its own that takes everything else (reactor,
     * {@link BoardWorkload}) from the benchmarks jar.
     */
    private static LongUnaryOperator load(Path classes, int entries, int workload) throws Exception {
        if (!classes.resolve("io/jingsai/leaderboard/Board.class").toFile().isFile()) {
            throw new IllegalArgumentException(classes + " holds no io/jingsai/leaderboard/Board.class");
        }
        URL jar = SameJvmAB.class.getProtectionDomain().getCodeSource().getLocation();
        var loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), jar},
                ClassLoader.getPlatformClassLoader());
        Class<?> type = Class.forName(BoardWorkload.class.getName(), true, loader);
        return (LongUnaryOperator) type.getConstructor(int.class, int.class, long.class)
                .newInstance(entries, workload, 7L);
    }

    private static double print(String label, List<Double> perSecond) {
        List<Double> sorted = new ArrayList<>(perSecond);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        System.out.printf("%-60s median %,10.0f ops per CPU second (%,.0f to %,.0f over %d rounds)%n",
                label, median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
        return median;
    }
}
