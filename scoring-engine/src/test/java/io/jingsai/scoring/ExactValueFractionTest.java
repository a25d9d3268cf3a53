package io.jingsai.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExactValue} arithmetic, comparison and rounding against {@link Fraction}, exact fractions of two
 * {@link BigInteger}s that share no code with it, on seeded values: numerators of 1-30 digits at scales from -10
 * to 30 (so large and small values, wide numerators beyond a {@code long}), denominators from 1 to 10^6, signs
 * mixed, and equal values in different representations.
 */
class ExactValueFractionTest {

    static LongStream seeds() {
        return LongStream.range(0, 600);
    }

    private static final RoundingMode[] MODES = {RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN,
            RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR};

    @ParameterizedTest
    @MethodSource("seeds")
    void arithmeticEqualsExactFractions(long seed) {
        java.util.Random random = new java.util.Random(seed);
        ExactValue a = randomValue(random);
        ExactValue b = random.nextInt(5) == 0 ? sameValueOtherForm(a, random) : randomValue(random);
        Fraction fa = Fraction.of(a);
        Fraction fb = Fraction.of(b);
        BigDecimal factor = randomDecimal(random, 12);
        long divisor = 1 + random.nextInt(999);

        assertThat(Fraction.of(a.plus(b))).isEqualTo(fa.plus(fb));
        assertThat(Fraction.of(a.minus(b))).isEqualTo(fa.minus(fb));
        assertThat(Fraction.of(a.negate())).isEqualTo(fa.negate());
        assertThat(Fraction.of(a.times(factor))).isEqualTo(fa.times(Fraction.of(factor)));
        assertThat(Fraction.of(a.times(b))).isEqualTo(fa.times(fb));
        assertThat(Fraction.of(a.dividedBy(divisor))).isEqualTo(fa.dividedBy(Fraction.of(divisor)));
        if (factor.signum() != 0) {
            assertThat(Fraction.of(a.dividedBy(factor))).isEqualTo(fa.dividedBy(Fraction.of(factor)));
        }
        ExactValue small = ExactValue.ratio(BigDecimal.valueOf(1 + random.nextInt(9999), random.nextInt(4)),
                1 + random.nextInt(99));
        assertThat(Fraction.of(a.dividedBy(small))).isEqualTo(fa.dividedBy(Fraction.of(small)));
        assertThat(Fraction.of(a.abs())).isEqualTo(fa.numerator().signum() < 0 ? fa.negate() : fa);
        assertThat(a.signum()).isEqualTo(fa.numerator().signum());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void comparisonEqualityAndRoundingFollowTheExactValue(long seed) {
        java.util.Random random = new java.util.Random(seed);
        ExactValue a = randomValue(random);
        ExactValue b = random.nextInt(4) == 0 ? sameValueOtherForm(a, random) : randomValue(random);
        Fraction fa = Fraction.of(a);
        Fraction fb = Fraction.of(b);
        int expected = Integer.signum(fa.compareTo(fb));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expected);
        assertThat(a.equals(b)).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        assertThat(Fraction.of(a.min(b))).isEqualTo(expected <= 0 ? fa : fb);
        assertThat(Fraction.of(a.max(b))).isEqualTo(expected >= 0 ? fa : fb);

        Rounding rounding = new Rounding(random.nextInt(11), MODES[random.nextInt(MODES.length)]);
        assertThat(a.round(rounding)).isEqualTo(fa.round(rounding.scale(), rounding.mode()));
        // halves exactly on the boundary: 2k+1 over 2 × 10^scale
        BigInteger odd = BigInteger.valueOf(2L * random.nextInt(100_000) + 1).multiply(BigInteger.valueOf(
                random.nextBoolean() ? 1 : -1));
        ExactValue half = ExactValue.ratio(new BigDecimal(odd), 2).dividedBy(BigDecimal.TEN.pow(rounding.scale()));
        assertThat(half.round(rounding)).isEqualTo(Fraction.of(half).round(rounding.scale(), rounding.mode()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aSumOfManyTermsEqualsTheSumOfTheFractions(long seed) {
        java.util.Random random = new java.util.Random(seed);
        ExactValue.Sum sum = new ExactValue.Sum();
        Fraction expected = Fraction.ZERO;
        ExactValue shared = randomValue(random);
        for (int i = random.nextInt(30); i > 0; i--) {
            ExactValue term = random.nextInt(4) == 0 ? shared
                    : ExactValue.ratio(randomDecimal(random, random.nextInt(3) == 0 ? 25 : 8), 1 + random.nextInt(12));
            sum.add(term);
            expected = expected.plus(Fraction.of(term));
        }
        assertThat(Fraction.of(sum.value())).isEqualTo(expected);
    }

    /** A numerator of 1-30 digits at a scale from -10 to 30 over a denominator of 1 to 10^6. */
    static ExactValue randomValue(java.util.Random random) {
        BigDecimal numerator = randomDecimal(random, 30);
        long denominator = switch (random.nextInt(4)) {
            case 0 -> 1;
            case 1 -> 1 + random.nextInt(12);
            case 2 -> 1 + random.nextInt(1000);
            default -> 1 + random.nextInt(1_000_000);
        };
        return ExactValue.ratio(numerator, denominator);
    }

    static BigDecimal randomDecimal(java.util.Random random, int maxDigits) {
        int digits = 1 + random.nextInt(maxDigits);
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        if (random.nextInt(3) == 0) {
            unscaled = unscaled.negate();
        }
        int scale = random.nextInt(8) == 0 ? -random.nextInt(11) : random.nextInt(31);
        return new BigDecimal(unscaled, scale);
    }

    /** The same value with a numerator and denominator both multiplied, and trailing zeros added. */
    static ExactValue sameValueOtherForm(ExactValue value, java.util.Random random) {
        long k = 1 + random.nextInt(7);
        return value.times(BigDecimal.valueOf(k).setScale(random.nextInt(4))).dividedBy(k);
    }
}
