package io.jingsai.benchmarks.leaderboard;

import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardSpec;
import io.jingsai.leaderboard.Entry;
import io.jingsai.leaderboard.Tier;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Bulk rebuild of a board from 1e6 published results (the results list exists beforehand). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class RebuildBenchmark {

    @Param("1000000")
    public int entries;

    List<Entry> results;
    Board board;

    @Setup(Level.Trial)
    public void results() {
        results = BoardBenchmark.entries(entries, 2);
        board = Board.create(BoardSpec.of("bench", BoardBenchmark.ORDER).withTiers(Tier.of("stars", 1_000)),
                BoardRuntime.of(Clock.systemUTC()));
    }

    @Benchmark
    public int rebuild() {
        board.rebuild(results);
        return board.count();
    }
}
