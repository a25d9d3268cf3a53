package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.scheme.MarkingScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class EntryScorerPropertyTest {

    static final EntryScorer SCORER = new EntryScorer(EntryScorerTest.electricianScheme());

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void reorderingJudgesAspectsAndDeductionsNeverChangesAResult(long seed) {
        Random random = new Random(seed);
        EntryMarks marks = randomMarks(random);
        EntryResult result = SCORER.score(marks);
        EntryResult reordered = SCORER.score(shuffled(marks, random));

        assertThat(reordered.total()).isEqualTo(result.total());
        assertThat(reordered.exactTotal()).isEqualTo(result.exactTotal());
        assertThat(reordered.status()).isEqualTo(result.status());
        assertThat(reordered.aspects()).extracting(AspectResult::status)
                .isEqualTo(result.aspects().stream().map(AspectResult::status).toList());
        assertThat(reordered.aspects()).extracting(AspectResult::exactMark)
                .isEqualTo(result.aspects().stream().map(AspectResult::exactMark).toList());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aCompleteTotalStaysWithinZeroAndTheDeclaredTotal(long seed) {
        Random random = new Random(seed);
        EntryResult result = SCORER.score(randomMarks(random));
        MarkingScheme scheme = SCORER.scheme();
        assertThat(result.exactTotal()).isGreaterThanOrEqualTo(ExactValue.ZERO)
                .isLessThanOrEqualTo(ExactValue.of(scheme.declaredTotal()));
        // the published total is the exact total rounded once
        assertThat(result.total()).isEqualTo(result.exactTotal().round(scheme.rounding()));
        assertThat(result.total().subtract(result.exactTotal().approximate(java.math.MathContext.DECIMAL128)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005"));
    }

    static EntryMarks randomMarks(Random random) {
        List<AspectMarks> aspects = new ArrayList<>();
        aspects.add(AspectMarks.ofValues("exam", mark(random, 100)));
        aspects.add(AspectMarks.ofValues("a1", mark(random, 20), mark(random, 20), mark(random, 20)));
        aspects.add(AspectMarks.ofValues("a2", mark(random, 20), mark(random, 20), mark(random, 20),
                mark(random, 20), mark(random, 20)));
        int base = random.nextInt(3);
        aspects.add(AspectMarks.ofValues("a3", String.valueOf(base + random.nextInt(2)),
                String.valueOf(base + random.nextInt(2)), String.valueOf(base + random.nextInt(2)),
                String.valueOf(base + random.nextInt(random.nextInt(10) == 0 ? 3 : 2))));
        aspects.add(AspectMarks.ofValues("b1", random.nextBoolean() ? "20" : "0"));
        List<Deduction> deductions = new ArrayList<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            deductions.add(new Deduction("b2", random.nextBoolean() ? null : BigDecimal.valueOf(1 + random.nextInt(40), 1),
                    "violation " + i, "j" + i, random.nextInt(5) == 0 ? null : EntryScorerTest.CHIEF));
        }
        return new EntryMarks("e" + random.nextInt(100), aspects, deductions, null);
    }

    static String mark(Random random, int max) {
        return BigDecimal.valueOf(random.nextInt(max * 2 + 1) * 5L, 1).toPlainString(); // 0, 0.5, 1.0, … max
    }

    static EntryMarks shuffled(EntryMarks marks, Random random) {
        List<AspectMarks> aspects = new ArrayList<>();
        for (AspectMarks aspect : marks.aspects()) {
            List<JudgeMark> judged = new ArrayList<>(aspect.marks());
            Collections.shuffle(judged, random);
            aspects.add(new AspectMarks(aspect.aspectId(), judged, aspect.multiplier()));
        }
        Collections.shuffle(aspects, random);
        List<Deduction> deductions = new ArrayList<>(marks.deductions());
        Collections.shuffle(deductions, random);
        return new EntryMarks(marks.entryId(), aspects, deductions, marks.disqualification());
    }
}
