package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One entry's result under a marking scheme.
 *
 * <p>Rounding: {@link #total()} and each component score are rounded once, by the scheme's rule, from exact values;
 * they are not sums of rounded figures.
 *
 * @param entryId    the entry
 * @param status     complete, incomplete (provisional) or disqualified
 * @param exactTotal the exact total (zero when disqualified); held-out aspects count as nothing
 * @param total      the published total
 * @param components component id → published component score (out of the component's declared max), in scheme
 *                   order; empty when the scheme has no components
 * @param aspects    one per aspect of the scheme, in scheme order
 * @param applied    approved deductions that were applied
 * @param holds      why the result is not complete or not eligible, one line each (empty when complete)
 * @param problems   marks and deductions that do not fit the scheme (each also a hold); empty for a well-formed entry
 */
public record EntryResult(String entryId, ResultStatus status, ExactValue exactTotal, BigDecimal total,
                          Map<String, BigDecimal> components, List<AspectResult> aspects, List<Deduction> applied,
                          List<String> holds, List<MarkProblem> problems) {

    public EntryResult {
        components = components.isEmpty() ? NO_COMPONENTS
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
        aspects = List.copyOf(aspects);
        applied = List.copyOf(applied);
        holds = List.copyOf(holds);
        problems = List.copyOf(problems);
    }

    /** Shared by results of schemes without components; behaves as the empty copy it replaces (get(null) is null). */
    private static final Map<String, BigDecimal> NO_COMPONENTS =
            java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>());

    /** True only for a complete result: disqualified and provisional results never take award places. */
    public boolean eligibleForAwards() {
        return status == ResultStatus.COMPLETE;
    }

    /** The published score of a component, or null if the scheme has no such component. */
    public BigDecimal component(String componentId) {
        return components.get(componentId);
    }

    /**
     * The result of the aspect with this id, or null if the scheme has no such aspect (every aspect of the scheme has
     * a result, scored or not). A linear search: a scheme has a few dozen aspects at most.
     */
    public AspectResult aspect(String aspectId) {
        for (AspectResult aspect : aspects) {
            if (aspect.aspectId().equals(aspectId)) {
                return aspect;
            }
        }
        return null;
    }
}
