package io.jingsai.scoring.standardisation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Standardises results per event so that stars of different trades can be ranked together.
 *
 * <p>Centres and spreads are computed to {@link MathContext#DECIMAL128} (34 significant digits; square roots are
 * irrational), then each standardised score is rounded once by the scale's rule. Results are sorted before any
 * arithmetic, so input order never changes a figure. An event with fewer results than the scale's minimum, or whose
 * spread is zero, is {@link EventStandardisation.Flagged}, never divided by zero.
 */
public final class Standardisation {

    static final BigDecimal MAD_SCALE = new BigDecimal("1.4826");
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Standardisation() {
    }

    /**
     * @return one entry per event, sorted by event id
     * @throws IllegalArgumentException if an entry appears twice in one event
     */
    public static List<EventStandardisation> standardise(List<RawResult> results, StandardScale scale) {
        if (results == null || scale == null) {
            throw new IllegalArgumentException("results and scale must not be null");
        }
        Map<String, List<RawResult>> byEvent = new TreeMap<>();
        for (RawResult result : results) {
            byEvent.computeIfAbsent(result.eventId(), e -> new ArrayList<>()).add(result);
        }
        List<EventStandardisation> out = new ArrayList<>();
        byEvent.forEach((event, list) -> out.add(event(event, list, scale)));
        return out;
    }

    private static EventStandardisation event(String eventId, List<RawResult> results, StandardScale scale) {
        results.sort(Comparator.comparing(RawResult::entryId));
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).entryId().equals(results.get(i - 1).entryId())) {
                throw new IllegalArgumentException("entry " + results.get(i).entryId() + " appears twice in event " + eventId);
            }
        }
        if (results.size() < scale.minimumResults()) {
            return new EventStandardisation.Flagged(eventId, results.size(), "only " + results.size()
                    + " results, standardisation needs at least " + scale.minimumResults());
        }
        List<BigDecimal> raw = results.stream().map(RawResult::score).sorted().toList();
        BigDecimal centre = scale.centre() == StandardScale.Centre.MEAN ? mean(raw) : median(raw);
        BigDecimal spread = scale.spread() == StandardScale.Spread.STANDARD_DEVIATION
                ? moments(raw).standardDeviation() : MAD_SCALE.multiply(median(absoluteDeviations(raw, median(raw))), MC);
        if (spread.signum() == 0) {
            return new EventStandardisation.Flagged(eventId, results.size(),
                    "spread is zero (" + scale.spread() + "), results cannot be standardised");
        }
        List<EventStandardisation.StandardScore> scores = new ArrayList<>();
        for (RawResult result : results) {
            BigDecimal value = rescale(result.score(), centre, spread, scale.centreValue(), scale.pointsPerSpread());
            scores.add(new EventStandardisation.StandardScore(result.entryId(), result.score(),
                    scale.rounding().apply(value)));
        }
        return new EventStandardisation.Standardised(eventId, centre, spread, scores);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        return moments(values).mean();
    }

    /**
     * The population mean and standard deviation of values, to {@link MathContext#DECIMAL128} (34 significant
     * digits), summed in the given order (callers that want a result independent of input order sort first).
     *
     * @throws IllegalArgumentException if there are no values
     */
    public static Moments moments(List<BigDecimal> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("moments need at least one value");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            BigDecimal d = v.subtract(mean, MC);
            squares = squares.add(d.multiply(d, MC), MC);
        }
        return new Moments(mean, squares.divide(BigDecimal.valueOf(values.size()), MC).sqrt(MC));
    }

    /**
     * A population mean and standard deviation (34 significant digits).
     *
     * @param mean              the mean
     * @param standardDeviation the population standard deviation, {@code >= 0}
     */
    public record Moments(BigDecimal mean, BigDecimal standardDeviation) {
    }

    /**
     * A value moved from one scale to another: {@code newCentre + (value − centre) / spread × newSpread}, to 34
     * significant digits, not rounded. The spread must not be zero (callers flag a flat set instead).
     */
    public static BigDecimal rescale(BigDecimal value, BigDecimal centre, BigDecimal spread, BigDecimal newCentre,
                                     BigDecimal newSpread) {
        BigDecimal z = value.subtract(centre, MC).divide(spread, MC);
        return newCentre.add(z.multiply(newSpread, MC), MC);
    }

    /** Median of an ascending list. */
    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(TWO, MC);
    }

    private static List<BigDecimal> absoluteDeviations(List<BigDecimal> values, BigDecimal centre) {
        return values.stream().map(v -> v.subtract(centre).abs()).sorted().toList();
    }
}
