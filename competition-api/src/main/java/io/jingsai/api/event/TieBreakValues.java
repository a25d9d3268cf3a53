package io.jingsai.api.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.marking.AspectResult;
import io.jingsai.scoring.marking.AspectStatus;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.SubCriterion;

/**
 * What a tie-break key may name, and how each value follows from an entry's result: {@code total}, the published
 * total; {@code completionTime}, recorded apart from marks; a component id, the published component score; a
 * criterion id, the sum of the criterion's scored aspects (held-out aspects count nothing, as in the total), rounded
 * once by the scheme's rule. An id that names both a component and a criterion means the component.
 */
final class TieBreakValues {

    static final String TOTAL = "total";
    static final String COMPLETION_TIME = "completionTime";

    /** Values read from a result; the completion time is not one of them. */
    private final Map<String, Function<EntryResult, BigDecimal>> fromResult = new LinkedHashMap<>();

    /** Works on any scheme, valid or not (for the names); the values are meant for a valid one. */
    TieBreakValues(MarkingScheme scheme) {
        fromResult.put(TOTAL, EntryResult::total);
        for (Component component : scheme.components()) {
            if (component != null && component.id() != null) {
                String id = component.id();
                fromResult.putIfAbsent(id, result -> result.component(id));
            }
        }
        int position = 0;
        for (Criterion criterion : scheme.criteria()) {
            List<Integer> positions = new ArrayList<>();
            for (SubCriterion sub : criterion == null ? List.<SubCriterion>of() : criterion.subCriteria()) {
                for (int k = 0; sub != null && k < sub.aspects().size(); k++) {
                    positions.add(position++);
                }
            }
            if (criterion != null && criterion.id() != null) {
                fromResult.putIfAbsent(criterion.id(), result -> sumOf(result, positions, scheme.rounding()));
            }
        }
    }

    /** Every name a key may have, in this order: total, completion time, components, criteria. */
    Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>(fromResult.keySet());
        names.add(COMPLETION_TIME);
        return names;
    }

    /** The value of every key for one entry; the completion time in seconds, or absent. */
    Map<String, BigDecimal> of(EntryResult result, BigDecimal completionSeconds) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        fromResult.forEach((name, value) -> values.put(name, value.apply(result)));
        values.put(COMPLETION_TIME, completionSeconds);
        return values;
    }

    private static BigDecimal sumOf(EntryResult result, List<Integer> positions, Rounding rounding) {
        ExactValue sum = ExactValue.ZERO;
        for (int position : positions) {
            AspectResult aspect = result.aspects().get(position);
            if (aspect.status() == AspectStatus.SCORED) {
                sum = sum.plus(aspect.exactMark());
            }
        }
        return sum.round(rounding);
    }
}
