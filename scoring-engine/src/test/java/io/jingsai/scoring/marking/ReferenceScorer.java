package io.jingsai.scoring.marking;

import io.jingsai.scoring.Fraction;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test oracle: the scoring rules (as the project's domain notes state them) written out the plain way, one aspect
 * at a time, in {@link Fraction}s, sharing no code with {@link EntryScorer}, {@link Panel} or {@code ExactValue}.
 * Slow and obvious on purpose: sort the marks, drop what the rule drops, add up, divide.
 */
final class ReferenceScorer {

    /** What the reference expects for one aspect: its status and, when scored, its exact mark. */
    record Aspect(String id, AspectStatus status, Fraction mark) {
    }

    /** What the reference expects for one entry. */
    record Result(ResultStatus status, Fraction total, BigDecimal published, Map<String, BigDecimal> components,
                  List<Aspect> aspects, List<String> problems, List<Deduction> applied) {
    }

    private final MarkingScheme scheme;

    ReferenceScorer(MarkingScheme scheme) {
        this.scheme = scheme;
    }

    Result score(EntryMarks entry) {
        List<String> problems = new ArrayList<>();
        List<Deduction> applied = new ArrayList<>();
        List<Aspect> aspects = new ArrayList<>();
        Map<String, Fraction> componentSums = new LinkedHashMap<>();
        for (Component component : scheme.components()) {
            componentSums.put(component.id(), Fraction.ZERO);
        }
        Fraction plainSum = Fraction.ZERO;
        List<String> schemeIds = new ArrayList<>();
        for (Criterion criterion : scheme.criteria()) {
            for (SubCriterion sub : criterion.subCriteria()) {
                for (io.jingsai.scoring.scheme.Aspect aspect : sub.aspects()) {
                    schemeIds.add(aspect.id());
                    Aspect result = aspect(aspect, entry, problems, applied);
                    aspects.add(result);
                    if (result.status() == AspectStatus.SCORED) {
                        if (criterion.componentId() == null) {
                            plainSum = plainSum.plus(result.mark());
                        } else {
                            componentSums.merge(criterion.componentId(), result.mark(), Fraction::plus);
                        }
                    }
                }
            }
        }
        for (AspectMarks marks : entry.aspects()) {
            if (!schemeIds.contains(marks.aspectId())) {
                problems.add(marks.aspectId() + " " + MarkProblem.ASPECT_UNKNOWN);
            }
        }
        for (Deduction deduction : entry.deductions()) {
            io.jingsai.scoring.scheme.Aspect target = scheme.aspects().stream()
                    .filter(a -> a.id().equals(deduction.aspectId())).findFirst().orElse(null);
            if (target == null) {
                problems.add(deduction.aspectId() + " " + MarkProblem.DEDUCTION_ASPECT_UNKNOWN);
            } else if (target.type() != AspectType.DEDUCTION) {
                problems.add(deduction.aspectId() + " " + MarkProblem.DEDUCTION_OUTSIDE_MODULE);
            }
        }
        Disqualification dq = entry.disqualification();
        boolean disqualified = dq != null && dq.isApproved();
        Fraction total;
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        if (scheme.components().isEmpty()) {
            total = plainSum;
        } else {
            Fraction weighted = Fraction.ZERO;
            for (Component component : scheme.components()) {
                Fraction score = disqualified ? Fraction.ZERO : componentSums.get(component.id());
                components.put(component.id(), round(score));
                weighted = weighted.plus(score.times(Fraction.of(component.weight()))
                        .dividedBy(Fraction.of(component.declaredMax())));
            }
            total = weighted.times(Fraction.of(scheme.declaredTotal()));
        }
        if (disqualified) {
            total = Fraction.ZERO;
        }
        boolean allScored = aspects.stream().allMatch(a -> a.status() == AspectStatus.SCORED);
        ResultStatus status = disqualified ? ResultStatus.DISQUALIFIED
                : allScored && problems.isEmpty() && dq == null ? ResultStatus.COMPLETE : ResultStatus.INCOMPLETE;
        return new Result(status, total, round(total), components, aspects, problems.stream().sorted().toList(),
                applied);
    }

    private BigDecimal round(Fraction value) {
        return value.round(scheme.rounding().scale(), scheme.rounding().mode());
    }

    private Aspect aspect(io.jingsai.scoring.scheme.Aspect aspect, EntryMarks entry, List<String> problems,
                          List<Deduction> applied) {
        List<AspectMarks> sets = entry.aspects().stream().filter(m -> m.aspectId().equals(aspect.id())).toList();
        if (sets.size() > 1) {
            problems.add(aspect.id() + " " + MarkProblem.ASPECT_TWICE);
        }
        if (aspect.type() == AspectType.DEDUCTION) {
            if (!sets.isEmpty()) {
                problems.add(aspect.id() + " " + MarkProblem.MARKS_ON_DEDUCTION_MODULE);
            }
            return deductionModule(aspect, entry, applied);
        }
        if (sets.isEmpty()) {
            return new Aspect(aspect.id(), AspectStatus.MISSING, null);
        }
        if (sets.size() > 1) {
            return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
        }
        AspectMarks given = sets.get(0);
        List<BigDecimal> marks = given.marks().stream().map(JudgeMark::mark).sorted().toList();
        if (aspect.type() == AspectType.JUDGEMENT) {
            if (given.multiplier().compareTo(BigDecimal.ONE) != 0) {
                problems.add(aspect.id() + " " + MarkProblem.JUDGEMENT_MULTIPLIER);
                return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
            }
            return judgement(aspect, marks);
        }
        return measurement(aspect, marks, given.multiplier());
    }

    private Aspect judgement(io.jingsai.scoring.scheme.Aspect aspect, List<BigDecimal> scores) {
        if (scores.size() < scheme.minimumJudgementPanel()) {
            return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
        }
        for (BigDecimal score : scores) {
            boolean isScore = false;
            for (int s = 0; s <= 3; s++) {
                isScore |= score.compareTo(BigDecimal.valueOf(s)) == 0;
            }
            if (!isScore) {
                return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
            }
        }
        BigDecimal spread = scores.get(scores.size() - 1).subtract(scores.get(0));
        if (spread.compareTo(BigDecimal.valueOf(scheme.judgementSpread())) > 0) {
            return new Aspect(aspect.id(), AspectStatus.NEEDS_REVIEW, null);
        }
        Fraction mean = sum(scores).dividedBy(Fraction.of(scores.size()));
        return new Aspect(aspect.id(), AspectStatus.SCORED,
                mean.dividedBy(Fraction.of(3)).times(Fraction.of(aspect.maxMark())));
    }

    private Aspect measurement(io.jingsai.scoring.scheme.Aspect aspect, List<BigDecimal> marks, BigDecimal multiplier) {
        for (BigDecimal mark : marks) {
            BigDecimal plain = mark.stripTrailingZeros();
            int decimals = Math.max(0, plain.scale());
            int wholeDigits = mark.abs().compareTo(BigDecimal.ONE) < 0 ? 0
                    : mark.abs().toBigInteger().toString().length();
            if (decimals > 9 || wholeDigits > 9) {
                return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
            }
        }
        for (BigDecimal mark : marks) {
            if (mark.signum() < 0 || mark.compareTo(aspect.maxMark()) > 0) {
                return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
            }
        }
        if (!aspect.allowedMarks().isEmpty()) {
            for (BigDecimal mark : marks) {
                if (aspect.allowedMarks().stream().noneMatch(a -> a.compareTo(mark) == 0)) {
                    return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
                }
            }
        }
        PanelAggregation rule = aspect.aggregation() == null ? scheme.defaultAggregation() : aspect.aggregation();
        Fraction aggregated = aggregate(rule, marks);
        if (aggregated == null) {
            return new Aspect(aspect.id(), AspectStatus.REJECTED, null);
        }
        return new Aspect(aspect.id(), AspectStatus.SCORED,
                aggregated.times(Fraction.of(multiplier)).times(Fraction.of(aspect.effectiveFactor())));
    }

    /**
     * The reference panel rules over marks sorted ascending: the mean; the middle mark (or the mean of the two middle
     * marks); the mean or sum of what is left after dropping k at each end. Null when there are too few marks.
     */
    static Fraction aggregate(PanelAggregation rule, List<BigDecimal> sorted) {
        int n = sorted.size();
        return switch (rule.kind()) {
            case MEAN -> n == 0 ? null : sum(sorted).dividedBy(Fraction.of(n));
            case MEDIAN -> n == 0 ? null : n % 2 == 1 ? Fraction.of(sorted.get(n / 2))
                    : Fraction.of(sorted.get(n / 2 - 1)).plus(Fraction.of(sorted.get(n / 2))).dividedBy(Fraction.of(2));
            case TRIMMED_MEAN -> n < 2 * rule.k() + 1 ? null
                    : sum(sorted.subList(rule.k(), n - rule.k())).dividedBy(Fraction.of(n - 2L * rule.k()));
            case TRIMMED_SUM -> n < 2 * rule.k() + 1 ? null : sum(sorted.subList(rule.k(), n - rule.k()));
        };
    }

    private static Fraction sum(List<BigDecimal> values) {
        Fraction sum = Fraction.ZERO;
        for (BigDecimal value : values) {
            sum = sum.plus(Fraction.of(value));
        }
        return sum;
    }

    private Aspect deductionModule(io.jingsai.scoring.scheme.Aspect module, EntryMarks entry, List<Deduction> applied) {
        List<Deduction> deductions = entry.deductions().stream().filter(d -> d.aspectId().equals(module.id())).toList();
        if (deductions.stream().anyMatch(d -> !d.isApproved())) {
            return new Aspect(module.id(), AspectStatus.PENDING_APPROVAL, null);
        }
        Fraction left = Fraction.of(module.maxMark());
        for (Deduction deduction : deductions) {
            left = left.minus(Fraction.of(deduction.points() == null ? module.deductionPerViolation() : deduction.points()));
            applied.add(deduction);
        }
        return new Aspect(module.id(), AspectStatus.SCORED, left.compareTo(Fraction.ZERO) < 0 ? Fraction.ZERO : left);
    }
}
