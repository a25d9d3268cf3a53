package io.jingsai.benchmarks.scoring;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.marking.AspectMarks;
import io.jingsai.scoring.marking.EntryMarks;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.marking.EntryScorer;
import io.jingsai.scoring.marking.JudgeMark;
import io.jingsai.scoring.marking.Panel;
import io.jingsai.scoring.marking.PanelOutcome;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Exact entry scoring against a plain {@code double} sum of the same marks, in the same run.
 *
 * <p>The scheme has 20 aspects worth 5 points each: 12 MEASUREMENT aspects aggregated by a trimmed mean (dropping
 * 1+1 with 5 judges, 2+2 with 7) and 8 JUDGEMENT aspects (integer 0–3, {@code mean / 3 × max}). One operation scores
 * one entry, that is 20 × judges marks: marks aggregated per second = ops/s × 20 × judges. The exact path does
 * everything a real result needs (aspect lookup, range checks, aggregation, statuses, the one HALF_UP rounding);
 * the reference only adds the same marks as doubles.
 *
 * <p>{@code exactScore} scores marks that were loaded beforehand ({@link AspectMarks} refuses duplicate judges and
 * keeps the marks as scaled longs when it is built), as the double reference adds a {@code double[]} built
 * beforehand. {@code exactLoadAndScore} also builds the {@link AspectMarks} and {@link EntryMarks} from the judges'
 * marks in every operation, so the cost of loading is measured too; its marks are the lists {@link AspectMarks} kept,
 * which it reuses with their compact form. {@code exactBuildAndScore} starts from plain lists, so that form is built
 * in every operation as well.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'scoring' -f 1 -wi 3 -i 5 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {

    static final int ENTRIES = 32;
    static final int ASPECTS = 20;
    static final int MEASUREMENTS = 12;
    static final BigDecimal FIVE = BigDecimal.valueOf(5);
    static final String[] ASPECT_IDS = new String[ASPECTS];
    static final String[] ENTRY_IDS = new String[ENTRIES];

    static {
        for (int a = 0; a < ASPECTS; a++) {
            ASPECT_IDS[a] = new String("a" + a); // not the scheme's own strings: ids arrive from outside
        }
        for (int e = 0; e < ENTRIES; e++) {
            ENTRY_IDS[e] = "e" + e;
        }
    }

    @Param({"5", "7"})
    public int judges;

    private EntryScorer scorer;
    private EntryMarks[] entries;
    private double[][] doubleMarks;
    private List<List<BigDecimal>> panels;
    private List<List<List<JudgeMark>>> judged;
    /** The same marks as plain lists (not the lists {@link AspectMarks} keeps), so that loading them builds all. */
    private List<List<List<JudgeMark>>> plainJudged;
    private PanelAggregation trimmed;

    @Setup
    public void setUp() {
        trimmed = PanelAggregation.trimmedMean(judges == 5 ? 1 : 2);
        List<Aspect> aspects = new ArrayList<>();
        for (int a = 0; a < ASPECTS; a++) {
            aspects.add(a < MEASUREMENTS
                    ? Aspect.measurement("a" + a, "measurement " + a, BigDecimal.valueOf(5)).withAggregation(trimmed)
                    : Aspect.judgement("a" + a, "judgement " + a, BigDecimal.valueOf(5),
                    List.of("below", "meets", "above", "excellent")));
        }
        MarkingScheme scheme = MarkingScheme.builder("benchmark", BigDecimal.valueOf(100))
                .criterion(new Criterion("A", "all", null, List.of(new SubCriterion("A1", "all", aspects))))
                .build();
        scorer = new EntryScorer(scheme);

        Random random = new Random(42);
        entries = new EntryMarks[ENTRIES];
        doubleMarks = new double[ENTRIES][];
        panels = new ArrayList<>();
        judged = new ArrayList<>();
        plainJudged = new ArrayList<>();
        for (int e = 0; e < ENTRIES; e++) {
            List<AspectMarks> marks = new ArrayList<>();
            double[] flat = new double[ASPECTS * judges];
            int k = 0;
            for (int a = 0; a < ASPECTS; a++) {
                List<JudgeMark> panel = new ArrayList<>();
                int base = random.nextInt(3);
                for (int j = 0; j < judges; j++) {
                    BigDecimal mark = a < MEASUREMENTS
                            ? BigDecimal.valueOf(random.nextInt(51), 1)           // 0.0 .. 5.0
                            : BigDecimal.valueOf(base + random.nextInt(2));        // 0..3, spread <= 1
                    panel.add(new JudgeMark("j" + j, mark));
                    flat[k++] = mark.doubleValue();
                }
                marks.add(new AspectMarks("a" + a, panel, BigDecimal.ONE));
                panels.add(panel.stream().map(JudgeMark::mark).toList());
            }
            entries[e] = EntryMarks.of("e" + e, marks);
            judged.add(marks.stream().map(AspectMarks::marks).toList());
            plainJudged.add(marks.stream().map(m -> (List<JudgeMark>) new ArrayList<>(m.marks())).toList());
            doubleMarks[e] = flat;
        }
    }

    /** Exact scoring: one op = one entry = 20 × judges marks. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void exactScore(Blackhole bh) {
        for (EntryMarks entry : entries) {
            EntryResult result = scorer.score(entry);
            bh.consume(result.total());
        }
    }

    /**
     * Loading and exact scoring: builds each entry's {@link AspectMarks} (copy, duplicate-judge check, scaled longs) and
     * {@link EntryMarks} from the judges' marks, then scores it. One op = one entry.
     */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void exactLoadAndScore(Blackhole bh) {
        for (int e = 0; e < ENTRIES; e++) {
            List<List<JudgeMark>> panelsOfEntry = judged.get(e);
            List<AspectMarks> marks = new ArrayList<>(ASPECTS);
            for (int a = 0; a < ASPECTS; a++) {
                marks.add(new AspectMarks(ASPECT_IDS[a], panelsOfEntry.get(a), BigDecimal.ONE));
            }
            bh.consume(scorer.score(EntryMarks.of(ENTRY_IDS[e], marks)).total());
        }
    }

    /**
     * Building and exact scoring: as {@code exactLoadAndScore}, but from the judges' marks as plain lists, so each
     * {@link AspectMarks} also copies the marks and builds their compact form (scaled longs, sorted, with their ends and
     * total) instead of reusing a list it built before. The whole cost of an entry scored once, straight from input.
     * One op = one entry.
     */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void exactBuildAndScore(Blackhole bh) {
        for (int e = 0; e < ENTRIES; e++) {
            List<List<JudgeMark>> panelsOfEntry = plainJudged.get(e);
            List<AspectMarks> marks = new ArrayList<>(ASPECTS);
            for (int a = 0; a < ASPECTS; a++) {
                marks.add(new AspectMarks(ASPECT_IDS[a], panelsOfEntry.get(a), BigDecimal.ONE));
            }
            bh.consume(scorer.score(EntryMarks.of(ENTRY_IDS[e], marks)).total());
        }
    }

    /**
     * Panel aggregation alone (the public {@link Panel} API) over the same marks, summed exactly per entry and rounded
     * once: no result objects, statuses or scheme lookups. The marks are plain {@code BigDecimal} lists, so the scaled
     * form is built in every call. One op = one entry.
     */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void exactPanels(Blackhole bh) {
        int p = 0;
        for (int e = 0; e < ENTRIES; e++) {
            ExactValue.Sum sum = new ExactValue.Sum();
            for (int a = 0; a < ASPECTS; a++) {
                PanelOutcome outcome = a < MEASUREMENTS
                        ? Panel.aggregate(trimmed, panels.get(p++))
                        : Panel.judgement(panels.get(p++), FIVE, 1, 3);
                sum.add(((PanelOutcome.Aggregated) outcome).mark());
            }
            bh.consume(sum.value().round(Rounding.DEFAULT));
        }
    }

    /** Reference: a plain double sum of the same marks; one op = one entry. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public void doubleSum(Blackhole bh) {
        for (double[] marks : doubleMarks) {
            double sum = 0;
            for (double mark : marks) {
                sum += mark;
            }
            bh.consume(sum);
        }
    }
}
