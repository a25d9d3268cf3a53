package io.jingsai.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExactValue.Sum} remembers each term's compact form on the term itself: the same term objects added to many
 * sums, in different orders and next to other terms, must give each sum the chained {@link ExactValue#plus} result,
 * value and representation, as fresh terms would.
 */
class ExactValueSharedTermsTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sharedTermsGiveEverySumTheChainedSum(long seed) {
        Random random = new Random(seed);
        List<ExactValue> pool = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            BigDecimal numerator = switch (random.nextInt(8)) {
                case 0 -> new BigDecimal("9" + "9".repeat(random.nextInt(25))); // 18+ digits, overflow when added
                case 1 -> BigDecimal.valueOf(random.nextInt(2000) - 1000, random.nextInt(22)); // scale > 18
                case 2 -> BigDecimal.valueOf(random.nextInt(100), -random.nextInt(3)); // negative scale
                case 3 -> BigDecimal.valueOf(-random.nextInt(100_000), random.nextInt(3)); // negative
                default -> BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(3));
            };
            pool.add(ExactValue.ratio(numerator, new long[]{1, 3, 5, 15}[random.nextInt(4)]));
        }
        for (int round = 0; round < 5; round++) {
            List<ExactValue> terms = new ArrayList<>();
            for (int i = 1 + random.nextInt(30); i > 0; i--) {
                terms.add(pool.get(random.nextInt(pool.size())));
            }
            Collections.shuffle(terms, random);
            ExactValue.Sum sum = new ExactValue.Sum();
            ExactValue chained = null;
            for (ExactValue term : terms) {
                sum.add(term);
                chained = chained == null ? term : chained.plus(term);
            }
            assertThat(sum.value()).isEqualTo(chained);
            assertThat(sum.value().toString()).isEqualTo(freshSum(terms).toString());
            assertThat(sum.value().round(Rounding.DEFAULT)).isEqualTo(chained.round(Rounding.DEFAULT));
        }
    }

    /** The same sum over fresh copies of the terms, which carry no remembered form. */
    private static ExactValue freshSum(List<ExactValue> terms) {
        ExactValue.Sum sum = new ExactValue.Sum();
        for (ExactValue term : terms) {
            sum.add(term.times(BigDecimal.ONE)); // a new object: same numerator scale, same denominator
        }
        return sum.value();
    }
}
