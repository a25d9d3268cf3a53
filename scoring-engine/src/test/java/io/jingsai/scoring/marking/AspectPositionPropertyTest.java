package io.jingsai.scoring.marking;

import io.jingsai.scoring.scheme.Aspect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static io.jingsai.scoring.marking.AspectMarks.ofValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link EntryScorer} reads marks that come in scheme order by position (aspect i's marks at index i) and resolves
 * any other order through the id map. Both ways must give the same result: seeded random entries scored in scheme
 * order (with aspects left out, deductions and disqualifications) against the same marks in an order the positional
 * path cannot take, on both schemes of the other property tests and against the {@code BigDecimal} path; and every
 * rejection of marks that do not fit the scheme worded alike on both ways.
 */
class AspectPositionPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void marksInSchemeOrderScoreAsMarksInAnyOtherOrder(long seed) {
        Random random = new Random(seed);
        EntryScorer fast = new EntryScorer(ScaledPathPropertyTest.SCHEME);
        EntryMarks entry = ScaledPathPropertyTest.randomEntry(random);
        EntryMarks inOrder = withAspects(entry, inSchemeOrder(ScaledPathPropertyTest.SCHEME.aspects(), entry.aspects()));
        EntryMarks outOfOrder = withAspects(entry, notInSchemeOrder(inOrder.aspects(), random));
        for (int pass = 0; pass < 2; pass++) { // the second pass reads the memo the first one filled
            EntryResult positional = fast.score(inOrder);
            assertIdentical(positional, fast.score(outOfOrder));
            assertIdentical(positional, ScaledPathPropertyTest.EXACT.score(outOfOrder));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void deductionsDisqualificationsAndMissingAspectsAreTheSameInSchemeOrder(long seed) {
        Random random = new Random(seed);
        EntryScorer scorer = EntryScorerPropertyTest.SCORER;
        EntryMarks entry = EntryScorerPropertyTest.randomMarks(random); // in scheme order
        List<AspectMarks> kept = new ArrayList<>(entry.aspects());
        while (!kept.isEmpty() && random.nextInt(4) == 0) {
            kept.remove(random.nextInt(kept.size()));
        }
        int dq = random.nextInt(4);
        Disqualification disqualification = dq == 0 ? null
                : new Disqualification("reason " + seed, "j1", dq == 1 ? null : EntryScorerTest.CHIEF);
        EntryMarks inOrder = new EntryMarks(entry.entryId(), kept, entry.deductions(), disqualification);
        EntryMarks outOfOrder = withAspects(inOrder, notInSchemeOrder(kept, random));
        EntryResult positional = scorer.score(inOrder);
        assertIdentical(positional, scorer.score(outOfOrder));
        assertIdentical(positional, new EntryScorer(scorer.scheme(), false).score(outOfOrder));
        assertThat(positional.status()).isEqualTo(dq == 2 || dq == 3 ? ResultStatus.DISQUALIFIED
                : positional.holds().isEmpty() ? ResultStatus.COMPLETE : ResultStatus.INCOMPLETE);
    }

    @Test
    void marksForADeductionModuleAreRefusedAlikeInEitherOrder() {
        EntryMarks full = EntryScorerTest.fullMarks("e1");
        List<AspectMarks> inOrder = new ArrayList<>(full.aspects());
        inOrder.add(ofValues("b2", "3")); // b2, the DEDUCTION module, is the scheme's sixth aspect
        assertRefusedAlike(inOrder, "entry e1: aspect 'b2' is a DEDUCTION module; record deductions, not marks");
    }

    @Test
    void aMultiplierOnAJudgementAspectIsRefusedAlikeInEitherOrder() {
        List<AspectMarks> inOrder = new ArrayList<>(EntryScorerTest.fullMarks("e1").aspects());
        inOrder.set(3, inOrder.get(3).withMultiplier(new BigDecimal("1.5")));
        assertRefusedAlike(inOrder, "entry e1: judgement aspect 'a3' takes no multiplier, got 1.5");
    }

    @Test
    void twoMarkSetsForOneAspectAreRefusedEvenAfterMarksInSchemeOrder() {
        List<AspectMarks> marks = new ArrayList<>(EntryScorerTest.fullMarks("e1").aspects());
        marks.add(ofValues("b2", "3"));
        marks.add(ofValues("a1", "1", "2", "3")); // more mark sets than the scheme has aspects
        assertThatThrownBy(() -> EntryScorerPropertyTest.SCORER.score(EntryMarks.of("e1", marks)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry e1: aspect 'b2' is a DEDUCTION module; record deductions, not marks");
        marks.remove(5);
        assertThatThrownBy(() -> EntryScorerPropertyTest.SCORER.score(EntryMarks.of("e1", marks)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry e1: two mark sets for aspect 'a1'");
    }

    @Test
    void anUnknownAspectAfterMarksInSchemeOrderIsRefused() {
        List<AspectMarks> marks = new ArrayList<>(EntryScorerTest.fullMarks("e1").aspects());
        marks.add(ofValues("zz", "1"));
        assertThatThrownBy(() -> EntryScorerPropertyTest.SCORER.score(EntryMarks.of("e1", marks)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry e1: unknown aspect 'zz' (not in scheme 'electrician')");
    }

    @Test
    void idsEqualButNotIdenticalToTheSchemesAreMatchedByPosition() {
        List<AspectMarks> copies = new ArrayList<>();
        for (AspectMarks marks : EntryScorerTest.fullMarks("e1").aspects()) {
            copies.add(new AspectMarks(new String(marks.aspectId()), marks.marks(), marks.multiplier()));
        }
        EntryResult result = EntryScorerPropertyTest.SCORER.score(EntryMarks.of("e1", copies));
        assertIdentical(result, EntryScorerPropertyTest.SCORER.score(EntryScorerTest.fullMarks("e1")));
        assertThat(result.status()).isEqualTo(ResultStatus.COMPLETE);
    }

    private static void assertRefusedAlike(List<AspectMarks> inOrder, String message) {
        List<AspectMarks> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        for (List<AspectMarks> marks : List.of(inOrder, reversed)) {
            assertThatThrownBy(() -> EntryScorerPropertyTest.SCORER.score(EntryMarks.of("e1", marks)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }
    }

    static List<AspectMarks> inSchemeOrder(List<Aspect> schemeAspects, List<AspectMarks> marks) {
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < schemeAspects.size(); i++) {
            position.put(schemeAspects.get(i).id(), i);
        }
        List<AspectMarks> sorted = new ArrayList<>(marks);
        sorted.sort(Comparator.comparing(m -> position.get(m.aspectId())));
        return sorted;
    }

    /** The same marks in an order whose first mark set is not at its scheme position (for two or more sets). */
    static List<AspectMarks> notInSchemeOrder(List<AspectMarks> inOrder, Random random) {
        List<AspectMarks> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, random);
        if (shuffled.size() > 1 && shuffled.get(0) == inOrder.get(0)) {
            Collections.swap(shuffled, 0, 1 + random.nextInt(shuffled.size() - 1));
        }
        return shuffled;
    }

    private static EntryMarks withAspects(EntryMarks entry, List<AspectMarks> aspects) {
        return new EntryMarks(entry.entryId(), aspects, entry.deductions(), entry.disqualification());
    }

    private static void assertIdentical(EntryResult actual, EntryResult expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.exactTotal().toString()).isEqualTo(expected.exactTotal().toString());
        assertThat(actual.aspects()).extracting(a -> String.valueOf(a.exactMark()))
                .isEqualTo(expected.aspects().stream().map(a -> String.valueOf(a.exactMark())).toList());
        assertThat(actual.holds()).isEqualTo(expected.holds());
    }
}
