package io.jingsai.scoring.standardisation;

import io.jingsai.scoring.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardisationTest {

    static List<RawResult> results() {
        return List.of(
                // welding: 60, 70, 80, 90 → mean 75, population sd √125 = 11.1803…
                RawResult.of("welding", "w1", "60"), RawResult.of("welding", "w2", "70"),
                RawResult.of("welding", "w3", "80"), RawResult.of("welding", "w4", "90"),
                // electrician: 85, 86, 87, 88, 99 → median 87, |dev| 2, 1, 0, 1, 12 → MAD 1, scaled 1.4826
                RawResult.of("electrician", "e1", "85"), RawResult.of("electrician", "e2", "86"),
                RawResult.of("electrician", "e3", "87"), RawResult.of("electrician", "e4", "88"),
                RawResult.of("electrician", "e5", "99"),
                RawResult.of("cnc", "c1", "70"), RawResult.of("cnc", "c2", "71"));
    }

    static EventStandardisation event(List<EventStandardisation> all, String id) {
        return all.stream().filter(e -> e.eventId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void meanAndStandardDeviationOntoA500By100Scale() {
        var all = Standardisation.standardise(results(), StandardScale.meanAndSd("500", "100", 3));
        var welding = (EventStandardisation.Standardised) event(all, "welding");
        assertThat(welding.centre()).isEqualByComparingTo("75");
        // (60 − 75) / 11.18034 × 100 = −134.16408 → 365.84; 70 → 455.28; 80 → 544.72; 90 → 634.16
        assertThat(welding.scores()).extracting(s -> s.standardised().toPlainString())
                .containsExactly("365.84", "455.28", "544.72", "634.16");
    }

    @Test
    void medianAndScaledMadResistAnOutlier() {
        var all = Standardisation.standardise(results(), StandardScale.medianAndMad("700", "100", 3));
        var electrician = (EventStandardisation.Standardised) event(all, "electrician");
        assertThat(electrician.centre()).isEqualByComparingTo("87");
        assertThat(electrician.spread()).isEqualByComparingTo("1.4826");
        // 85: 700 + (−2 / 1.4826) × 100 = 700 − 134.8981… = 565.10; 99: 700 + 12 / 1.4826 × 100 = 1509.3889… → 1509.39
        assertThat(electrician.scores()).extracting(s -> s.standardised().toPlainString())
                .containsExactly("565.10", "632.55", "700.00", "767.45", "1509.39");
    }

    @Test
    void eventsWithTooFewResultsOrNoSpreadAreFlagged() {
        List<RawResult> withFlat = new ArrayList<>(results());
        withFlat.addAll(List.of(RawResult.of("flat", "f1", "80"), RawResult.of("flat", "f2", "80"),
                RawResult.of("flat", "f3", "80")));
        var all = Standardisation.standardise(withFlat, StandardScale.meanAndSd("500", "100", 3));
        assertThat(all).extracting(EventStandardisation::eventId).containsExactly("cnc", "electrician", "flat", "welding");
        assertThat(event(all, "cnc")).isEqualTo(new EventStandardisation.Flagged("cnc", 2,
                "only 2 results, standardisation needs at least 3"));
        assertThat(event(all, "flat")).isEqualTo(new EventStandardisation.Flagged("flat", 3,
                "spread is zero (STANDARD_DEVIATION), results cannot be standardised"));
    }

    @Test
    void rejectsMalformedScalesAndDuplicateEntries() {
        assertThatThrownBy(() -> StandardScale.meanAndSd("500", "0", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pointsPerSpread must be > 0, got 0");
        assertThatThrownBy(() -> StandardScale.meanAndSd("500", "100", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minimumResults must be >= 2 (a spread needs two results), got 1");
        List<RawResult> twice = List.of(RawResult.of("w", "a", "1"), RawResult.of("w", "a", "2"));
        assertThatThrownBy(() -> Standardisation.standardise(twice, StandardScale.meanAndSd("500", "100", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("entry a appears twice in event w");
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void standardisingPreservesOrderWithinAnEventAndIgnoresInputOrder(long seed) {
        Random random = new Random(seed);
        List<RawResult> results = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < 3 + random.nextInt(15); i++) {
                results.add(new RawResult("ev" + e, "x" + i, BigDecimal.valueOf(random.nextInt(10001), 2)));
            }
        }
        StandardScale scale = random.nextBoolean() ? StandardScale.meanAndSd("500", "100", 3)
                : StandardScale.medianAndMad("700", "50", 3);
        var all = Standardisation.standardise(results, scale);
        List<RawResult> shuffled = new ArrayList<>(results);
        Collections.shuffle(shuffled, random);
        assertThat(Standardisation.standardise(shuffled, scale)).isEqualTo(all);
        for (EventStandardisation event : all) {
            if (event instanceof EventStandardisation.Standardised s) {
                for (var a : s.scores()) {
                    for (var b : s.scores()) {
                        if (a.raw().compareTo(b.raw()) < 0) {
                            assertThat(a.standardised()).isLessThanOrEqualTo(b.standardised());
                        }
                    }
                }
            }
        }
    }

    private static final java.math.MathContext WIDE = new java.math.MathContext(60);

    /**
     * Centre, spread and every standardised score against a reference written from the definitions in exact
     * fractions: the mean (sum / n), the middle value or mean of the two middle values, the population variance
     * (mean of squared deviations, exact; its square root to 60 digits), 1.4826 × the median of absolute deviations;
     * then {@code centreValue + (raw − centre) / spread × points}, rounded once. Seeded events of 1-20 results with
     * ties, negative and large scores, flat events, both transforms and several scales.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void centreSpreadAndScoresEqualTheReference(long seed) {
        Random random = new Random(seed);
        List<RawResult> results = new ArrayList<>();
        int n = 1 + random.nextInt(20);
        boolean flat = random.nextInt(10) == 0;
        long magnitude = random.nextInt(6) == 0 ? 1_000_000_000L : 10_000;
        for (int i = 0; i < n; i++) {
            long unscaled = flat ? 4200 : random.nextInt(4) == 0 ? 5000 : (long) (random.nextDouble() * magnitude);
            results.add(new RawResult("ev", "x" + i, BigDecimal.valueOf(random.nextInt(15) == 0 ? -unscaled : unscaled,
                    random.nextInt(3))));
        }
        boolean mean = random.nextBoolean();
        StandardScale scale = new StandardScale(mean ? StandardScale.Centre.MEAN : StandardScale.Centre.MEDIAN,
                random.nextBoolean() ? StandardScale.Spread.STANDARD_DEVIATION : StandardScale.Spread.SCALED_MAD,
                new BigDecimal(random.nextBoolean() ? "500" : "700"), BigDecimal.valueOf(5 + random.nextInt(200)),
                2 + random.nextInt(3), new io.jingsai.scoring.Rounding(random.nextInt(4), java.math.RoundingMode.HALF_UP));
        EventStandardisation outcome = Standardisation.standardise(results, scale).get(0);

        List<BigDecimal> raw = results.stream().map(RawResult::score).sorted().toList();
        Fraction centre = mean ? meanOf(raw) : medianOf(raw);
        BigDecimal spread;
        if (scale.spread() == StandardScale.Spread.STANDARD_DEVIATION) {
            Fraction average = meanOf(raw);
            Fraction squares = Fraction.ZERO;
            for (BigDecimal value : raw) {
                Fraction deviation = Fraction.of(value).minus(average);
                squares = squares.plus(deviation.times(deviation));
            }
            spread = decimal(squares.dividedBy(Fraction.of(n))).sqrt(WIDE);
        } else {
            Fraction median = medianOf(raw);
            List<BigDecimal> deviations = raw.stream().map(v -> decimal(Fraction.of(v).minus(median)).abs()).sorted()
                    .toList();
            spread = decimal(medianOf(deviations).times(Fraction.of("1.4826")));
        }
        if (n < scale.minimumResults() || spread.signum() == 0) {
            assertThat(outcome).isInstanceOf(EventStandardisation.Flagged.class);
            return;
        }
        EventStandardisation.Standardised standardised = (EventStandardisation.Standardised) outcome;
        assertClose(standardised.centre(), decimal(centre));
        assertClose(standardised.spread(), spread);
        for (EventStandardisation.StandardScore score : standardised.scores()) {
            BigDecimal exact = scale.centreValue().add(decimal(Fraction.of(score.raw()).minus(centre))
                    .divide(spread, WIDE).multiply(scale.pointsPerSpread()), WIDE);
            BigDecimal nudge = new BigDecimal("1E-25");
            BigDecimal below = scale.rounding().apply(exact.subtract(nudge));
            BigDecimal above = scale.rounding().apply(exact.add(nudge));
            // within 10^-25 of a rounding boundary either neighbour is right; 34-digit arithmetic cannot tell them apart
            assertThat(score.standardised()).as(score.toString()).isIn(below, above);
            if (below.equals(above)) {
                assertThat(score.standardised()).isEqualTo(below);
            }
        }
    }

    private static Fraction meanOf(List<BigDecimal> values) {
        Fraction sum = Fraction.ZERO;
        for (BigDecimal value : values) {
            sum = sum.plus(Fraction.of(value));
        }
        return sum.dividedBy(Fraction.of(values.size()));
    }

    private static Fraction medianOf(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? Fraction.of(sorted.get(n / 2))
                : Fraction.of(sorted.get(n / 2 - 1)).plus(Fraction.of(sorted.get(n / 2))).dividedBy(Fraction.of(2));
    }

    private static BigDecimal decimal(Fraction value) {
        return new BigDecimal(value.numerator()).divide(new BigDecimal(value.denominator()), WIDE);
    }

    /** Equal to 30 significant digits: the engine works to 34. */
    private static void assertClose(BigDecimal actual, BigDecimal expected) {
        BigDecimal tolerance = expected.abs().max(BigDecimal.ONE).movePointLeft(30);
        assertThat(actual.subtract(expected).abs()).as(actual + " vs " + expected).isLessThanOrEqualTo(tolerance);
    }
}
