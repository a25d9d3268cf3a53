package io.jingsai.benchmarks.leaderboard;

import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardSpec;
import io.jingsai.leaderboard.Tier;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * One {@link BoardBenchmark} board and one of its write workloads, run {@code n} operations at a time by
 * {@link #applyAsLong}: the unit that {@link SameJvmAB} loads once per build, each copy in its own class loader.
 * Only JDK types cross the class-loader boundary, hence {@link LongUnaryOperator}. {@link BoardCpuTime} runs every
 * workload on one such board.
 */
public final class BoardWorkload implements LongUnaryOperator {

    /** The workloads, by the name {@link SameJvmAB} takes. */
    static final String[] NAMES = {"random-rescore", "small-move", "rank", "top100"};

    private final Board board;
    private final int entries;
    private final int workload;
    private final int[] scores;
    private final SplittableRandom random;

    public BoardWorkload(int entries, int workload, long seed) {
        this.entries = entries;
        this.workload = workload;
        board = Board.create(BoardSpec.of("bench", BoardBenchmark.ORDER).withTiers(Tier.of("stars", 1_000)),
                BoardRuntime.of(Clock.systemUTC()), entries);
        var content = BoardBenchmark.entries(entries, 1);
        scores = new int[entries];
        content.forEach(e -> scores[(int) e.id()] = (int) e.key().unscaled(0));
        board.rebuild(content);
        random = new SplittableRandom(seed);
    }

    /** Runs {@code n} operations of this workload; returns a checksum of their results. */
    @Override
    public long applyAsLong(long n) {
        return run(workload, n);
    }

    /** Runs {@code n} operations of workload {@code workload} (an index into {@link #NAMES}) on this board. */
    long run(int workload, long n) {
        long sink = 0;
        for (long i = 0; i < n; i++) {
            int id = random.nextInt(entries);
            sink += switch (workload) {
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
        return sink;
    }
}
