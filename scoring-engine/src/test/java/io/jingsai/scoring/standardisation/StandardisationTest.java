package io.jingsai.scoring.standardisation;

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
}
