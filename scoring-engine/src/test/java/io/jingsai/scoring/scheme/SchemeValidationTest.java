package io.jingsai.scoring.scheme;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SchemeValidationTest {

    static final List<String> LEVELS = List.of("below standard", "meets standard", "above standard", "excellent");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A clean welding scheme: 40 measurement + 30 judgement + 20 measurement + 10 safety module = 100. */
    static MarkingScheme weldingScheme() {
        return MarkingScheme.builder("welding-2024", d("100"))
                .criterion(Criterion.of("A", "Weld quality",
                        SubCriterion.of("A1", "Dimensions",
                                Aspect.measurement("a1", "root gap", d("20")),
                                Aspect.measurement("a2", "bead width", d("20"))),
                        SubCriterion.of("A2", "Appearance", Aspect.judgement("a3", "finish", d("30"), LEVELS))))
                .criterion(Criterion.of("B", "Work organisation",
                        SubCriterion.of("B1", "Time", Aspect.measurement("b1", "on time", d("20"))
                                .withAllowedMarks(List.of(d("0"), d("20")))),
                        SubCriterion.of("B2", "Safety", Aspect.deduction("b2", "safety", d("10"), d("5")))))
                .build();
    }

    @Test
    void aCleanSchemeHasNoProblems() {
        ValidationReport report = weldingScheme().validate();
        assertThat(report.problems()).isEmpty();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void reportsATotalThatDoesNotAddUp() {
        MarkingScheme scheme = MarkingScheme.builder("s", d("100"))
                .criterion(Criterion.of("A", "a", SubCriterion.of("A1", "a1",
                        Aspect.measurement("x", "x", d("60")), Aspect.measurement("y", "y", d("39.5")))))
                .build();
        assertThat(scheme.validate().problems()).extracting(ValidationProblem::toString)
                .containsExactly("declaredTotal: max marks add up to 99.5 ≠ declared total 100");
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        MarkingScheme scheme = new MarkingScheme("", d("100"), List.of(), List.of(
                Criterion.of("A", "a",
                        SubCriterion.of("A1", "a1",
                                Aspect.measurement("x", "x", d("-1")),
                                Aspect.judgement("j", "j", d("30"), List.of("0", "1", "2"))),
                        new SubCriterion("A2", "a2", List.of())),
                Criterion.of("A", "dup",
                        SubCriterion.of("B1", "b1", Aspect.measurement("x", "dup", d("71")),
                                new Aspect("t", "typeless", null, d("1"), null, null, null, null, null)))),
                PanelAggregation.trimmedMean(0), -1, 2, null);

        assertThat(scheme.validate().problems())
                .extracting(ValidationProblem::path, ValidationProblem::message, ValidationProblem::severity)
                .containsExactly(
                        tuple("id", "must not be blank", Severity.ERROR),
                        tuple("defaultAggregation.k", "TRIMMED_MEAN needs k >= 1, got 0", Severity.ERROR),
                        tuple("judgementSpread", "must be >= 0, got -1", Severity.ERROR),
                        tuple("minimumJudgementPanel", "judgement needs at least 3 judges, got 2", Severity.ERROR),
                        tuple("rounding", "must be set", Severity.ERROR),
                        tuple("criteria[0].subCriteria[0].aspects[0].maxMark", "must be > 0, got -1", Severity.ERROR),
                        tuple("criteria[0].subCriteria[0].aspects[1].levelDescriptors",
                                "judgement aspect needs 4 level descriptors (scores 0-3), got 3", Severity.ERROR),
                        tuple("criteria[0].subCriteria[1].aspects", "must have at least one aspect", Severity.ERROR),
                        tuple("criteria[1].id", "duplicate criterion id 'A'", Severity.ERROR),
                        tuple("criteria[1].subCriteria[0].aspects[0].id",
                                "duplicate aspect id 'x' (aspect ids are unique in a scheme)", Severity.ERROR),
                        tuple("criteria[1].subCriteria[0].aspects[1].type", "must be MEASUREMENT, JUDGEMENT or DEDUCTION",
                                Severity.ERROR),
                        tuple("declaredTotal", "max marks add up to 102 ≠ declared total 100", Severity.ERROR));
    }

    @Test
    void everyProblemNamesItsRuleKeyAndTheValuesItsWordingNeeds() {
        MarkingScheme scheme = new MarkingScheme("s", d("100"), List.of(
                Component.of("theory", ComponentKind.THEORY, "0.4", "100"),
                Component.of("oral", ComponentKind.ORAL, "0.5", "20")), List.of(
                Criterion.inComponent("theory", "T", "t", SubCriterion.of("T1", "t",
                        Aspect.judgement("j", "j", d("90"), List.of("0", "1")).withFactor(d("2")),
                        Aspect.measurement("m", "m", d("10")).withAggregation(new PanelAggregation(PanelAggregation.Kind.MEDIAN, 1)),
                        Aspect.deduction("x", "x", d("1"), d("2")))),
                Criterion.inComponent(null, "U", "u", SubCriterion.of("U1", "u", Aspect.measurement("j", "j", d("1"))))),
                PanelAggregation.trimmedSum(0), 1, 2, io.jingsai.scoring.Rounding.DEFAULT);

        assertThat(scheme.validate().problems())
                .extracting(ValidationProblem::path, ValidationProblem::rule, ValidationProblem::values)
                .containsExactly(
                        tuple("defaultAggregation.k", "scheme.k", List.of("TRIMMED_SUM")),
                        tuple("minimumJudgementPanel", "scheme.judgementPanel", List.of("3")),
                        tuple("components[0].weight", "scheme.theoryWeight", List.of("40%")),
                        tuple("components", "scheme.weightsSum", List.of("0.9")),
                        tuple("criteria[0].subCriteria[0].aspects[0].levelDescriptors", "scheme.levelDescriptors",
                                List.of("2")),
                        tuple("criteria[0].subCriteria[0].aspects[0].factor", "scheme.otherAspectType",
                                List.of("MEASUREMENT", "JUDGEMENT")),
                        tuple("criteria[0].subCriteria[0].aspects[1].aggregation.k", "scheme.noK", List.of("MEDIAN")),
                        tuple("criteria[0].subCriteria[0].aspects[2].deductionPerViolation",
                                "scheme.deductionAboveModule", List.of("2", "1")),
                        tuple("criteria[1].componentId", "oneOf", List.of(List.of("theory", "oral"))),
                        tuple("criteria[1].subCriteria[0].aspects[0].id", "scheme.duplicateId", List.of("j")),
                        tuple("components[0].declaredMax", "scheme.componentTotal", List.of("theory", "101", "100")),
                        tuple("components[1]", "scheme.componentWithoutCriteria", List.of("oral")));
        assertThat(scheme.validate().warnings()).extracting(ValidationProblem::rule)
                .containsExactly("scheme.theoryWeight", "scheme.deductionAboveModule");
    }

    @Test
    void reportsAspectRulesPerType() {
        MarkingScheme scheme = MarkingScheme.builder("s", d("100"))
                .criterion(Criterion.of("A", "a", SubCriterion.of("A1", "a1",
                        Aspect.judgement("j", "j", d("30"), List.of("a", " ", "c", "d")).withFactor(d("0.6")),
                        Aspect.deduction("s", "safety", d("10"), null),
                        Aspect.deduction("s2", "safety 2", d("5"), d("8")),
                        Aspect.measurement("m", "m", d("55")).withFactor(d("0")).withAggregation(PanelAggregation.mean())
                                .withAllowedMarks(List.of(d("0"), d("56"))))))
                .build();
        assertThat(scheme.validate().problems()).extracting(ValidationProblem::toString).containsExactly(
                "criteria[0].subCriteria[0].aspects[0].levelDescriptors[1]: must not be blank",
                "criteria[0].subCriteria[0].aspects[0].factor: only a MEASUREMENT aspect takes a factor, this is JUDGEMENT",
                "criteria[0].subCriteria[0].aspects[1].deductionPerViolation: must be set",
                "criteria[0].subCriteria[0].aspects[2].deductionPerViolation: one violation (8) costs more than the whole "
                        + "module (5); the module stops at zero (warning)",
                "criteria[0].subCriteria[0].aspects[3].factor: must be > 0, got 0",
                "criteria[0].subCriteria[0].aspects[3].allowedMarks[1]: must be within [0, maxMark], got 56");
    }

    @Test
    void componentsMustWeighOneAndAddUpEach() {
        MarkingScheme scheme = MarkingScheme.builder("s", d("100"))
                .component(Component.of("theory", ComponentKind.THEORY, "0.4", "100"))
                .component(Component.of("practical", ComponentKind.PRACTICAL, "0.5", "100"))
                .component(Component.of("oral", ComponentKind.ORAL, "0.2", "20"))
                .criterion(Criterion.inComponent("theory", "T", "exam", SubCriterion.of("T1", "t",
                        Aspect.measurement("t", "exam", d("100")))))
                .criterion(Criterion.inComponent("practical", "P", "task", SubCriterion.of("P1", "p",
                        Aspect.measurement("p", "task", d("90")))))
                .criterion(Criterion.inComponent("nope", "X", "x", SubCriterion.of("X1", "x",
                        Aspect.measurement("x", "x", d("1")))))
                .build();
        ValidationReport report = scheme.validate();
        assertThat(report.problems()).extracting(ValidationProblem::toString).containsExactly(
                "components[0].weight: theory weight 40% is above 30%; contests usually weight theory at 30% or less (warning)",
                "components: weights add up to 1.1, must add up to 1",
                "criteria[2].componentId: unknown component 'nope', expected one of [theory, practical, oral]",
                "components[1].declaredMax: max marks of component 'practical' add up to 90 ≠ declared 100",
                "components[2]: component 'oral' has no criteria");
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.errors()).hasSize(4);
    }

    @Test
    void aTheoryWeightAboveThirtyPercentIsOnlyAWarning() {
        MarkingScheme scheme = MarkingScheme.builder("s", d("100"))
                .component(Component.of("theory", ComponentKind.THEORY, "0.35", "100"))
                .component(Component.of("practical", ComponentKind.PRACTICAL, "0.65", "100"))
                .criterion(Criterion.inComponent("theory", "T", "exam", SubCriterion.of("T1", "t",
                        Aspect.measurement("t", "exam", d("100")))))
                .criterion(Criterion.inComponent("practical", "P", "task", SubCriterion.of("P1", "p",
                        Aspect.measurement("p", "task", d("100")))))
                .build();
        ValidationReport report = scheme.validate();
        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).singleElement().extracting(ValidationProblem::path).isEqualTo("components[0].weight");
    }

    @Test
    void criteriaMustNameAComponentExactlyWhenTheSchemeHasComponents() {
        MarkingScheme noComponents = MarkingScheme.builder("s", d("10"))
                .criterion(Criterion.inComponent("theory", "T", "t", SubCriterion.of("T1", "t",
                        Aspect.measurement("t", "t", d("10")))))
                .build();
        assertThat(noComponents.validate().problems()).extracting(ValidationProblem::toString).containsExactly(
                "criteria[0].componentId: refers to component 'theory' but the scheme has no components");
    }

    @Test
    void nullsInUserInputAreReportedNotThrown() {
        MarkingScheme scheme = new MarkingScheme("s", null, java.util.Arrays.asList((Component) null),
                java.util.Arrays.asList(Criterion.of("A", "a", new SubCriterion("A1", "a",
                        java.util.Arrays.asList(null, Aspect.measurement("m", "m", null)))), null),
                null, 1, 3, io.jingsai.scoring.Rounding.DEFAULT);
        assertThat(scheme.validate().problems()).extracting(ValidationProblem::toString).containsExactly(
                "declaredTotal: must be set",
                "defaultAggregation: must be set",
                "components[0]: must not be null",
                "criteria[0].componentId: must name one of the scheme's components []",
                "criteria[0].subCriteria[0].aspects[0]: must not be null",
                "criteria[0].subCriteria[0].aspects[1].maxMark: must be set",
                "criteria[1]: must not be null");
    }

    @Test
    void panelAggregationKnowsItsMinimumPanel() {
        assertThat(PanelAggregation.trimmedMean(2).minimumMarks()).isEqualTo(5);
        assertThat(PanelAggregation.trimmedSum(1).minimumMarks()).isEqualTo(3);
        assertThat(PanelAggregation.median().minimumMarks()).isEqualTo(1);
        assertThat(PanelAggregation.trimmedSum(2).describe()).isEqualTo("trimmed sum dropping 2+2");
    }

    @Test
    void reportsMisplacedFieldsEmptyLevelsAndDuplicateComponents() {
        MarkingScheme empty = MarkingScheme.builder("empty", d("10")).build();
        assertThat(empty.validate().problems()).extracting(ValidationProblem::toString).containsExactly(
                "criteria: must have at least one criterion",
                "declaredTotal: max marks add up to 0 ≠ declared total 10");

        Aspect judgementWithDeduction = new Aspect("j", "j", AspectType.JUDGEMENT, d("4"), LEVELS,
                PanelAggregation.mean(), null, d("1"), List.of(d("1")));
        Aspect deductionWithLevels = new Aspect("s", "s", AspectType.DEDUCTION, d("3"), LEVELS, null, null, d("1"), null);
        Aspect measurementWithBadK = Aspect.measurement("m", "m", d("3")).withAggregation(new PanelAggregation(
                PanelAggregation.Kind.MEDIAN, 1));
        Aspect measurementWithoutKind = Aspect.measurement("m2", "m2", d("0.5"))
                .withAggregation(new PanelAggregation(null, 0));
        MarkingScheme scheme = MarkingScheme.builder("s", d("10.5"))
                .component(Component.of("c", ComponentKind.PRACTICAL, "1", "10.5"))
                .component(new Component("c", null, d("0.5"), d("10.5")))
                .criterion(Criterion.inComponent("c", "A", "a",
                        SubCriterion.of("A1", "a", judgementWithDeduction, deductionWithLevels, measurementWithBadK,
                                measurementWithoutKind)))
                .criterion(new Criterion("B", "b", "c", List.of()))
                .build();
        assertThat(scheme.validate().problems()).extracting(ValidationProblem::toString).containsExactly(
                "components[1].id: duplicate component id 'c'",
                "components[1].kind: must be set",
                "components: weights add up to 1.5, must add up to 1",
                "criteria[0].subCriteria[0].aspects[0].aggregation: only a MEASUREMENT aspect takes a panel aggregation, this is JUDGEMENT",
                "criteria[0].subCriteria[0].aspects[0].allowedMarks: only a MEASUREMENT aspect takes allowed marks, this is JUDGEMENT",
                "criteria[0].subCriteria[0].aspects[0].deductionPerViolation: only a DEDUCTION aspect takes points per violation, this is JUDGEMENT",
                "criteria[0].subCriteria[0].aspects[1].levelDescriptors: only a JUDGEMENT aspect takes level descriptors, this is DEDUCTION",
                "criteria[0].subCriteria[0].aspects[2].aggregation.k: MEDIAN takes no k, got 1",
                "criteria[0].subCriteria[0].aspects[3].aggregation.kind: must be MEAN, MEDIAN, TRIMMED_MEAN or TRIMMED_SUM",
                "criteria[1].subCriteria: must have at least one sub-criterion");
    }
}
