package io.jingsai.benchmarks.leaderboard;

import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardSpec;
import io.jingsai.leaderboard.Entry;
import io.jingsai.leaderboard.RankingOrder;
import io.jingsai.leaderboard.SortKey;
import io.jingsai.leaderboard.Standing;
import io.jingsai.leaderboard.Tier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A board of 1e6 entries shaped like the Redis comparison ({@code benchmarks/compare-redis.sh}): members 0..n-1,
 * integer scores drawn uniformly from 0..999,999, higher first, plus a 1,000-place tier so that every read also
 * computes tier membership. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar 'leaderboard.BoardBenchmark' -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BoardBenchmark {

    static final RankingOrder ORDER = RankingOrder.score(0);
    static final int SCORES = 1_000_000;

    @Param("1000000")
    public int entries;

    Board board;
    /** Each entry's current score, as the caller (the scoring engine) knows it; for {@link #smallMoveUpdateAndRank}. */
    int[] scores;

    @Setup(Level.Trial)
    public void load() {
        board = Board.create(BoardSpec.of("bench", ORDER).withTiers(Tier.of("stars", 1_000)),
                BoardRuntime.of(Clock.systemUTC()), entries);
        List<Entry> content = entries(entries, 1);
        scores = new int[entries];
        for (Entry e : content) {
            scores[(int) e.id()] = (int) e.key().unscaled(0);
        }
        board.rebuild(content);
    }

    static List<Entry> entries(int n, long seed) {
        var random = new SplittableRandom(seed);
        var list = new ArrayList<Entry>(n);
        for (int id = 0; id < n; id++) {
            list.add(Entry.of(id, id, ORDER.keyOfUnscaled(random.nextInt(SCORES))));
        }
        return list;
    }

    /**
     * Redis: {@code EVALSHA} of {@code ZADD key score member; return ZREVRANK key member} with random member and
     * score: one atomic update that answers the new rank.
     */
    @Benchmark
    public int updateAndRank() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = random.nextInt(entries);
        return board.upsertAndRank(id, id, ORDER.keyOfUnscaled(random.nextInt(SCORES)));
    }

    /**
     * One judge's mark moving an entry a little: a random member's score changes by a random amount in -50..50 and
     * the update answers the new rank. Redis: {@code EVALSHA} of {@code ZINCRBY key delta member; return ZREVRANK
     * key member} with the same delta distribution ({@code compare-redis.sh}). The caller knows the entry's current
     * score (it computed it), as a Redis caller could send ZADD with the new total instead of ZINCRBY.
     */
    @Benchmark
    public int smallMoveUpdateAndRank() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int id = random.nextInt(entries);
        int score = scores[id] + random.nextInt(-50, 51);
        scores[id] = score;
        return board.upsertAndRank(id, id, ORDER.keyOfUnscaled(score));
    }

    /** The same as two separate calls (update, then an independent rank read). */
    @Benchmark
    public int upsertThenRank() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = random.nextInt(entries);
        board.upsert(id, id, ORDER.keyOfUnscaled(random.nextInt(SCORES)));
        OptionalInt rank = board.rank(id);
        return rank.getAsInt();
    }

    /** One judge's mark moving an entry a little: the realistic update while results come in. */
    @Benchmark
    public int smallMoveAndRank() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = random.nextInt(entries);
        SortKey key = board.standing(id).orElseThrow().key();
        board.rescore(id, ORDER.keyOfUnscaled(key.unscaled(0) + random.nextInt(-50, 51)));
        return board.rank(id).getAsInt();
    }

    /** Redis: {@code ZREVRANK}. */
    @Benchmark
    public int rank() {
        return board.rank(ThreadLocalRandom.current().nextInt(entries)).getAsInt();
    }

    /**
     * Redis: {@code ZREVRANGE key 0 99}; ours also returns each entry's rank, key and tier. On an unchanging board
     * this is served from the per-version top cache.
     */
    @Benchmark
    public List<Standing> top100() {
        return board.top(100);
    }

    /**
     * The same work without the cache: the 100 entries from offset 1 (ids, display keys, keys, ranks and tiers) are
     * read from the tree in one consistent read on every call. The page holds them in flat arrays and makes each
     * {@link Standing} object only when asked for it; {@link #top100UncachedMaterialized} asks for all of them.
     */
    @Benchmark
    public List<Standing> top100Uncached() {
        return board.page(1, 100).entries();
    }

    /**
     * {@link #top100Uncached}, then every {@link Standing} of the page made and consumed, as a caller that renders
     * each entry does (a page copies the entries' values out of its consistent read and makes each standing object
     * when asked for it).
     */
    @Benchmark
    public void top100UncachedMaterialized(Blackhole blackhole) {
        for (Standing standing : board.page(1, 100).entries()) {
            blackhole.consume(standing);
        }
    }

    /** top-100 while the board changes between reads (one update per read): the cache is never valid. */
    @Benchmark
    public List<Standing> top100AfterUpdate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long id = random.nextInt(entries);
        board.upsert(id, id, ORDER.keyOfUnscaled(random.nextInt(SCORES)));
        return board.top(100);
    }

    /** An entry and five neighbours on each side. */
    @Benchmark
    public List<Standing> around5() {
        return board.around(ThreadLocalRandom.current().nextInt(entries), 5);
    }
}
