package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.ComponentKind;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-{@code long} fast path ({@link ScaledMarks}, {@link ScaledPanel}, the fast branches of
 * {@link EntryScorer}) against the {@code BigDecimal} path: identical values and identical representations
 * (numerator scale included), on random panels with uniform and mixed scales, ties, out-of-range marks and marks the
 * fast path must decline.
 */
class ScaledPathPropertyTest {

    static final List<String> LEVELS = List.of("below", "meets", "above", "excellent");

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scaledAggregationEqualsTheBigDecimalPathDownToTheScale(long seed) {
        Random random = new Random(seed);
        PanelAggregation rule = randomRule(random);
        int n = rule.minimumMarks() + random.nextInt(rule.kind() == PanelAggregation.Kind.MEAN ? 12 : 6);
        BigDecimal[] marks = new BigDecimal[n];
        boolean mixed = random.nextBoolean();
        int scale = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            marks[i] = randomMark(random, mixed ? random.nextInt(4) : scale, 10);
        }
        ScaledMarks scaled = ScaledMarks.of(marks);
        assertThat(scaled).isNotNull();

        ExactValue fast = new ScaledPanel().aggregate(rule, scaled);
        ExactValue exact = ((PanelOutcome.Aggregated) Panel.aggregateExactly(rule, marks.clone())).mark();
        assertThat(fast).isEqualTo(exact);
        assertThat(fast.toString()).isEqualTo(exact.toString());
        // and through the public API, which takes the fast path
        assertThat(Panel.aggregate(rule, List.of(marks))).isEqualTo(new PanelOutcome.Aggregated(exact));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scaledEntryScoringEqualsTheBigDecimalPathInEveryField(long seed) {
        Random random = new Random(seed);
        EntryMarks entry = randomEntry(random);
        EntryResult fast = FAST.score(entry);
        EntryResult exact = EXACT.score(entry);

        assertThat(fast).isEqualTo(exact);
        assertThat(fast.exactTotal().toString()).isEqualTo(exact.exactTotal().toString());
        assertThat(fast.aspects()).extracting(a -> String.valueOf(a.exactMark()))
                .isEqualTo(exact.aspects().stream().map(a -> String.valueOf(a.exactMark())).toList());
        assertThat(fast.total().scale()).isEqualTo(exact.total().scale());
        // reordering the judges changes neither path
        assertThat(FAST.score(EntryScorerPropertyTest.shuffled(entry, random))).isEqualTo(exact);
    }

    @Test
    void marksTheFastPathCannotHoldAreLeftToTheBigDecimalPath() {
        assertThat(ScaledMarks.of(new BigDecimal[]{new BigDecimal("1E+1"), BigDecimal.ONE})).isNull(); // negative scale
        assertThat(ScaledMarks.of(new BigDecimal[]{new BigDecimal("0.0000000001")})).isNull(); // scale 10
        assertThat(ScaledMarks.of(new BigDecimal[]{new BigDecimal("1234567890123456789")})).isNull(); // 19 digits
        // 17 digits at scale 0 overflow a long when brought to scale 9 alongside another mark
        assertThat(ScaledMarks.of(new BigDecimal[]{new BigDecimal("12345678901234567"), new BigDecimal("0.000000001")}))
                .isNull();
        ScaledMarks mixed = ScaledMarks.of(new BigDecimal[]{new BigDecimal("9"), new BigDecimal("8.5")});
        assertThat(mixed.unscaled).containsExactly(90, 85);
        assertThat(mixed.scale).isEqualTo(1);
        assertThat(mixed.scales).containsExactly(0, 1);
    }

    @Test
    void equalMarksOfDifferentScalesAreDroppedInTheSameOrderAsTheBigDecimalPath() {
        // 7.0 and 7 tie; the stable order drops the first-given at the low end and the last-given at the high end
        BigDecimal[] marks = {new BigDecimal("7.00"), new BigDecimal("7"), new BigDecimal("8"), new BigDecimal("9.5"),
                new BigDecimal("9.50")};
        PanelAggregation rule = PanelAggregation.trimmedSum(1);
        ExactValue fast = new ScaledPanel().aggregate(rule, ScaledMarks.of(marks));
        ExactValue exact = ((PanelOutcome.Aggregated) Panel.aggregateExactly(rule, marks.clone())).mark();
        assertThat(fast.toString()).isEqualTo(exact.toString()).isEqualTo("24.5");
    }

    @Test
    void aSumOverflowingALongFallsBackToTheBigDecimalPath() {
        BigDecimal big = new BigDecimal("999999999999999999"); // 18 digits: held, but ten of them overflow a long
        BigDecimal[] marks = new BigDecimal[10];
        java.util.Arrays.fill(marks, big);
        assertThat(new ScaledPanel().aggregate(PanelAggregation.mean(), ScaledMarks.of(marks))).isNull();
        assertThat(Panel.aggregate(PanelAggregation.mean(), List.of(marks)))
                .isEqualTo(new PanelOutcome.Aggregated(ExactValue.of(big)));
    }

    static final MarkingScheme SCHEME = MarkingScheme.builder("scaled", new BigDecimal("100"))
            .component(Component.of("theory", ComponentKind.THEORY, "0.3", "20"))
            .component(Component.of("practical", ComponentKind.PRACTICAL, "0.7", "56.75"))
            .criterion(Criterion.inComponent("theory", "T", "theory", SubCriterion.of("T1", "exam",
                    Aspect.measurement("mean", "mean", new BigDecimal("10")),
                    Aspect.measurement("median", "median", new BigDecimal("10"))
                            .withAggregation(PanelAggregation.median()))))
            .criterion(Criterion.inComponent("practical", "P", "practical", SubCriterion.of("P1", "work",
                    Aspect.measurement("trim1", "trimmed 1", new BigDecimal("10"))
                            .withAggregation(PanelAggregation.trimmedMean(1)),
                    Aspect.measurement("trim2", "trimmed 2", new BigDecimal("10"))
                            .withAggregation(PanelAggregation.trimmedMean(2)),
                    Aspect.measurement("sum2", "trimmed sum 2", new BigDecimal("10"))
                            .withAggregation(PanelAggregation.trimmedSum(2)).withFactor(new BigDecimal("0.6")),
                    Aspect.measurement("odd", "odd max", new BigDecimal("9.75")),
                    Aspect.judgement("judged", "judgement", new BigDecimal("7"), LEVELS),
                    Aspect.measurement("allowed", "allowed marks", new BigDecimal("10"))
                            .withAllowedMarks(List.of(BigDecimal.ZERO, new BigDecimal("10"))))))
            .build();
    static final EntryScorer FAST = new EntryScorer(SCHEME);
    static final EntryScorer EXACT = new EntryScorer(SCHEME, false);

    static EntryMarks randomEntry(Random random) {
        List<AspectMarks> aspects = new ArrayList<>();
        for (String id : List.of("mean", "median", "trim1", "trim2", "sum2", "odd")) {
            if (random.nextInt(15) == 0) {
                continue; // missing
            }
            int n = 1 + random.nextInt(9);
            boolean mixed = random.nextInt(3) == 0;
            int scale = random.nextInt(3);
            List<JudgeMark> marks = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                BigDecimal mark = randomMark(random, mixed ? random.nextInt(3) : scale, 10);
                if (random.nextInt(40) == 0) {
                    mark = mark.add(BigDecimal.TEN); // out of range
                } else if (random.nextInt(60) == 0) {
                    mark = mark.negate().subtract(BigDecimal.ONE); // below zero
                } else if (random.nextInt(60) == 0) {
                    mark = mark.setScale(11); // too many places for the fast path
                }
                marks.add(new JudgeMark("j" + j, mark));
            }
            BigDecimal multiplier = id.equals("sum2") && random.nextBoolean()
                    ? BigDecimal.valueOf(10 + random.nextInt(30), 1) : BigDecimal.ONE;
            aspects.add(new AspectMarks(id, marks, multiplier));
        }
        List<JudgeMark> scores = new ArrayList<>();
        int judges = 2 + random.nextInt(6);
        int base = random.nextInt(3);
        for (int j = 0; j < judges; j++) {
            int score = base + random.nextInt(random.nextInt(8) == 0 ? 3 : 2);
            BigDecimal mark = BigDecimal.valueOf(score);
            if (random.nextInt(30) == 0) {
                mark = mark.setScale(1); // "2.0": a valid score the fast path leaves to the exact path
            }
            scores.add(new JudgeMark("j" + j, mark));
        }
        aspects.add(new AspectMarks("judged", scores, null));
        aspects.add(AspectMarks.ofValues("allowed", random.nextBoolean() ? "10" : random.nextBoolean() ? "0" : "5"));
        Collections.shuffle(aspects, random);
        return EntryMarks.of("e" + random.nextInt(1000), aspects);
    }

    static PanelAggregation randomRule(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> PanelAggregation.mean();
            case 1 -> PanelAggregation.median();
            case 2 -> PanelAggregation.trimmedMean(1 + random.nextInt(3));
            default -> PanelAggregation.trimmedSum(1 + random.nextInt(3));
        };
    }

    /** A mark in [0, max] at the given scale, often repeating a few values so that ties are common. */
    static BigDecimal randomMark(Random random, int scale, int max) {
        long steps = (long) max * (long) Math.pow(10, scale);
        long unscaled = random.nextInt(3) == 0 ? steps / 2 : (long) (random.nextDouble() * (steps + 1));
        return BigDecimal.valueOf(Math.min(unscaled, steps), scale);
    }
}
