package io.jingsai.api.event;

import java.util.List;

import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.RuleChecks;
import io.jingsai.scoring.scheme.SubCriterion;

/**
 * A scheme document as the engine's {@link MarkingScheme}, built whatever the document holds (nulls included) so
 * that the engine's validation reports every problem at once, at {@code scheme.…}.
 */
final class SchemeCompiler {

    static final String PATH = "scheme";

    private SchemeCompiler() {
    }

    static MarkingScheme compile(SchemeDocument document, Findings findings) {
        MarkingScheme scheme = new MarkingScheme(PATH, document.declaredTotal(),
                document.components().stream().map(c -> c == null ? null
                        : new Component(c.id(), c.kind(), c.weight(), c.declaredMax())).toList(),
                document.criteria().stream().map(SchemeCompiler::criterion).toList(),
                aggregation(document.defaultAggregation()), document.judgementSpread(),
                document.minimumJudgementPanel(), rounding(document.rounding(), findings));
        findings.add(PATH, scheme.validate().problems());
        return scheme;
    }

    private static Criterion criterion(SchemeDocument.CriterionDocument c) {
        return c == null ? null : new Criterion(c.id(), c.name(), c.componentId(), c.subCriteria().stream()
                .map(s -> s == null ? null : new SubCriterion(s.id(), s.name(),
                        s.aspects().stream().map(SchemeCompiler::aspect).toList()))
                .toList());
    }

    private static Aspect aspect(SchemeDocument.AspectDocument a) {
        return a == null ? null : new Aspect(a.id(), a.description(), a.type(), a.maxMark(), a.levelDescriptors(),
                aggregation(a.aggregation()), a.factor(), a.deductionPerViolation(), a.allowedMarks());
    }

    private static PanelAggregation aggregation(SchemeDocument.AggregationDocument a) {
        return a == null ? null : new PanelAggregation(a.kind(), a.k());
    }

    /**
     * The document's rounding, or, when it breaks a rule (reported here at {@code scheme.rounding.…}), the default in
     * its place, so that the scheme's other problems are still found and this one is not reported twice.
     */
    private static Rounding rounding(SchemeDocument.RoundingDocument r, Findings findings) {
        return findings.add(PATH + ".rounding", RuleChecks.rounding(r.scale(), r.mode()))
                ? new Rounding(r.scale(), r.mode()) : Rounding.DEFAULT;
    }
}
