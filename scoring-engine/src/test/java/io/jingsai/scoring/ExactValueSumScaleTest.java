package io.jingsai.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.stream.LongStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExactValue.Sum} adds compact numerators as longs: its result must equal the chained {@link ExactValue#plus}
 * in value and in representation (the numerator's scale), also when numerators of several scales, very large
 * numerators and more denominators than it has slots are mixed.
 */
class ExactValueSumScaleTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theRunningSumEqualsTheChainedSumDownToTheScale(long seed) {
        Random random = new Random(seed);
        ExactValue.Sum sum = new ExactValue.Sum();
        ExactValue chained = null;
        int terms = 1 + random.nextInt(40);
        for (int i = 0; i < terms; i++) {
            BigDecimal numerator = switch (random.nextInt(10)) {
                case 0 -> new BigDecimal("9" + "9".repeat(random.nextInt(25))); // long overflow after a few terms
                case 1 -> BigDecimal.valueOf(random.nextInt(2000) - 1000, random.nextInt(22)); // scale > 18
                case 2 -> BigDecimal.valueOf(random.nextInt(100), -random.nextInt(3)); // negative scale
                default -> BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(3));
            };
            long denominator = new long[]{1, 2, 3, 5, 7, 15, 21}[random.nextInt(random.nextBoolean() ? 2 : 7)];
            ExactValue term = ExactValue.ratio(numerator, denominator);
            sum.add(term);
            chained = chained == null ? term : chained.plus(term);
        }
        assertThat(sum.value()).isEqualTo(chained);
        assertThat(sum.value().round(Rounding.DEFAULT)).isEqualTo(chained.round(Rounding.DEFAULT));
    }
}
