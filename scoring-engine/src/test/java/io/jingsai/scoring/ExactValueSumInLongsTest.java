package io.jingsai.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ExactValue.Sum} keeps one denominator per node and forms the total in {@code long}s when every node's
 * numerator is a {@code long} ({@code valueInLongs}); otherwise it chains {@link ExactValue#plus}. Either way the
 * result must be {@code ZERO.plus(t1).plus(t2)…} down to its representation ({@code toString()}: numerator, scale and
 * denominator), and a denominator beyond a {@code long} must throw as the chain does. Seeded random terms around the
 * limits of the long form: 15-18 digit numerators (the compact form holds 16), scales 0-22 and negative, negative
 * values, sums that overflow, many denominators, large denominators whose common multiple overflows.
 */
class ExactValueSumInLongsTest {

    private static final long[] SMALL_DENOMINATORS = {1, 2, 3, 5, 7, 9, 15, 21, 35};
    private static final long[] LARGE_DENOMINATORS = {1_000_003, 999_983, 2_147_483_647L, 3_037_000_493L};

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSumIsTheChainFromZeroDownToItsRepresentation(long seed) {
        Random random = new Random(seed);
        List<ExactValue> pool = new ArrayList<>();
        for (int i = 0, size = 1 + random.nextInt(12); i < size; i++) {
            pool.add(randomTerm(random));
        }
        ExactValue.Sum sum = new ExactValue.Sum();
        List<ExactValue> added = new ArrayList<>();
        for (int i = 0, terms = random.nextInt(40); i < terms; i++) {
            // terms from a pool, so that shared terms (compact form remembered) meet fresh ones
            ExactValue term = random.nextInt(4) == 0 ? randomTerm(random) : pool.get(random.nextInt(pool.size()));
            sum.add(term);
            added.add(term);
            if (random.nextInt(10) == 0) {
                assertSame(sum, added); // value() in the middle leaves the sum as it was
            }
        }
        assertSame(sum, added);
    }

    @Test
    void anEmptySumIsZeroItself() {
        assertThat(new ExactValue.Sum().value()).isSameAs(ExactValue.ZERO);
    }

    @Test
    void aTotalBeyondALongIsLeftToTheChain() {
        // each node fits a long (16 digits), the total over the common denominator 1009 × 1013 does not
        ExactValue a = ExactValue.ratio(new BigDecimal("9000000000000000"), 1009);
        ExactValue b = ExactValue.ratio(new BigDecimal("9000000000000000"), 1013);
        ExactValue.Sum sum = new ExactValue.Sum().add(a).add(b).add(a);
        BigDecimal numerator = new BigDecimal("9000000000000000").multiply(BigDecimal.valueOf(2 * 1013 + 1009));
        assertThat(numerator.compareTo(BigDecimal.valueOf(Long.MAX_VALUE))).isPositive();
        assertThat(sum.value().toString()).isEqualTo(ExactValue.ZERO.plus(a).plus(b).plus(a).toString())
                .isEqualTo(numerator.toPlainString() + "/" + (1009 * 1013));
    }

    @Test
    void scalesAreBroughtToTheLargestAndNeverBelowZero() {
        ExactValue.Sum sum = new ExactValue.Sum()
                .add(ExactValue.ratio(new BigDecimal("1.5"), 3))
                .add(ExactValue.ratio(new BigDecimal("2.25"), 15))
                .add(ExactValue.ratio(new BigDecimal("4"), 1));
        assertThat(sum.value().toString()).isEqualTo("69.75/15");
        assertThat(new ExactValue.Sum().add(ExactValue.of(new BigDecimal("3E+2"))).value().toString())
                .isEqualTo(ExactValue.ZERO.plus(ExactValue.of(new BigDecimal("3E+2"))).toString()).isEqualTo("300");
    }

    private static void assertSame(ExactValue.Sum sum, List<ExactValue> terms) {
        ExactValue chained = ExactValue.ZERO;
        ArithmeticException chainFailure = null;
        try {
            for (ExactValue term : terms) {
                chained = chained.plus(term);
            }
        } catch (ArithmeticException e) {
            chainFailure = e;
        }
        if (chainFailure != null) {
            assertThatThrownBy(sum::value).isInstanceOf(ArithmeticException.class);
            return;
        }
        ExactValue value = sum.value();
        assertThat(value.toString()).isEqualTo(chained.toString());
        assertThat(value).isEqualTo(chained);
        assertThat(value.round(Rounding.DEFAULT)).isEqualTo(chained.round(Rounding.DEFAULT));
        assertThat(value.round(Rounding.halfUp(0))).isEqualTo(chained.round(Rounding.halfUp(0)));
    }

    private static ExactValue randomTerm(Random random) {
        BigDecimal numerator = switch (random.nextInt(12)) {
            case 0 -> new BigDecimal((random.nextBoolean() ? "-" : "") + "9".repeat(15 + random.nextInt(4))); // 15-18 digits
            case 1 -> new BigDecimal(randomDigits(random, 15 + random.nextInt(4))).movePointLeft(random.nextInt(4));
            case 2 -> new BigDecimal("9".repeat(19 + random.nextInt(6))); // beyond a long
            case 3 -> BigDecimal.valueOf(random.nextInt(2000) - 1000, 16 + random.nextInt(7)); // scale 16-22
            case 4 -> BigDecimal.valueOf(random.nextInt(100), -random.nextInt(3)); // negative scale
            case 5 -> BigDecimal.valueOf(-random.nextInt(100_000), random.nextInt(4)); // negative
            default -> BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(4));
        };
        long denominator = random.nextInt(15) == 0
                ? LARGE_DENOMINATORS[random.nextInt(LARGE_DENOMINATORS.length)]
                : SMALL_DENOMINATORS[random.nextInt(random.nextBoolean() ? 3 : SMALL_DENOMINATORS.length)];
        return ExactValue.ratio(numerator, denominator);
    }

    private static String randomDigits(Random random, int digits) {
        StringBuilder text = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 1; i < digits; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }
}
