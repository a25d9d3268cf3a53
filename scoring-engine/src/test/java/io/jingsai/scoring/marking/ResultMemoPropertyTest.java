package io.jingsai.scoring.marking;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static io.jingsai.scoring.marking.ScaledPathPropertyTest.SCHEME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryScorer} shares one scored {@link AspectResult} among entries whose counted marks have the same sum
 * (same panel size and scale): those shared results against the {@code BigDecimal} path, entry by entry, on batches
 * drawn from few mark values so that sums repeat, with panel sizes and scales changing between entries so that the
 * memo is rebuilt, and with multipliers, factors, mixed scales and out-of-range marks that must bypass it.
 */
class ResultMemoPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sharedResultsEqualTheBigDecimalPathInEveryField(long seed) {
        Random random = new Random(seed);
        EntryScorer fast = new EntryScorer(SCHEME); // a fresh memo per seed
        EntryScorer exact = new EntryScorer(SCHEME, false);
        List<EntryMarks> batch = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            batch.add(narrowEntry(random));
        }
        for (int pass = 0; pass < 2; pass++) { // the second pass reads what the first one left in the memo
            for (EntryMarks entry : batch) {
                assertSame(fast.score(entry), exact.score(entry));
                EntryMarks shuffled = EntryScorerPropertyTest.shuffled(entry, random);
                // the same value whatever the judges' order; the same representation as the exact path in that order
                // (equal marks of different scales, 5.5 and 5.50, give either scale depending on which is dropped)
                assertThat(fast.score(shuffled)).isEqualTo(exact.score(entry));
                assertSame(fast.score(shuffled), exact.score(shuffled));
            }
            Collections.reverse(batch);
        }
    }

    @Test
    void entriesWithTheSameCountedSumShareOneResult() {
        EntryScorer fast = new EntryScorer(SCHEME);
        // trimmed mean 1+1: 4 + 5 + 6 counted in both panels (sum 15 at scale 0); judgement sums 1+2+2 = 5 in both
        EntryResult first = fast.score(EntryMarks.of("e1", List.of(AspectMarks.ofValues("trim1", "1", "4", "5", "6", "9"),
                AspectMarks.ofValues("judged", "1", "2", "2"))));
        EntryMarks secondMarks = EntryMarks.of("e2", List.of(AspectMarks.ofValues("trim1", "6", "5", "4", "0", "10"),
                AspectMarks.ofValues("judged", "2", "1", "2")));
        EntryResult second = fast.score(secondMarks);
        assertThat(aspect(second, "trim1")).isSameAs(aspect(first, "trim1"));
        assertThat(aspect(second, "judged")).isSameAs(aspect(first, "judged"));
        assertThat(aspect(first, "trim1").exactMark().toString()).isEqualTo(new EntryScorer(SCHEME, false)
                .score(secondMarks).aspects().stream().filter(a -> a.aspectId().equals("trim1")).findFirst().orElseThrow()
                .exactMark().toString());
        // the same sum at another scale is another result: 1.5 at scale 1, not 15
        EntryResult scaled = fast.score(EntryMarks.of("e3", List.of(
                AspectMarks.ofValues("trim1", "0.1", "0.4", "0.5", "0.6", "0.9"))));
        assertThat(aspect(scaled, "trim1").exactMark()).isNotEqualTo(aspect(first, "trim1").exactMark());
        assertThat(aspect(scaled, "trim1").mark()).isEqualByComparingTo("0.50");
    }

    private static AspectResult aspect(EntryResult result, String id) {
        return result.aspects().stream().filter(a -> a.aspectId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertSame(EntryResult fast, EntryResult exact) {
        assertThat(fast).isEqualTo(exact);
        assertThat(fast.aspects()).extracting(a -> String.valueOf(a.exactMark()))
                .isEqualTo(exact.aspects().stream().map(a -> String.valueOf(a.exactMark())).toList());
        assertThat(fast.exactTotal().toString()).isEqualTo(exact.exactTotal().toString());
        assertThat(fast.total().scale()).isEqualTo(exact.total().scale());
    }

    /** Marks from a few values (halves, sometimes at scale 0 or 2), panels of 5 or 7 mostly, so sums repeat. */
    static EntryMarks narrowEntry(Random random) {
        List<AspectMarks> aspects = new ArrayList<>();
        int panel = random.nextInt(4) == 0 ? 3 + random.nextInt(7) : random.nextBoolean() ? 5 : 7;
        for (String id : List.of("mean", "median", "trim1", "trim2", "sum2", "odd")) {
            if (random.nextInt(20) == 0) {
                continue; // missing
            }
            int scale = random.nextInt(5) == 0 ? random.nextInt(3) : 1;
            boolean mixed = random.nextInt(8) == 0;
            List<JudgeMark> marks = new ArrayList<>();
            for (int j = 0; j < panel; j++) {
                int halves = 8 + random.nextInt(7); // 4.0 .. 7.0 in halves
                int markScale = mixed ? random.nextInt(3) : scale;
                BigDecimal mark = markScale == 0 && halves % 2 == 0 ? BigDecimal.valueOf(halves / 2)
                        : BigDecimal.valueOf(halves * 5L, 1).setScale(Math.max(1, markScale));
                if (random.nextInt(80) == 0) {
                    mark = mark.add(BigDecimal.TEN); // out of range
                }
                marks.add(new JudgeMark("j" + j, mark));
            }
            BigDecimal multiplier = id.equals("sum2") && random.nextInt(3) == 0
                    ? BigDecimal.valueOf(10 + random.nextInt(30), 1) : BigDecimal.ONE;
            aspects.add(new AspectMarks(id, marks, multiplier));
        }
        List<JudgeMark> scores = new ArrayList<>();
        int base = random.nextInt(3);
        int judges = random.nextInt(5) == 0 ? 2 + random.nextInt(6) : panel;
        for (int j = 0; j < judges; j++) {
            scores.add(new JudgeMark("j" + j, BigDecimal.valueOf(base + random.nextInt(random.nextInt(8) == 0 ? 3 : 2))));
        }
        aspects.add(new AspectMarks("judged", scores, null));
        aspects.add(AspectMarks.ofValues("allowed", random.nextBoolean() ? "10" : "0"));
        Collections.shuffle(aspects, random);
        return EntryMarks.of("e" + random.nextInt(1000), aspects);
    }
}
