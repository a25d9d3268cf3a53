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
 *       by the aspect's rule, × the entry's multiplier × the aspect's factor (the result may exceed the max mark,
 *       as a diving score does).</li>
 *   <li>JUDGEMENT: {@link Panel#judgement}; a spread above the scheme's allowance is NEEDS_REVIEW.</li>
 *   <li>DEDUCTION: {@code max(0, maxMark − Σ approved points)}; any pending deduction holds the module out.</li>
 *   <li>Total: the sum of scored aspects, or with components
 *       {@code declaredTotal × Σ weight × componentScore / componentMax}. An approved disqualification makes it zero.</li>
 * </ul>
 *
 * <p>All arithmetic is exact; the order of judges, aspects and entries never changes a result. Problems with marks
 * (out of range, not an allowed mark, wrong panel size, a judgement score that is not 0-3) are values ({@link AspectStatus#REJECTED}); marks that do not fit
 * the scheme at all (an unknown aspect, two mark sets for one aspect, a deduction outside a DEDUCTION module, a
 * multiplier on a judgement aspect) are programming errors and throw {@link IllegalArgumentException}.
 * Instances are immutable and thread-safe.
 *
 * <p>Speed without rounding: marks with at most 9 decimal places and 18 digits (every real mark) are aggregated as
 * scaled {@code long}s that {@link AspectMarks} prepared when the marks were loaded; any other mark, an overflow,
 * and every rejection go through {@code BigDecimal} arithmetic. Both paths give the same exact values, down to the
 * scale of their numerators.
 */
public final class EntryScorer {

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final MarkingScheme scheme;
    private final Rounding rounding;
    private final Map<String, Plan> plans = new HashMap<>();
    private final List<Plan> ordered = new ArrayList<>();
    /** The plans by scheme position, resolved once here: scoring indexes this array instead of looking ids up. */
    private final Plan[] positions;
    private final List<Component> components;
    private final ExactValue declaredTotal;
    private final boolean scaledPath;
    /** The scheme's judgement rules, read once here rather than per judgement aspect per entry. */
    private final int judgementSpread;
    private final int minimumJudges;

    /**
     * @throws IllegalArgumentException if the scheme has validation errors (the message lists them)
     */
    public EntryScorer(MarkingScheme scheme) {
        this(scheme, true);
    }

    /**
     * @param scaledPath false to aggregate every panel with {@code BigDecimal}s only: the reference the scaled-{@code
     *                   long} fast path is tested against
     */
    EntryScorer(MarkingScheme scheme, boolean scaledPath) {
        Checks.requireNonNull(scheme, "scheme");
        this.scaledPath = scaledPath;
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
        for (Criterion criterion : scheme.criteria()) {
            int component = criterion.componentId() == null ? -1 : componentIndex.get(criterion.componentId());
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

    /** Scores one entry. */
    public EntryResult score(EntryMarks entry) {
        Checks.requireNonNull(entry, "entry");
        if (entry.deductions().isEmpty() && entry.aspects().size() <= positions.length) {
            EntryResult result;
            try {
                result = scoreInSchemeOrder(entry);
            } catch (RuntimeException problem) {
                result = null; // the general path meets the same problem, or one it reports first, and words it
            }
            if (result != null) {
                return result;
            }
        }
        return scoreInAnyOrder(entry);
    }

    /**
     * One pass for the usual entry: no deductions, and mark set i (if any) names aspect i. Each set's id is checked
     * against its position and the set is scored in the same step, so every entry's marks are walked once instead of
     * once to check them and once to score them. Null as soon as a set is out of place; an exception, as any
     * rejection, is left to {@link #scoreInAnyOrder}, which checks every id before scoring and so reports and words
     * each problem exactly as before. Scoring has no effect beyond the memo (which stores only what any path would
     * build), so giving up part way changes nothing.
     */
    private EntryResult scoreInSchemeOrder(EntryMarks entry) {
        List<AspectMarks> given = entry.aspects();
        int givenCount = given.size();
        Plan[] plans = positions;
        AspectResult[] aspects = new AspectResult[plans.length];
        List<String> holds = null; // built only for a result that has holds
        ExactValue.Sum[] componentSums = componentSums(); // null without components: one sum, no array
        ExactValue.Sum sum = componentSums == null ? new ExactValue.Sum() : null;
        for (int i = 0; i < plans.length; i++) {
            Plan plan = plans[i];
            AspectResult result;
            if (i < givenCount) {
                AspectMarks marks = given.get(i);
                String id = marks.aspectId();
                if (id != plan.id && !plan.id.equals(id)) {
                    return null;
                }
                accepts(plan, marks, entry);
                // a result already built for the same counted sum (see scoreInAnyOrder): its mark comes from the
                // memo's own array, so a hit reads neither the shared result nor its status (always SCORED)
                ResultMemo memo = plan.memo;
                int key = memo == null ? -1 : plan.memoKey(memo, marks);
                result = key < 0 ? null : memo.bySum[key];
                if (result != null) {
                    aspects[i] = result;
                    ExactValue mark = memo.marks[key];
                    // null only if another thread's two stores of this slot are seen out of order
                    (componentSums == null ? sum : componentSums[plan.sumSlot])
                            .add(mark != null ? mark : result.exactMark());
                    continue;
                }
                result = marked(plan, marks);
            } else {
                result = plan.deduction ? deductionModule(plan, List.of(), List.of()) : marked(plan, null);
            }
            aspects[i] = result;
            if (result.status() == AspectStatus.SCORED) {
                (componentSums == null ? sum : componentSums[plan.sumSlot]).add(result.exactMark());
            } else {
                holds = hold(holds, plan, result);
            }
        }
        return finish(entry, List.of(aspects), List.of(), holds, componentSums, sum);
    }

    /** Any entry: marks in any order, deductions, and every rejection of marks that do not fit the scheme. */
    private EntryResult scoreInAnyOrder(EntryMarks entry) {
        List<AspectMarks> given = entry.aspects();
        // null when the marks come in scheme order (the usual case): position i then holds aspect i's marks
        AspectMarks[] marksByAspect = inSchemeOrder(entry, given) ? null : marksByAspect(entry);
        Map<Plan, List<Deduction>> deductions = deductionsByModule(entry);
        Plan[] plans = positions;
        AspectResult[] aspects = new AspectResult[plans.length];
        List<String> holds = null; // built only for a result that has holds
        List<Deduction> applied = entry.deductions().isEmpty() ? List.of() : new ArrayList<>();
        ExactValue.Sum[] componentSums = componentSums(); // null without components: one sum, no array
        ExactValue.Sum sum = componentSums == null ? new ExactValue.Sum() : null;
        int givenCount = given.size();
        for (int i = 0; i < plans.length; i++) {
            Plan plan = plans[i];
            AspectResult result;
            if (plan.deduction) {
                result = deductionModule(plan, deductions.getOrDefault(plan, List.of()), applied);
            } else {
                AspectMarks marks = marksByAspect != null ? marksByAspect[i] : i < givenCount ? given.get(i) : null;
                // the usual case once an event is under way: a result already built for the same counted sum, found
                // by a small method the compiler inlines here; anything else is decided by marked()
                result = marks == null ? null : plan.memoised(marks);
                if (result == null) {
                    result = marked(plan, marks);
                }
            }
            aspects[i] = result;
            if (result.status() == AspectStatus.SCORED) {
                (componentSums == null ? sum : componentSums[plan.sumSlot]).add(result.exactMark());
            } else {
                holds = hold(holds, plan, result);
            }
        }
        return finish(entry, List.of(aspects), applied, holds, componentSums, sum);
    }

    /** Adds an aspect that does not count to the holds, made on the first one. */
    private static List<String> hold(List<String> holds, Plan plan, AspectResult result) {
        List<String> list = holds == null ? new ArrayList<>() : holds;
        list.add(plan.id + ": " + result.status() + (result.detail().isEmpty() ? "" : " - " + result.detail()));
        return list;
    }

    /** One sum per component, or null for a scheme without components (its aspects add up to one sum). */
    private ExactValue.Sum[] componentSums() {
        if (components.isEmpty()) {
            return null;
        }
        ExactValue.Sum[] sums = new ExactValue.Sum[components.size()];
        for (int c = 0; c < sums.length; c++) {
            sums[c] = new ExactValue.Sum();
        }
        return sums;
    }

    /**
     * True when the entry's marks are at most one set per aspect in scheme order, each accepted by its aspect (the
     * checks and messages of {@link #marksByAspect}, which decides every other case). Marks in scheme order can name
     * no aspect twice, as the scheme's ids are distinct.
     */
    private boolean inSchemeOrder(EntryMarks entry, List<AspectMarks> given) {
        int n = given.size();
        if (n > positions.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            AspectMarks marks = given.get(i);
            Plan plan = positions[i];
            String id = marks.aspectId();
            if (id != plan.id && !plan.id.equals(id)) {
                return false;
            }
            accepts(plan, marks, entry);
        }
        return true;
    }

    /** Refuses marks a DEDUCTION module or a JUDGEMENT aspect cannot take. */
    private static void accepts(Plan plan, AspectMarks marks, EntryMarks entry) {
        if (plan.deduction) {
            throw new IllegalArgumentException("entry " + entry.entryId() + ": aspect '" + marks.aspectId()
                    + "' is a DEDUCTION module; record deductions, not marks");
        }
        if (plan.judgement && !isOne(marks.multiplier())) {
            throw new IllegalArgumentException("entry " + entry.entryId() + ": judgement aspect '"
                    + marks.aspectId() + "' takes no multiplier, got " + marks.multiplier().toPlainString());
        }
    }

    /** Scores many entries, in the given order. */
    public List<EntryResult> scoreAll(List<EntryMarks> entries) {
        List<EntryResult> results = new ArrayList<>(entries.size());
        for (EntryMarks entry : entries) {
            results.add(score(entry));
        }
        return results;
    }

    /**
     * @param holds         the aspects' holds, or null for none
     * @param componentSums the components' sums, or null without components
     * @param sum           the aspects' sum without components, else null
     */
    private EntryResult finish(EntryMarks entry, List<AspectResult> aspects, List<Deduction> applied,
                               List<String> holds, ExactValue.Sum[] componentSums, ExactValue.Sum sum) {
        Disqualification dq = entry.disqualification();
        boolean disqualified = dq != null && dq.isApproved();
        if (dq != null && !dq.isApproved()) {
            holds = holds == null ? new ArrayList<>() : holds;
            holds.add("disqualification pending approval: " + dq.reason());
        }
        Map<String, BigDecimal> componentScores = components.isEmpty() ? Map.of() : new LinkedHashMap<>();
        ExactValue total;
        if (components.isEmpty()) {
            total = sum.value();
        } else {
            total = ExactValue.ZERO;
            for (int i = 0; i < components.size(); i++) {
                Component component = components.get(i);
                ExactValue score = disqualified ? ExactValue.ZERO : componentSums[i].value();
                componentScores.put(component.id(), score.round(rounding));
                total = total.plus(score.times(component.weight()).dividedBy(component.declaredMax()));
            }
            total = total.times(declaredTotal);
        }
        if (disqualified) {
            total = ExactValue.ZERO;
            holds = holds == null ? new ArrayList<>() : holds;
            holds.add(0, "disqualified: " + dq.reason());
        }
        ResultStatus status = disqualified ? ResultStatus.DISQUALIFIED
                : holds == null ? ResultStatus.COMPLETE : ResultStatus.INCOMPLETE;
        return new EntryResult(entry.entryId(), status, total, total.round(rounding), componentScores, aspects,
                applied, holds == null ? List.of() : holds);
    }

    private AspectResult marked(Plan plan, AspectMarks marks) {
        if (marks == null) {
            return result(plan, AspectStatus.MISSING, null, "no marks");
        }
        List<JudgeMark> judged = marks.marks();
        MarkList scaled = scaledPath && judged instanceof MarkList list && list.unscaled != null ? list : null;
        if (scaled == null) {
            return markedExactly(plan, marks, judged);
        }
        int n = scaled.count;
        long key = scaled.scales == null && plan.slots(n, scaled.scale) >= 0 ? plan.key(scaled, marks.multiplier()) : -1;
        ResultMemo memo = key < 0 ? null : plan.memo(n, scaled.scale);
        if (memo != null && memo.bySum[(int) key] != null) {
            return memo.bySum[(int) key];
        }
        ExactValue fast = plan.judgement ? plan.judgementMark(scaled) : plan.measurementMark(scaled);
        if (fast == null) {
            return markedExactly(plan, marks, judged);
        }
        AspectResult result = scored(plan, marks, fast);
        if (memo != null) {
            // immutable: a racing reader sees null or the whole result (or mark); equal sums build equal results
            memo.marks[(int) key] = result.exactMark();
            memo.bySum[(int) key] = result;
        }
        return result;
    }

    /** The {@code BigDecimal} path: any marks, and the wording of every rejection. */
    private AspectResult markedExactly(Plan plan, AspectMarks marks, List<JudgeMark> judged) {
        BigDecimal[] values = new BigDecimal[judged.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = judged.get(i).mark();
        }
        PanelOutcome outcome;
        if (plan.judgement) {
            outcome = Panel.judgement(values, plan.aspect.maxMark(), scheme.judgementSpread(),
                    scheme.minimumJudgementPanel());
        } else {
            Panel.sort(values); // sorted once: the range check needs only the ends, and aggregation re-sorts in O(n)
            String outOfRange = plan.rangeProblem(values);
            if (outOfRange != null) {
                return result(plan, AspectStatus.REJECTED, null, outOfRange);
            }
            outcome = Panel.aggregateExactly(plan.aggregation, values);
        }
        if (outcome instanceof PanelOutcome.Aggregated aggregated) {
            return scored(plan, marks, aggregated.mark());
        }
        if (outcome instanceof PanelOutcome.NeedsReview review) {
            return result(plan, AspectStatus.NEEDS_REVIEW, null, review.reason());
        }
        return result(plan, AspectStatus.REJECTED, null, ((PanelOutcome.Rejected) outcome).reason());
    }

    private AspectResult scored(Plan plan, AspectMarks marks, ExactValue aggregate) {
        ExactValue mark = plan.judgement ? aggregate : scale(aggregate, marks.multiplier(), plan.factor);
        return result(plan, AspectStatus.SCORED, mark, "");
    }

    private static ExactValue scale(ExactValue mark, BigDecimal multiplier, BigDecimal factor) {
        ExactValue scaled = isOne(multiplier) ? mark : mark.times(multiplier);
        return isOne(factor) ? scaled : scaled.times(factor);
    }

    private static boolean isOne(BigDecimal value) {
        return value == BigDecimal.ONE || value.compareTo(BigDecimal.ONE) == 0;
    }

    private AspectResult deductionModule(Plan plan, List<Deduction> deductions, List<Deduction> applied) {
        BigDecimal lost = BigDecimal.ZERO;
        int pending = 0;
        for (Deduction deduction : deductions) {
            if (!deduction.isApproved()) {
                pending++;
                continue;
            }
            lost = lost.add(deduction.points() == null ? plan.aspect.deductionPerViolation() : deduction.points());
            applied.add(deduction);
        }
        if (pending > 0) {
            return result(plan, AspectStatus.PENDING_APPROVAL, null, pending + " deduction(s) await approval");
        }
        BigDecimal left = plan.aspect.maxMark().subtract(lost).max(BigDecimal.ZERO);
        return result(plan, AspectStatus.SCORED, ExactValue.of(left), "");
    }

    private AspectResult result(Plan plan, AspectStatus status, ExactValue mark, String detail) {
        return new AspectResult(plan.aspect.id(), status, mark, rounding, detail);
    }

    private AspectMarks[] marksByAspect(EntryMarks entry) {
        AspectMarks[] byAspect = new AspectMarks[ordered.size()];
        List<AspectMarks> given = entry.aspects();
        for (int i = 0; i < given.size(); i++) {
            AspectMarks marks = given.get(i);
            // marks usually come in scheme order: try the aspect at the same position before the map
            String id = marks.aspectId();
            Plan plan = i < ordered.size() && (ordered.get(i).aspect.id() == id || ordered.get(i).aspect.id().equals(id))
                    ? ordered.get(i) : plan(marks.aspectId(), entry);
            accepts(plan, marks, entry);
            if (byAspect[plan.index] != null) {
                throw new IllegalArgumentException("entry " + entry.entryId() + ": two mark sets for aspect '"
                        + marks.aspectId() + "'");
            }
            byAspect[plan.index] = marks;
        }
        return byAspect;
    }

    private Map<Plan, List<Deduction>> deductionsByModule(EntryMarks entry) {
        if (entry.deductions().isEmpty()) {
            return Map.of();
        }
        Map<Plan, List<Deduction>> byModule = new HashMap<>();
        for (Deduction deduction : entry.deductions()) {
            Plan plan = plan(deduction.aspectId(), entry);
            if (plan.aspect.type() != AspectType.DEDUCTION) {
                throw new IllegalArgumentException("entry " + entry.entryId() + ": deduction on aspect '"
                        + deduction.aspectId() + "', which is " + plan.aspect.type() + ", not a DEDUCTION module");
            }
            byModule.computeIfAbsent(plan, p -> new ArrayList<>()).add(deduction);
        }
        return byModule;
    }

    private Plan plan(String aspectId, EntryMarks entry) {
        Plan plan = plans.get(aspectId);
        if (plan == null) {
            throw new IllegalArgumentException("entry " + entry.entryId() + ": unknown aspect '" + aspectId
                    + "' (not in scheme '" + scheme.id() + "')");
        }
        return plan;
    }

    /**
     * Scored results by sum for one panel size and scale, and their exact marks (the results' own) by the same sum,
     * so that adding a shared mark to an entry's total needs no read of the result; see {@link Plan#memo}.
     */
    private record ResultMemo(int n, int scale, AspectResult[] bySum, ExactValue[] marks) {
        static final int MAX_SLOTS = 4096;
    }

    /** An aspect with its position, component and resolved panel rule. */
    private final class Plan {
        final int index;
        final Aspect aspect;
        final int component;
        /** Resolved once: the aspect's id and type, and the sum its scored mark goes to. */
        final String id;
        final boolean deduction;
        final boolean judgement;
        final int sumSlot;
        final PanelAggregation aggregation;
        final BigDecimal factor;
        final BigDecimal maxMark;
        final List<BigDecimal> allowedMarks;
        /**
         * MEASUREMENT: true when a scored result can be a function of the counted sum (no allowed marks, a mean or
         * trimmed rule); the marks' scale, multiplier and range are checked per entry.
         */
        final boolean sumDecides;
        /** Marks dropped at each end (0 for a mean), and the fewest marks the rule takes. */
        final int dropped;
        final int minimumMarks;
        /** {@code floor(maxMark × 10^s)} for each scale s the fast path reads: the range check on unscaled marks. */
        final long[] maxByScale = new long[ScaledMarks.MAX_SCALE + 1];
        /** JUDGEMENT: {@code maxMark × sum} for the score sums of panels up to 16 judges, as the exact path forms it. */
        final BigDecimal[] judgementNumerators;
        /**
         * Scored results already built for one panel size and scale, by the sum of the marks that count: a scored
         * aspect's result is a function of that sum alone (see {@link #key}), so
         * entries with the same sum share one immutable result instead of each building its own.
         */
        private ResultMemo memo;

        Plan(int index, Aspect aspect, int component) {
            this.index = index;
            this.aspect = aspect;
            this.component = component;
            this.id = aspect.id();
            this.deduction = aspect.type() == AspectType.DEDUCTION;
            this.judgement = aspect.type() == AspectType.JUDGEMENT;
            this.sumSlot = Math.max(0, component);
            this.aggregation = aspect.aggregation() == null ? scheme.defaultAggregation() : aspect.aggregation();
            this.factor = aspect.effectiveFactor();
            this.maxMark = aspect.maxMark();
            this.allowedMarks = aspect.allowedMarks().isEmpty() ? null : List.copyOf(aspect.allowedMarks());
            PanelAggregation.Kind kind = aggregation == null ? null : aggregation.kind();
            this.sumDecides = aspect.type() == AspectType.MEASUREMENT && allowedMarks == null && kind != null
                    && kind != PanelAggregation.Kind.MEDIAN;
            this.dropped = kind == PanelAggregation.Kind.TRIMMED_MEAN || kind == PanelAggregation.Kind.TRIMMED_SUM
                    ? aggregation.k() : 0;
            this.minimumMarks = kind == null ? Integer.MAX_VALUE : aggregation.minimumMarks();
            for (int s = 0; s < maxByScale.length; s++) {
                BigDecimal bound = maxMark.scaleByPowerOfTen(s).setScale(0, RoundingMode.FLOOR);
                maxByScale[s] = bound.compareTo(LONG_MAX) <= 0 ? bound.longValueExact() : Long.MAX_VALUE;
            }
            judgementNumerators = new BigDecimal[aspect.type() == AspectType.JUDGEMENT ? 3 * 16 + 1 : 0];
            for (int sum = 0; sum < judgementNumerators.length; sum++) {
                judgementNumerators[sum] = maxMark.multiply(BigDecimal.valueOf(sum));
            }
        }

        /**
         * The fast path of a MEASUREMENT panel: null unless every mark is in range, the aspect lists no allowed marks
         * and the panel is big enough; the exact path then decides and words the problem.
         */
        ExactValue measurementMark(MarkList marks) {
            if (allowedMarks != null || marks.count < minimumMarks
                    || marks.lowest < 0 || marks.highest > maxByScale[marks.scale]) {
                return null;
            }
            return marks.scales == null
                    ? ScaledPanel.aggregateSorted(aggregation, marks.unscaled, marks.scale)
                    : new ScaledPanel().aggregate(aggregation, marks.unscaled, marks.scales, marks.scale);
        }

        /**
         * The fast path of a JUDGEMENT panel: {@code maxMark × Σ scores / 3n} when every score is a plain integer 0-3,
         * there are enough judges and the spread is allowed; otherwise null, and the exact path decides.
         */
        ExactValue judgementMark(MarkList marks) {
            long sum = marks.count < minimumJudges ? -1 : judgementSum(marks);
            if (sum < 0) {
                return null;
            }
            BigDecimal numerator = sum < judgementNumerators.length ? judgementNumerators[(int) sum]
                    : maxMark.multiply(BigDecimal.valueOf(sum));
            return ExactValue.ratio(numerator, 3L * marks.count);
        }

        /**
         * The score sum of a judgement panel when every score is a plain integer 0, 1, 2 or 3 (scale 0, so one scale)
         * and the spread is allowed; otherwise -1. The lowest and highest marks bound all the others.
         */
        private long judgementSum(MarkList marks) {
            return marks.scale != 0 || marks.count == 0 || marks.lowest < 0 || marks.highest > 3
                    || marks.highest - marks.lowest > judgementSpread ? -1 : marks.total;
        }

        /**
         * The result already built for these marks' counted sum, or null: the memo holds another panel size or scale,
         * the marks do not qualify (see {@link #key}) or the sum was not seen yet. Small on purpose (as is
         * {@link #memoKey}), so that it is inlined into the scoring loop: a hit reads only the marks' own fields and the
         * memo.
         */
        AspectResult memoised(AspectMarks marks) {
            ResultMemo current = memo;
            int key = current == null ? -1 : memoKey(current, marks);
            return key < 0 ? null : current.bySum[key];
        }

        /**
         * The slot of these marks' counted sum in {@code current}, or -1 when the memo holds another panel size or
         * scale or the marks do not qualify (see {@link #key}).
         */
        int memoKey(ResultMemo current, AspectMarks marks) {
            if (!(marks.marks() instanceof MarkList list) || list.unscaled == null || list.scales != null
                    || current.n != list.count || current.scale != list.scale) {
                return -1;
            }
            // the memo exists for this size and scale, so slots(n, scale) >= 0 was checked when it was made
            return (int) key(list, marks.multiplier());
        }

        /**
         * The sum of the unscaled marks that count, when the scored result is a function of it alone; otherwise -1.
         * MEASUREMENT: one scale for all marks (the caller checks), a mean or trimmed rule, no allowed marks, no
         * multiplier, every mark in range. JUDGEMENT: plain 0-3 scores within the spread, 16 judges at most. The
         * caller has checked {@code slots(n, scale) >= 0}, which bounds every mark in range so that the sum is exact.
         */
        long key(MarkList marks, BigDecimal multiplier) {
            int n = marks.count;
            if (judgement) {
                return n < minimumJudges || n > 16 ? -1 : judgementSum(marks);
            }
            if (!sumDecides || n < minimumMarks || !isOne(multiplier)
                    || marks.lowest < 0 || marks.highest > maxByScale[marks.scale]) {
                return -1;
            }
            if (dropped == 0) {
                return marks.total;
            }
            if (dropped == 1) {
                return marks.total - marks.lowest - marks.highest;
            }
            long[] sorted = marks.unscaled; // one scale: sorted when the marks were loaded
            long sum = 0;
            for (int i = dropped; i < n - dropped; i++) {
                sum += sorted[i];
            }
            return sum;
        }

        /**
         * The memo of scored results for panels of {@code n} marks at {@code scale}, or null when the sums cannot
         * exceed {@link ResultMemo#MAX_SLOTS} (the caller passes a key only below that bound).
         */
        ResultMemo memo(int n, int scale) {
            ResultMemo current = memo;
            if (current == null || current.n != n || current.scale != scale) {
                long bound = slots(n, scale);
                if (bound < 0) {
                    return null;
                }
                current = new ResultMemo(n, scale, new AspectResult[(int) bound], new ExactValue[(int) bound]);
                memo = current; // racy but safe: final fields, and a lost memo is only rebuilt
            }
            return current;
        }

        /** How many sums a panel of n marks at the scale can have (0 .. max of a counted mark × counted), or -1. */
        long slots(int n, int scale) {
            long counted = aspect.type() == AspectType.JUDGEMENT ? 3L * n
                    : maxByScale[scale] > ResultMemo.MAX_SLOTS ? -1 : maxByScale[scale] * (long) countedMarks(n);
            return counted < 0 || counted >= ResultMemo.MAX_SLOTS ? -1 : counted + 1;
        }

        private int countedMarks(int n) {
            return n - 2 * dropped;
        }

        /** The first rule the sorted marks break, or null. */
        String rangeProblem(BigDecimal[] sorted) {
            if (sorted.length == 0) {
                return null;
            }
            BigDecimal lowest = sorted[0];
            BigDecimal highest = sorted[sorted.length - 1];
            if (lowest.signum() < 0 || highest.compareTo(maxMark) > 0) {
                BigDecimal offending = lowest.signum() < 0 ? lowest : highest;
                return "mark " + offending.toPlainString() + " outside [0, " + maxMark.toPlainString() + "]";
            }
            if (allowedMarks != null) {
                for (BigDecimal value : sorted) {
                    if (!isAllowed(value)) {
                        return "mark " + value.toPlainString() + " is not one of the allowed marks "
                                + allowedMarks.stream().map(BigDecimal::toPlainString).toList();
                    }
                }
            }
            return null;
        }

        private boolean isAllowed(BigDecimal value) {
            for (BigDecimal allowed : allowedMarks) {
                if (allowed.compareTo(value) == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
