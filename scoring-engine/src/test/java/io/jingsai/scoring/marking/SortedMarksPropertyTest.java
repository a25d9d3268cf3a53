package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fifth pass's fast paths against the paths they replace and the {@code BigDecimal} path: a {@link MarkList} keeps
 * marks of one scale sorted with their lowest, highest and total ({@link ScaledPanel#aggregateSorted} aggregates them
 * without a copy or a sort), and {@link EntryScorer} keys its memo from those fields ({@code Plan.memoised}, inlined in
 * the scoring loop, and {@code Plan.key}). Seeded random panels of every rule, sizes below and above the minimum,
 * uniform and mixed scales, out-of-range, negative and too-wide marks, multipliers, factors and allowed marks.
 */
class SortedMarksPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMarkListKeepsTheCompactFormSortedWithItsEndsAndTotal(long seed) {
        Random random = new Random(seed);
        List<JudgeMark> judged = new ArrayList<>();
        boolean mixed = random.nextInt(3) == 0;
        int scale = random.nextInt(4);
        for (int j = 0, n = random.nextInt(random.nextInt(4) == 0 ? 25 : 10); j < n; j++) { // past 16: the library sort
            BigDecimal mark = ScaledPathPropertyTest.randomMark(random, mixed ? random.nextInt(4) : scale, 10);
            if (random.nextInt(10) == 0) {
                mark = mark.negate();
            }
            judged.add(new JudgeMark("j" + j, mark));
        }
        MarkList list = (MarkList) new AspectMarks("x", judged, null).marks();
        ScaledMarks reference = ScaledMarks.ofJudged(judged);
        assertThat(list).containsExactlyElementsOf(judged); // the list itself keeps the judges' order
        if (reference == null) {
            assertThat(list.unscaled).isNull();
            return;
        }
        assertThat(list.scale).isEqualTo(reference.scale);
        assertThat(list.count).isEqualTo(judged.size());
        long[] expected = reference.unscaled.clone();
        if (reference.scales == null) {
            Arrays.sort(expected);
            assertThat(list.scales).isNull();
        } else {
            assertThat(list.scales).containsExactly(reference.scales); // mixed scales: input order, as the ties need
        }
        assertThat(list.unscaled).containsExactly(expected);
        if (expected.length > 0) {
            assertThat(list.lowest).isEqualTo(Arrays.stream(expected).min().orElseThrow());
            assertThat(list.highest).isEqualTo(Arrays.stream(expected).max().orElseThrow());
            assertThat(list.total).isEqualTo(Arrays.stream(expected).sum());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sortedAggregationEqualsTheScratchPathAndTheBigDecimalPath(long seed) {
        Random random = new Random(seed);
        PanelAggregation rule = ScaledPathPropertyTest.randomRule(random);
        int n = rule.minimumMarks() + random.nextInt(8);
        int scale = random.nextInt(4);
        BigDecimal[] marks = new BigDecimal[n];
        List<JudgeMark> judged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            marks[i] = ScaledPathPropertyTest.randomMark(random, scale, random.nextInt(8) == 0 ? 1_000_000 : 10);
            judged.add(new JudgeMark("j" + i, marks[i]));
        }
        MarkList list = (MarkList) new AspectMarks("x", judged, null).marks();
        ExactValue sorted = ScaledPanel.aggregateSorted(rule, list.unscaled, list.scale);
        ExactValue scratch = new ScaledPanel().aggregate(rule, ScaledMarks.of(marks.clone()));
        ExactValue exact = ((PanelOutcome.Aggregated) Panel.aggregateExactly(rule, marks.clone())).mark();
        assertThat(sorted.toString()).isEqualTo(scratch.toString()).isEqualTo(exact.toString());
    }

    @Test
    void sortedAggregationLeavesAnOverflowToTheBigDecimalPath() {
        long[] sorted = {Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 2};
        assertThat(ScaledPanel.aggregateSorted(PanelAggregation.mean(), sorted, 0)).isNull();
        assertThat(ScaledPanel.aggregateSorted(PanelAggregation.median(), new long[]{Long.MAX_VALUE, Long.MAX_VALUE}, 0))
                .isNull();
        assertThat(ScaledPanel.aggregateSorted(PanelAggregation.trimmedMean(1), sorted, 0).toString())
                .isEqualTo(String.valueOf(Long.MAX_VALUE / 2 + 1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void memoisedResultsEqualTheBigDecimalPathInEveryField(long seed) {
        Random random = new Random(seed);
        EntryScorer fast = new EntryScorer(SCHEME); // a fresh memo per seed
        List<EntryMarks> batch = new ArrayList<>();
        for (int e = 0; e < 10; e++) {
            batch.add(entry(random));
        }
        for (int pass = 0; pass < 3; pass++) { // the first pass fills the memo, the others read it
            for (EntryMarks entry : batch) {
                assertSame(fast.score(entry), EXACT.score(entry));
                // judges and aspects in another order: the same as the exact path given that order (a rejection names
                // the first offending mark in the judges' order, so the wording may differ from the unshuffled entry's)
                EntryMarks shuffled = EntryScorerPropertyTest.shuffled(entry, random);
                assertSame(fast.score(shuffled), EXACT.score(shuffled));
            }
            Collections.reverse(batch);
        }
    }

    private static void assertSame(EntryResult fast, EntryResult exact) {
        assertThat(fast).isEqualTo(exact);
        assertThat(fast.aspects()).extracting(a -> a.status() + " " + a.exactMark() + " " + a.detail())
                .isEqualTo(exact.aspects().stream().map(a -> a.status() + " " + a.exactMark() + " " + a.detail()).toList());
        assertThat(fast.exactTotal().toString()).isEqualTo(exact.exactTotal().toString());
        assertThat(fast.total().scale()).isEqualTo(exact.total().scale());
        assertThat(fast.holds()).isEqualTo(exact.holds());
    }

    static final List<String> IDS = List.of("mean", "median", "trim1", "trim2", "trim3", "sum1", "wide", "allowed");
    static final MarkingScheme SCHEME = MarkingScheme.builder("sorted", new BigDecimal("5072.25"))
            .criterion(new Criterion("A", "all", null, List.of(new SubCriterion("A1", "all", List.of(
                    Aspect.measurement("mean", "mean", new BigDecimal("10")),
                    Aspect.measurement("median", "median", new BigDecimal("10")).withAggregation(PanelAggregation.median()),
                    Aspect.measurement("trim1", "trimmed 1", new BigDecimal("5")).withAggregation(PanelAggregation.trimmedMean(1)),
                    Aspect.measurement("trim2", "trimmed 2", new BigDecimal("5")).withAggregation(PanelAggregation.trimmedMean(2)),
                    Aspect.measurement("trim3", "trimmed 3", new BigDecimal("9.75")).withAggregation(PanelAggregation.trimmedMean(3)),
                    Aspect.measurement("sum1", "trimmed sum 1", new BigDecimal("10"))
                            .withAggregation(PanelAggregation.trimmedSum(1)).withFactor(new BigDecimal("0.6")),
                    // sums too large for a memo at scale 1 and above
                    Aspect.measurement("wide", "wide", new BigDecimal("5000")).withAggregation(PanelAggregation.trimmedMean(1)),
                    Aspect.measurement("allowed", "allowed marks", new BigDecimal("10"))
                            .withAllowedMarks(List.of(BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("10"))),
                    Aspect.judgement("judged", "judgement", new BigDecimal("5"), ScaledPathPropertyTest.LEVELS),
                    Aspect.judgement("judged2", "judgement 2", new BigDecimal("7.5"), ScaledPathPropertyTest.LEVELS))))))
            .build();
    static final EntryScorer EXACT = new EntryScorer(SCHEME, false);

    /** Marks from few values so that sums repeat; panel sizes, scales and judges vary so that memos are rebuilt. */
    static EntryMarks entry(Random random) {
        List<AspectMarks> aspects = new ArrayList<>();
        int panel = random.nextInt(4) == 0 ? 1 + random.nextInt(9) : random.nextBoolean() ? 5 : 7;
        for (String id : IDS) {
            if (random.nextInt(20) == 0) {
                continue; // missing
            }
            int scale = random.nextInt(5) == 0 ? random.nextInt(3) : 1;
            boolean mixed = random.nextInt(8) == 0;
            List<JudgeMark> marks = new ArrayList<>();
            for (int j = 0; j < panel; j++) {
                int markScale = mixed ? random.nextInt(3) : scale;
                BigDecimal mark = BigDecimal.valueOf(random.nextInt(11) * 5L, 1).setScale(Math.max(1, markScale));
                if (markScale == 0) {
                    mark = BigDecimal.valueOf(random.nextInt(6));
                }
                switch (random.nextInt(60)) {
                    case 0 -> mark = mark.add(BigDecimal.TEN); // above every max but "wide"'s
                    case 1 -> mark = mark.negate().subtract(BigDecimal.ONE); // below zero
                    case 2 -> mark = mark.setScale(11); // too many places for the compact form
                    case 3 -> mark = new BigDecimal("1234567890123456789"); // too many digits
                    case 4 -> mark = mark.multiply(BigDecimal.valueOf(400)); // in range for "wide" only
                    default -> { }
                }
                marks.add(new JudgeMark("j" + j, mark));
            }
            BigDecimal multiplier = !id.equals("allowed") && random.nextInt(10) == 0
                    ? BigDecimal.valueOf(10 + random.nextInt(30), 1)
                    : random.nextInt(10) == 0 ? new BigDecimal("1.00") : BigDecimal.ONE; // 1.00: one, not the same object
            aspects.add(new AspectMarks(id, marks, multiplier));
        }
        for (String id : List.of("judged", "judged2")) {
            List<JudgeMark> scores = new ArrayList<>();
            int base = random.nextInt(3);
            int judges = random.nextInt(5) == 0 ? 1 + random.nextInt(18) : panel;
            for (int j = 0; j < judges; j++) {
                BigDecimal score = BigDecimal.valueOf(base + random.nextInt(random.nextInt(8) == 0 ? 3 : 2));
                switch (random.nextInt(40)) {
                    case 0 -> score = score.setScale(1); // "2.0": the exact path decides
                    case 1 -> score = BigDecimal.valueOf(4); // not a 0-3 score
                    case 2 -> score = BigDecimal.valueOf(-1);
                    default -> { }
                }
                scores.add(new JudgeMark("j" + j, score));
            }
            aspects.add(new AspectMarks(id, scores, null));
        }
        if (random.nextInt(3) == 0) {
            Collections.shuffle(aspects, random); // the map path; otherwise scheme order, the positional path
        }
        return EntryMarks.of("e" + random.nextInt(1000), aspects);
    }
}
