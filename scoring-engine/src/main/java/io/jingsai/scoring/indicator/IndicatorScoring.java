package io.jingsai.scoring.indicator;

import io.jingsai.scoring.ExactValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores entries (projects, enterprises, teams) on weighted indicators. Exact until the scheme's one rounding.
 *
 * <p>A missing indicator value scores 0 for that indicator and is listed in {@link Score#missing()}; it does not take
 * part in the field's best and worst. Entries are scored together (field normalisation depends on all of them) and
 * returned in input order; the input order never changes a score.
 */
public final class IndicatorScoring {

    private IndicatorScoring() {
    }

    /**
     * One entry's indicator values.
     *
     * @param entryId the entry
     * @param values  indicator id → raw value
     */
    public record Values(String entryId, Map<String, BigDecimal> values) {
        public Values {
            if (entryId == null || entryId.isBlank()) {
                throw new IllegalArgumentException("entryId must not be blank");
            }
            values = Map.copyOf(values);
        }
    }

    /**
     * @param entryId    the entry
     * @param exactScore the exact score
     * @param score      rounded once by the scheme's rule
     * @param normalised indicator id → exact fraction in [0, 1], in scheme order
     * @param missing    indicators without a value (scored 0)
     */
    public record Score(String entryId, ExactValue exactScore, BigDecimal score, Map<String, ExactValue> normalised,
                        List<String> missing) {
        public Score {
            normalised = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(normalised));
            missing = List.copyOf(missing);
        }
    }

    /**
     * @throws IllegalArgumentException if an entry appears twice or has a value for an unknown indicator
     */
    public static List<Score> score(IndicatorScheme scheme, List<Values> entries) {
        Set<String> known = new HashSet<>();
        scheme.indicators().forEach(i -> known.add(i.id()));
        Set<String> seen = new HashSet<>();
        for (Values entry : entries) {
            if (!seen.add(entry.entryId())) {
                throw new IllegalArgumentException("entry " + entry.entryId() + " appears twice");
            }
            for (String id : entry.values().keySet()) {
                if (!known.contains(id)) {
                    throw new IllegalArgumentException("entry " + entry.entryId() + ": unknown indicator '" + id + "'");
                }
            }
        }
        Map<String, BigDecimal[]> fieldRange = fieldRanges(scheme, entries);
        BigDecimal weights = scheme.indicators().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Score> scores = new ArrayList<>();
        for (Values entry : entries) {
            Map<String, ExactValue> normalised = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            ExactValue weighted = ExactValue.ZERO;
            for (Indicator indicator : scheme.indicators()) {
                BigDecimal value = entry.values().get(indicator.id());
                if (value == null) {
                    missing.add(indicator.id());
                    normalised.put(indicator.id(), ExactValue.ZERO);
                    continue;
                }
                ExactValue fraction = normalise(indicator, value, fieldRange.get(indicator.id()));
                normalised.put(indicator.id(), fraction);
                weighted = weighted.plus(fraction.times(indicator.weight()));
            }
            ExactValue exact = weighted.times(scheme.scale()).dividedBy(weights);
            scores.add(new Score(entry.entryId(), exact, exact.round(scheme.rounding()), normalised, missing));
        }
        return scores;
    }

    private static ExactValue normalise(Indicator indicator, BigDecimal value, BigDecimal[] range) {
        BigDecimal zeroAt;
        BigDecimal oneAt;
        if (indicator.normalisation() instanceof Normalisation.AgainstTarget target) {
            zeroAt = target.baseline();
            oneAt = target.target();
        } else {
            boolean higher = indicator.direction() == Direction.HIGHER_IS_BETTER;
            zeroAt = higher ? range[0] : range[1];
            oneAt = higher ? range[1] : range[0];
            if (zeroAt.compareTo(oneAt) == 0) {
                return ExactValue.ONE;
            }
        }
        ExactValue fraction = ExactValue.of(value.subtract(zeroAt)).dividedBy(oneAt.subtract(zeroAt));
        return fraction.max(ExactValue.ZERO).min(ExactValue.ONE);
    }

    /** Indicator id → {lowest, highest} value in the field, for field-normalised indicators. */
    private static Map<String, BigDecimal[]> fieldRanges(IndicatorScheme scheme, List<Values> entries) {
        Map<String, BigDecimal[]> ranges = new LinkedHashMap<>();
        for (Indicator indicator : scheme.indicators()) {
            for (Values entry : entries) {
                BigDecimal value = entry.values().get(indicator.id());
                if (value != null) {
                    ranges.merge(indicator.id(), new BigDecimal[]{value, value},
                            (a, b) -> new BigDecimal[]{a[0].min(b[0]), a[1].max(b[1])});
                }
            }
        }
        return ranges;
    }
}
