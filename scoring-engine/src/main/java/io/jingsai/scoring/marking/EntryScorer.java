package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;
import io.jingsai.scoring.scheme.ValidationReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores entries under one validated marking scheme: panel aggregation per aspect, deductions per module, weighted
 * components, disqualification, and the one final rounding.
 *
 * <ul>
 *   <li>MEASUREMENT: marks in {@code [0, maxMark]} (and among the allowed marks, if the aspect lists any), aggregated
 *       by the aspect's rule ({@link Panel}), × the entry's multiplier × the aspect's factor (the result may exceed
 *       the max mark, as a diving score does).</li>
 *   <li>JUDGEMENT: {@link Panel#judgement}; a spread above the scheme's allowance is NEEDS_REVIEW.</li>
 *   <li>DEDUCTION: {@code max(0, maxMark − Σ approved points)}; any pending deduction holds the module out.</li>
 *   <li>Total: the sum of scored aspects, or with components
 *       {@code declaredTotal × Σ weight × componentScore / componentMax}. An approved disqualification makes it zero.</li>
 * </ul>
 *
 * <p>All arithmetic is exact; the order of judges, aspects and entries never changes a result. Problems with marks
 * (out of range, not an allowed mark, wrong panel size, a judgement score that is not 0-3) are values
 * ({@link AspectStatus#REJECTED}). Marks that do not fit the scheme at all (an unknown aspect, two mark sets for one
 * aspect, marks on a DEDUCTION module, a multiplier on a judgement aspect, a deduction outside a DEDUCTION module) are
 * values too: {@link EntryResult#problems()}, each with the aspect id and a rule key, and the result is then
 * {@link ResultStatus#INCOMPLETE} (unless disqualified). Instances are immutable and thread-safe.
 *
 * <p>Speed without rounding: each panel rule is applied once, to marks held as sorted scaled {@code long}s that
 * {@link AspectMarks} prepared when the marks were loaded ({@link SortedMarks}); and a scored aspect whose counted
 * marks add up to a sum seen before (for the same panel size and scale) reuses the result built for that sum.
 */
public final class EntryScorer {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Stands for the mark sets of an aspect given more than once: none of them counts. */
    private static final AspectMarks GIVEN_TWICE = AspectMarks.ofValues("given twice");

    private final MarkingScheme scheme;
    private final Rounding rounding;
    private final Map<String, Plan> plans = new HashMap<>();
    /** The plans by scheme position, resolved once here. */
    private final Plan[] positions;
    private final List<Component> components;
    private final ExactValue declaredTotal;
    /** The scheme's judgement rules, read once here rather than per judgement aspect per entry. */
    private final int judgementSpread;
    private final int minimumJudges;

    /**
     * @throws IllegalArgumentException if the scheme has validation errors (the message lists them)
     */
    public EntryScorer(MarkingScheme scheme) {
        Checks.requireNonNull(scheme, "scheme");
        ValidationReport report = scheme.validate();
        if (!report.isValid()) {
            throw new IllegalArgumentException("marking scheme '" + scheme.id() + "' is invalid: " + report.errors());
        }
        this.scheme = scheme;
        this.rounding = scheme.rounding();
        this.components = scheme.components();
        this.declaredTotal = ExactValue.of(scheme.declaredTotal());
        this.judgementSpread = scheme.judgementSpread();
        this.minimumJudges = scheme.minimumJudgementPanel();
        Map<String, Integer> componentIndex = new HashMap<>();
        for (int i = 0; i < components.size(); i++) {
            componentIndex.put(components.get(i).id(), i);
        }
        List<Plan> ordered = new ArrayList<>();
        for (Criterion criterion : scheme.criteria()) {
            int component = criterion.componentId() == null ? 0 : componentIndex.get(criterion.componentId());
            for (SubCriterion sub : criterion.subCriteria()) {
                for (Aspect aspect : sub.aspects()) {
                    Plan plan = new Plan(ordered.size(), aspect, component);
                    plans.put(aspect.id(), plan);
                    ordered.add(plan);
                }
            }
        }
        this.positions = ordered.toArray(new Plan[0]);
    }

    /** The scheme this scorer applies. */
    public MarkingScheme scheme() {
        return scheme;
    }

    /** Scores many entries, in the given order. */
    public List<EntryResult> scoreAll(List<EntryMarks> entries) {
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (EntryMarks entry : entries) {
            results.add(score(entry));
        }
        return results;
    }

    /** Scores one entry; never throws for marks or deductions that do not fit the scheme (see the class comment). */
    public EntryResult score(EntryMarks entry) {
        Checks.requireNonNull(entry, "entry");
        Scoring scoring = new Scoring(entry);
        List<AspectMarks> given = entry.aspects();
        int givenCount = given.size();
        // null when the marks come in scheme order (the usual case): position i then holds aspect i's marks
        AspectMarks[] byPosition = inSchemeOrder(given) ? null : byPosition(scoring);
        Map<Plan, List<Deduction>> deductions = deductionsByModule(scoring);
        AspectResult[] aspects = new AspectResult[positions.length];
        for (int i = 0; i < positions.length; i++) {
            Plan plan = positions[i];
            AspectMarks marks = byPosition != null ? byPosition[i] : i < givenCount ? given.get(i) : null;
            AspectResult result = plan.deduction
                    ? deductionModule(plan, marks, deductions.getOrDefault(plan, List.of()), scoring)
                    : plan.marked(marks, scoring);
            aspects[i] = result;
            if (result.status() == AspectStatus.SCORED) {
                scoring.sums[plan.component].add(result.exactMark());
            } else {
                scoring.hold(plan.id + ": " + result.status() + (result.detail().isEmpty() ? "" : " - " + result.detail()));
            }
        }
        return finish(scoring, List.of(aspects));
    }

    /** One entry's work in progress: its sums, holds, problems and applied deductions, each made when first needed. */
    private final class Scoring {
        final EntryMarks entry;
        final ExactValue.Sum[] sums;
        List<String> holds;
        List<MarkProblem> problems;
        List<Deduction> applied;

        Scoring(EntryMarks entry) {
            this.entry = entry;
            this.sums = new ExactValue.Sum[Math.max(1, components.size())];
            for (int c = 0; c < sums.length; c++) {
                sums[c] = new ExactValue.Sum();
            }
        }

        void hold(String line) {
            if (holds == null) {
                holds = new ArrayList<>();
            }
            holds.add(line);
        }

        void problem(String aspectId, String rule, String detail) {
            if (problems == null) {
                problems = new ArrayList<>();
            }
            problems.add(new MarkProblem(aspectId, rule, detail));
        }
    }

    /** True when the entry has at most one mark set per aspect, in scheme order (set i names aspect i). */
    private boolean inSchemeOrder(List<AspectMarks> given) {
        int n = given.size();
        if (n > positions.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String id = given.get(i).aspectId();
            if (id != positions[i].id && !positions[i].id.equals(id)) {
                return false;
            }
        }
        return true;
    }

    /** The mark sets by scheme position; unknown aspects and repeated sets are reported as problems. */
    private AspectMarks[] byPosition(Scoring scoring) {
        AspectMarks[] byPosition = new AspectMarks[positions.length];
        for (AspectMarks marks : scoring.entry.aspects()) {
            Plan plan = plans.get(marks.aspectId());
            if (plan == null) {
                scoring.problem(marks.aspectId(), MarkProblem.ASPECT_UNKNOWN, "marks for aspect '" + marks.aspectId()
                        + "', which is not in scheme '" + scheme.id() + "'");
            } else if (byPosition[plan.index] == null) {
                byPosition[plan.index] = marks;
            } else if (byPosition[plan.index] != GIVEN_TWICE) {
                byPosition[plan.index] = GIVEN_TWICE;
                scoring.problem(marks.aspectId(), MarkProblem.ASPECT_TWICE,
                        "two or more mark sets for aspect '" + marks.aspectId() + "'");
            }
        }
        return byPosition;
    }

    /** Approved and pending deductions by module; deductions outside a DEDUCTION module are reported as problems. */
    private Map<Plan, List<Deduction>> deductionsByModule(Scoring scoring) {
        List<Deduction> all = scoring.entry.deductions();
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Plan, List<Deduction>> byModule = new HashMap<>();
        for (Deduction deduction : all) {
            Plan plan = plans.get(deduction.aspectId());
            if (plan == null) {
                scoring.problem(deduction.aspectId(), MarkProblem.DEDUCTION_ASPECT_UNKNOWN, "deduction on aspect '"
                        + deduction.aspectId() + "', which is not in scheme '" + scheme.id() + "'");
            } else if (!plan.deduction) {
                scoring.problem(deduction.aspectId(), MarkProblem.DEDUCTION_OUTSIDE_MODULE, "deduction on aspect '"
                        + deduction.aspectId() + "', which is " + plan.aspect.type() + ", not a DEDUCTION module");
            } else {
                byModule.computeIfAbsent(plan, p -> new ArrayList<>()).add(deduction);
            }
        }
        return byModule;
    }

    private EntryResult finish(Scoring scoring, List<AspectResult> aspects) {
        Disqualification dq = scoring.entry.disqualification();
        boolean disqualified = dq != null && dq.isApproved();
        if (dq != null && !dq.isApproved()) {
            scoring.hold("disqualification pending approval: " + dq.reason());
        }
        if (scoring.problems != null) {
            for (MarkProblem problem : scoring.problems) {
                scoring.hold(problem.aspectId() + ": " + problem.rule() + " - " + problem.detail());
            }
        }
        Map<String, BigDecimal> componentScores = components.isEmpty() ? Map.of() : new LinkedHashMap<>();
        ExactValue total;
        if (components.isEmpty()) {
            total = scoring.sums[0].value();
        } else {
            total = ExactValue.ZERO;
            for (int i = 0; i < components.size(); i++) {
                Component component = components.get(i);
                ExactValue score = disqualified ? ExactValue.ZERO : scoring.sums[i].value();
                componentScores.put(component.id(), score.round(rounding));
                total = total.plus(score.times(component.weight()).dividedBy(component.declaredMax()));
            }
            total = total.times(declaredTotal);
        }
        List<String> holds = scoring.holds == null ? List.of() : scoring.holds;
        if (disqualified) {
            total = ExactValue.ZERO;
            holds = new ArrayList<>(holds);
            holds.add(0, "disqualified: " + dq.reason());
        }
        ResultStatus status = disqualified ? ResultStatus.DISQUALIFIED
                : holds.isEmpty() ? ResultStatus.COMPLETE : ResultStatus.INCOMPLETE;
        return new EntryResult(scoring.entry.entryId(), status, total, total.round(rounding), componentScores, aspects,
                scoring.applied == null ? List.of() : scoring.applied, holds,
                scoring.problems == null ? List.of() : scoring.problems);
    }

    private AspectResult deductionModule(Plan plan, AspectMarks marks, List<Deduction> deductions, Scoring scoring) {
        if (marks != null) {
            scoring.problem(plan.id, MarkProblem.MARKS_ON_DEDUCTION_MODULE,
                    "aspect '" + plan.id + "' is a DEDUCTION module; record deductions, not marks");
        }
        long pending = deductions.stream().filter(deduction -> !deduction.isApproved()).count();
        if (pending > 0) {
            // the module is held out as a whole: none of its deductions is applied yet
            return plan.result(AspectStatus.PENDING_APPROVAL, null, pending + " deduction(s) await approval");
        }
        BigDecimal lost = BigDecimal.ZERO;
        for (Deduction deduction : deductions) {
            lost = lost.add(deduction.points() == null ? plan.aspect.deductionPerViolation() : deduction.points());
            if (scoring.applied == null) {
                scoring.applied = new ArrayList<>();
            }
            scoring.applied.add(deduction);
        }
        BigDecimal left = plan.maxMark.subtract(lost).max(BigDecimal.ZERO);
        return plan.result(AspectStatus.SCORED, ExactValue.of(left), "");
    }

    private static boolean isOne(BigDecimal value) {
        return value == BigDecimal.ONE || value.compareTo(BigDecimal.ONE) == 0;
    }

    /**
     * Scored results by the sum of the counted marks for one panel size and scale, and their exact marks (the results'
     * own), so that adding a shared mark to an entry's total needs no read of the result; see {@link Plan#memo}.
     */
    private record ResultMemo(int n, int scale, AspectResult[] bySum) {
        static final int MAX_SLOTS = 4096;
    }

    /** An aspect with its position, component and resolved panel rule. */
    private final class Plan {
        final int index;
        final Aspect aspect;
        /** The sum its scored mark goes to: its component's, or the only one without components. */
        final int component;
        final String id;
        final boolean deduction;
        final boolean judgement;
        final PanelAggregation aggregation;
        final BigDecimal factor;
        final BigDecimal maxMark;
        final List<BigDecimal> allowedMarks;
        /** {@code floor(maxMark × 10^s)} for each scale s a mark may have: the range check on unscaled marks. */
        final long[] maxByScale = new long[SortedMarks.MAX_SCALE + 1];
        /**
         * Scored results already built for one panel size and scale, by the sum of the marks that count: when the
         * marks are in range and there is no multiplier, a scored aspect's result is a function of that sum alone,
         * so entries with the same sum share one immutable result instead of each building its own.
         */
        private ResultMemo memo;

        Plan(int index, Aspect aspect, int component) {
            this.index = index;
            this.aspect = aspect;
            this.component = component;
            this.id = aspect.id();
            this.deduction = aspect.type() == AspectType.DEDUCTION;
            this.judgement = aspect.type() == AspectType.JUDGEMENT;
            this.aggregation = aspect.aggregation() == null ? scheme.defaultAggregation() : aspect.aggregation();
            this.factor = aspect.effectiveFactor();
            this.maxMark = aspect.maxMark();
            this.allowedMarks = aspect.allowedMarks().isEmpty() ? null : List.copyOf(aspect.allowedMarks());
            for (int s = 0; s < maxByScale.length; s++) {
                BigDecimal bound = maxMark.scaleByPowerOfTen(s).setScale(0, RoundingMode.FLOOR);
                maxByScale[s] = bound.compareTo(LONG_MAX) <= 0 ? bound.longValueExact() : Long.MAX_VALUE;
            }
        }

        /** A MEASUREMENT or JUDGEMENT aspect's result from its marks (null: none given). */
        AspectResult marked(AspectMarks marks, Scoring scoring) {
            if (marks == null) {
                return result(AspectStatus.MISSING, null, "no marks");
            }
            if (marks == GIVEN_TWICE) {
                return result(AspectStatus.REJECTED, null, "two or more mark sets");
            }
            SortedMarks sorted = ((MarkList) marks.marks()).sorted;
            if (!judgement) {
                return measurement(sorted, marks.multiplier());
            }
            if (!isOne(marks.multiplier())) {
                String detail = "judgement aspect '" + id + "' takes no multiplier, got "
                        + marks.multiplier().toPlainString();
                scoring.problem(id, MarkProblem.JUDGEMENT_MULTIPLIER, detail);
                return result(AspectStatus.REJECTED, null, detail);
            }
            return judgement(sorted);
        }

        private AspectResult measurement(SortedMarks marks, BigDecimal multiplier) {
            String problem = Panel.unheld(marks);
            if (problem == null) {
                problem = rangeProblem(marks);
            }
            if (problem == null) {
                problem = Panel.tooFew(aggregation, marks.count);
            }
            if (problem != null) {
                return result(AspectStatus.REJECTED, null, problem);
            }
            int n = marks.count;
            ResultMemo memo = isOne(multiplier) && marks.sumsFitLong ? memo(n, marks.scale) : null;
            int key = memo == null ? -1 : (int) marks.countedTotal(Panel.dropped(aggregation, n));
            AspectResult known = key < 0 ? null : memo.bySum[key];
            if (known != null) {
                return known;
            }
            ExactValue mark = Panel.aggregate(aggregation, marks);
            mark = isOne(multiplier) ? mark : mark.times(multiplier);
            return remember(memo, key, result(AspectStatus.SCORED, isOne(factor) ? mark : mark.times(factor), ""));
        }

        private AspectResult judgement(SortedMarks scores) {
            long sum = Panel.judgementSum(scores, judgementSpread, minimumJudges);
            if (sum < 0) {
                PanelOutcome outcome = Panel.judgementProblem(sum, scores, judgementSpread, minimumJudges);
                return outcome instanceof PanelOutcome.NeedsReview review
                        ? result(AspectStatus.NEEDS_REVIEW, null, review.reason())
                        : result(AspectStatus.REJECTED, null, ((PanelOutcome.Rejected) outcome).reason());
            }
            ResultMemo memo = memo(scores.count, 0);
            AspectResult known = memo == null ? null : memo.bySum[(int) sum];
            if (known != null) {
                return known;
            }
            return remember(memo, memo == null ? -1 : (int) sum,
                    result(AspectStatus.SCORED, Panel.judgementMark(maxMark, sum, scores.count), ""));
        }

        private static AspectResult remember(ResultMemo memo, int key, AspectResult result) {
            if (memo != null) {
                memo.bySum[key] = result; // immutable: a racing reader sees null or the whole result
            }
            return result;
        }

        /** The first rule the held marks break: out of {@code [0, maxMark]}, or not an allowed mark; else null. */
        private String rangeProblem(SortedMarks marks) {
            if (marks.count == 0) {
                return null;
            }
            if (marks.lowest < 0 || marks.highest > maxByScale[marks.scale]) {
                BigDecimal offending = marks.named(marks.lowest < 0 ? marks.lowest : marks.highest);
                return "mark " + offending.toPlainString() + " outside [0, " + maxMark.toPlainString() + "]";
            }
            if (allowedMarks != null) {
                for (long unscaled : marks.sorted) {
                    BigDecimal value = marks.named(unscaled);
                    if (allowedMarks.stream().noneMatch(allowed -> allowed.compareTo(value) == 0)) {
                        return "mark " + value.toPlainString() + " is not one of the allowed marks "
                                + allowedMarks.stream().map(BigDecimal::toPlainString).toList();
                    }
                }
            }
            return null;
        }

        AspectResult result(AspectStatus status, ExactValue mark, String detail) {
            return new AspectResult(id, status, mark, rounding, detail);
        }

        /**
         * The memo of scored results for panels of {@code n} marks at {@code scale}, or null when the sums of marks in
         * range can exceed {@link ResultMemo#MAX_SLOTS}. Replaced when another size or scale comes (racy but safe:
         * final fields, and a lost memo is only rebuilt).
         */
        ResultMemo memo(int n, int scale) {
            ResultMemo current = memo;
            if (current == null || current.n != n || current.scale != scale) {
                long slots = slots(n, scale);
                if (slots < 0) {
                    return null;
                }
                current = new ResultMemo(n, scale, new AspectResult[(int) slots]);
                memo = current;
            }
            return current;
        }

        /** How many sums n marks in range can have (0 .. the most a counted mark can be × counted marks), or -1. */
        private long slots(int n, int scale) {
            long counted = judgement ? 3L * n
                    : maxByScale[scale] > ResultMemo.MAX_SLOTS ? -1
                    : maxByScale[scale] * (n - 2L * Panel.dropped(aggregation, n));
            return counted < 0 || counted >= ResultMemo.MAX_SLOTS ? -1 : counted + 1;
        }
    }
}
