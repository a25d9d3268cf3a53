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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.jingsai.scoring.marking.AspectMarks.ofValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EntryScorerTest {

    static final List<String> LEVELS = List.of("poor", "fair", "good", "excellent");
    static final Approval CHIEF = new Approval("chief", Instant.parse("2024-05-01T10:00:00Z"));

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Theory 30% (an exam out of 100), practical 70% (out of 100, with a 10-point safety module). */
    static MarkingScheme electricianScheme() {
        return MarkingScheme.builder("electrician", d("100"))
                .component(Component.of("theory", ComponentKind.THEORY, "0.3", "100"))
                .component(Component.of("practical", ComponentKind.PRACTICAL, "0.7", "100"))
                .criterion(Criterion.inComponent("theory", "T", "written exam",
                        SubCriterion.of("T1", "exam", Aspect.measurement("exam", "exam", d("100")))))
                .criterion(Criterion.inComponent("practical", "P", "installation",
                        SubCriterion.of("P1", "wiring",
                                Aspect.measurement("a1", "layout", d("20")),
                                Aspect.measurement("a2", "terminations", d("20"))
                                        .withAggregation(PanelAggregation.trimmedMean(1)),
                                Aspect.judgement("a3", "workmanship", d("30"), LEVELS)),
                        SubCriterion.of("P2", "test and safety",
                                Aspect.measurement("b1", "circuit works", d("20")).withAllowedMarks(List.of(d("0"), d("20"))),
                                Aspect.deduction("b2", "safety", d("10"), d("5")))))
                .build();
    }

    static EntryMarks fullMarks(String entryId) {
        return EntryMarks.of(entryId, List.of(
                ofValues("exam", "80"),
                ofValues("a1", "18", "17", "19"),
                ofValues("a2", "15", "16", "17", "18", "20"),
                ofValues("a3", "2", "3", "2"),
                ofValues("b1", "20")));
    }

    @Test
    void weightsComponentsAndRoundsOnceAtTheEnd() {
        EntryScorer scorer = new EntryScorer(electricianScheme());
        EntryResult result = scorer.score(fullMarks("e1").withDeductions(List.of(
                new Deduction("b2", null, "no safety glasses", "j2", CHIEF))));

        // a1 = 54/3 = 18; a2 drops 15 and 20: 51/3 = 17; a3 = 7/9 × 30 = 23.333…; b1 = 20; b2 = 10 − 5 = 5
        // practical = 83.333…; total = 0.3 × 80 + 0.7 × 83.333… = 24 + 58.333… = 82.333… → 82.33
        assertThat(result.status()).isEqualTo(ResultStatus.COMPLETE);
        assertThat(result.total()).isEqualByComparingTo("82.33");
        assertThat(result.exactTotal()).isEqualTo(ExactValue.ratio(d("247"), 3));
        assertThat(result.components().keySet()).containsExactly("theory", "practical");
        assertThat(result.component("theory")).isEqualByComparingTo("80.00");
        assertThat(result.component("practical")).isEqualByComparingTo("83.33");
        assertThat(result.aspects()).extracting(AspectResult::mark).extracting(BigDecimal::toPlainString)
                .containsExactly("80.00", "18.00", "17.00", "23.33", "20.00", "5.00");
        assertThat(result.applied()).hasSize(1);
        assertThat(result.eligibleForAwards()).isTrue();
        assertThat(result.holds()).isEmpty();
    }

    @Test
    void theTotalIsRoundedFromExactMarksNotFromRoundedMarks() {
        MarkingScheme scheme = MarkingScheme.builder("s", d("12"))
                .criterion(Criterion.of("A", "a", SubCriterion.of("A1", "a",
                        Aspect.judgement("x", "x", d("6"), LEVELS), Aspect.judgement("y", "y", d("6"), LEVELS))))
                .build();
        EntryResult result = new EntryScorer(scheme).score(EntryMarks.of("e",
                List.of(ofValues("x", "2", "3", "2"), ofValues("y", "3", "2", "2"))));
        // each aspect is 14/3 = 4.666… and publishes as 4.67; the total is 28/3 = 9.333… → 9.33, not 9.34
        assertThat(result.aspects()).extracting(AspectResult::mark).extracting(BigDecimal::toPlainString)
                .containsExactly("4.67", "4.67");
        assertThat(result.total()).isEqualByComparingTo("9.33");
    }

    @Test
    void deductionsNeverTakeAModuleBelowZero() {
        EntryResult result = new EntryScorer(electricianScheme()).score(fullMarks("e1").withDeductions(List.of(
                new Deduction("b2", null, "no gloves", "j1", CHIEF),
                new Deduction("b2", null, "live work", "j2", CHIEF),
                new Deduction("b2", d("2"), "untidy", "j3", CHIEF))));
        assertThat(result.aspects().get(5).exactMark()).isEqualTo(ExactValue.ZERO);
        // practical = 18 + 17 + 23.333… + 20 + 0 = 78.333…; total = 24 + 54.8333… = 78.8333… → 78.83
        assertThat(result.total()).isEqualByComparingTo("78.83");
    }

    @Test
    void aPendingDeductionHoldsItsModuleOut() {
        EntryResult result = new EntryScorer(electricianScheme()).score(fullMarks("e1").withDeductions(List.of(
                new Deduction("b2", null, "no gloves", "j1", null))));
        assertThat(result.status()).isEqualTo(ResultStatus.INCOMPLETE);
        assertThat(result.aspects().get(5).status()).isEqualTo(AspectStatus.PENDING_APPROVAL);
        assertThat(result.holds()).containsExactly("b2: PENDING_APPROVAL - 1 deduction(s) await approval");
        // practical without the module: 78.333…; total 24 + 54.8333… → 78.83
        assertThat(result.total()).isEqualByComparingTo("78.83");
        assertThat(result.eligibleForAwards()).isFalse();
    }

    @Test
    void anApprovedDisqualificationZeroesTheResultAndMakesItIneligible() {
        EntryResult result = new EntryScorer(electricianScheme()).score(fullMarks("e1")
                .withDisqualification(new Disqualification("damaged the meter twice", "j1", CHIEF)));
        assertThat(result.status()).isEqualTo(ResultStatus.DISQUALIFIED);
        assertThat(result.total()).isEqualByComparingTo("0.00");
        assertThat(result.components()).containsEntry("theory", d("0.00")).containsEntry("practical", d("0.00"));
        assertThat(result.eligibleForAwards()).isFalse();
        assertThat(result.holds()).containsExactly("disqualified: damaged the meter twice");
    }

    @Test
    void aPendingDisqualificationLeavesTheResultIncomplete() {
        EntryResult result = new EntryScorer(electricianScheme()).score(fullMarks("e1")
                .withDisqualification(new Disqualification("damaged the meter twice", "j1", null)));
        assertThat(result.status()).isEqualTo(ResultStatus.INCOMPLETE);
        assertThat(result.holds()).containsExactly("disqualification pending approval: damaged the meter twice");
        assertThat(result.eligibleForAwards()).isFalse();
    }

    @Test
    void judgementScoresTooFarApartAreHeldOutUntilReMarked() {
        EntryMarks marks = EntryMarks.of("e1", List.of(
                ofValues("exam", "80"), ofValues("a1", "18", "17", "19"), ofValues("a2", "15", "16", "17", "18", "20"),
                ofValues("a3", "1", "3", "2"), ofValues("b1", "20")));
        EntryResult result = new EntryScorer(electricianScheme()).score(marks);
        assertThat(result.status()).isEqualTo(ResultStatus.INCOMPLETE);
        assertThat(result.aspects().get(3).status()).isEqualTo(AspectStatus.NEEDS_REVIEW);
        assertThat(result.aspects().get(3).mark()).isNull();
        assertThat(result.holds()).containsExactly("a3: NEEDS_REVIEW - judgement scores spread 2 > allowed 1: needs review");
        // practical = 18 + 17 + 20 + 10 = 65; total = 24 + 45.5 = 69.5
        assertThat(result.total()).isEqualByComparingTo("69.50");
    }

    @Test
    void badMarksRejectTheirAspectAndMissingMarksAreReported() {
        EntryMarks marks = EntryMarks.of("e1", List.of(
                ofValues("exam", "100.5"),
                ofValues("a1", "10", "-1", "11"),
                ofValues("a2", "15", "16"),
                ofValues("b1", "10")));
        EntryResult result = new EntryScorer(electricianScheme()).score(marks);
        assertThat(result.aspects()).extracting(AspectResult::status).containsExactly(AspectStatus.REJECTED,
                AspectStatus.REJECTED, AspectStatus.REJECTED, AspectStatus.MISSING, AspectStatus.REJECTED,
                AspectStatus.SCORED);
        assertThat(result.holds()).containsExactly(
                "exam: REJECTED - mark 100.5 outside [0, 100]",
                "a1: REJECTED - mark -1 outside [0, 20]",
                "a2: REJECTED - trimmed mean dropping 1+1 needs at least 3 marks, got 2",
                "a3: MISSING - no marks",
                "b1: REJECTED - mark 10 is not one of the allowed marks [0, 20]");
        assertThat(result.total()).isEqualByComparingTo("7.00"); // only the safety module: 0.7 × 10
    }

    @Test
    void multiplierAndFactorScaleAMeasurement() {
        MarkingScheme diving = MarkingScheme.builder("diving", d("10"))
                .criterion(Criterion.of("D", "dive", SubCriterion.of("D1", "dive",
                        Aspect.measurement("dive", "execution", d("10"))
                                .withAggregation(PanelAggregation.trimmedSum(1)).withFactor(d("0.6")))))
                .build();
        EntryResult result = new EntryScorer(diving).score(EntryMarks.of("e", List.of(
                ofValues("dive", "7", "7.5", "8", "6.5", "9").withMultiplier(d("3.2")))));
        // drop 6.5 and 9: 7 + 7.5 + 8 = 22.5; × 3.2 = 72; × 0.6 = 43.2
        assertThat(result.total()).isEqualByComparingTo("43.20");
    }

    @Test
    void marksThatDoNotFitTheSchemeAreReportedProblemsNotExceptions() {
        EntryScorer scorer = new EntryScorer(electricianScheme());
        EntryResult unknown = scorer.score(EntryMarks.of("e1", List.of(ofValues("zz", "1"))));
        assertThat(unknown.problems()).containsExactly(new MarkProblem("zz", MarkProblem.ASPECT_UNKNOWN,
                "marks for aspect 'zz', which is not in scheme 'electrician'"));
        assertThat(unknown.status()).isEqualTo(ResultStatus.INCOMPLETE);
        assertThat(unknown.holds()).contains("zz: marks.aspectUnknown - marks for aspect 'zz', which is not in scheme 'electrician'");

        EntryResult onModule = scorer.score(EntryMarks.of("e1", List.of(ofValues("b2", "1"))));
        assertThat(onModule.problems()).extracting(MarkProblem::aspectId, MarkProblem::rule)
                .containsExactly(tuple("b2", MarkProblem.MARKS_ON_DEDUCTION_MODULE));
        assertThat(onModule.aspect("b2").exactMark()).isEqualTo(ExactValue.of(d("10"))); // the marks are ignored

        EntryResult twice = scorer.score(EntryMarks.of("e1", List.of(ofValues("a1", "1"), ofValues("a1", "2"))));
        assertThat(twice.problems()).extracting(MarkProblem::aspectId, MarkProblem::rule)
                .containsExactly(tuple("a1", MarkProblem.ASPECT_TWICE));
        assertThat(twice.aspect("a1").status()).isEqualTo(AspectStatus.REJECTED);

        EntryResult multiplied = scorer.score(EntryMarks.of("e1", List.of(ofValues("a3", "1", "1", "1")
                .withMultiplier(d("2")))));
        assertThat(multiplied.problems()).containsExactly(new MarkProblem("a3", MarkProblem.JUDGEMENT_MULTIPLIER,
                "judgement aspect 'a3' takes no multiplier, got 2"));
        assertThat(multiplied.aspect("a3").status()).isEqualTo(AspectStatus.REJECTED);

        EntryResult misfiled = scorer.score(EntryMarks.of("e1", List.of()).withDeductions(List.of(
                new Deduction("a1", null, "r", "j", CHIEF), new Deduction("zz", null, "r", "j", CHIEF))));
        assertThat(misfiled.problems()).extracting(MarkProblem::aspectId, MarkProblem::rule).containsExactly(
                tuple("a1", MarkProblem.DEDUCTION_OUTSIDE_MODULE), tuple("zz", MarkProblem.DEDUCTION_ASPECT_UNKNOWN));
        assertThat(misfiled.applied()).isEmpty();
    }

    @Test
    void aFullEntryWithOneStrayMarkSetIsNotComplete() {
        EntryScorer scorer = new EntryScorer(electricianScheme());
        List<AspectMarks> marks = new java.util.ArrayList<>(fullMarks("e1").aspects());
        marks.add(ofValues("zz", "1")); // after marks in scheme order, and more sets than the scheme has aspects
        EntryResult result = scorer.score(EntryMarks.of("e1", marks));
        assertThat(result.status()).isEqualTo(ResultStatus.INCOMPLETE);
        assertThat(result.eligibleForAwards()).isFalse();
        assertThat(result.aspects()).allMatch(a -> a.status() == AspectStatus.SCORED);
        assertThat(result.total()).isEqualTo(scorer.score(fullMarks("e1")).total());
        // the same problems whichever order the sets come in
        java.util.Collections.reverse(marks);
        assertThat(scorer.score(EntryMarks.of("e1", marks)).problems()).isEqualTo(result.problems());
    }

    @Test
    void aspectsAreFoundByIdAndIdsNeedNotBeTheSchemesOwnStrings() {
        EntryScorer scorer = new EntryScorer(electricianScheme());
        List<AspectMarks> copies = new java.util.ArrayList<>();
        for (AspectMarks marks : fullMarks("e1").aspects()) {
            copies.add(new AspectMarks(new String(marks.aspectId()), marks.marks(), marks.multiplier()));
        }
        EntryResult result = scorer.score(EntryMarks.of("e1", copies));
        assertThat(result).isEqualTo(scorer.score(fullMarks("e1")));
        assertThat(result.status()).isEqualTo(ResultStatus.COMPLETE);
        assertThat(result.aspect("a2").mark()).isEqualByComparingTo("17.00");
        assertThat(result.aspect("b2").aspectId()).isEqualTo("b2");
        assertThat(result.aspect("zz")).isNull();
    }

    @Test
    void entriesWithTheSameCountedSumShareOneResult() {
        EntryScorer scorer = new EntryScorer(electricianScheme());
        // a2 (trimmed mean 1+1): 16 + 17 + 18 counted in both; a3 (judgement): 2 + 3 + 2 in both
        EntryResult first = scorer.score(EntryMarks.of("e1", List.of(ofValues("a2", "15", "16", "17", "18", "20"),
                ofValues("a3", "2", "3", "2"))));
        EntryResult second = scorer.score(EntryMarks.of("e2", List.of(ofValues("a2", "18", "17", "16", "0", "19"),
                ofValues("a3", "3", "2", "2"))));
        assertThat(second.aspect("a2")).isSameAs(first.aspect("a2"));
        assertThat(second.aspect("a3")).isSameAs(first.aspect("a3"));
        // the same unscaled sum at another scale is another mark: 5.1 / 3, not 51 / 3
        EntryResult scaled = scorer.score(EntryMarks.of("e3", List.of(ofValues("a2", "1.5", "1.6", "1.7", "1.8", "2.0"))));
        assertThat(scaled.aspect("a2").exactMark()).isEqualTo(ExactValue.of(d("1.7")));
        assertThat(first.aspect("a2").mark()).isEqualByComparingTo("17.00");
    }

    @Test
    void aPendingDeductionAppliesNoneOfItsModulesDeductions() {
        EntryResult result = new EntryScorer(electricianScheme()).score(fullMarks("e1").withDeductions(List.of(
                new Deduction("b2", null, "no gloves", "j1", CHIEF), new Deduction("b2", null, "live work", "j2", null))));
        assertThat(result.aspect("b2").status()).isEqualTo(AspectStatus.PENDING_APPROVAL);
        assertThat(result.applied()).isEmpty();
    }

    @Test
    void refusesAnInvalidSchemeAndIncompleteRecords() {
        MarkingScheme bad = MarkingScheme.builder("bad", d("100"))
                .criterion(Criterion.of("A", "a", SubCriterion.of("A1", "a", Aspect.measurement("x", "x", d("90")))))
                .build();
        assertThatThrownBy(() -> new EntryScorer(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("marking scheme 'bad' is invalid: [declaredTotal: max marks add up to 90 ≠ declared total 100]");
        assertThatThrownBy(() -> new Deduction("b2", null, " ", "j1", CHIEF))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason of a deduction must not be blank");
        assertThatThrownBy(() -> new Deduction("b2", d("0"), "r", "j1", CHIEF))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("deduction points must be > 0, got 0");
        assertThatThrownBy(() -> new Disqualification("r", "", CHIEF))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("judgeId of a disqualification must not be blank");
        assertThatThrownBy(() -> new Approval("chief", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("approvedAt must not be null");
        assertThatThrownBy(() -> AspectMarks.of("a1", JudgeMark.of("j1", "10"), JudgeMark.of("j1", "11")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("judge j1 marked aspect a1 twice");
        assertThatThrownBy(() -> ofValues("a1", "1").withMultiplier(d("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("multiplier of aspect a1 must be > 0, got -1");
    }
}
