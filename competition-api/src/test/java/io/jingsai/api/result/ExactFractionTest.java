package io.jingsai.api.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingsai.scoring.ExactValue;

class ExactFractionTest {

    @Test
    void writesEveryValueInLowestTerms() {
        assertThat(ExactFraction.of(ExactValue.ratio(new BigDecimal("2.50"), 4))).isEqualTo("5/8");
        assertThat(ExactFraction.of(ExactValue.of(new BigDecimal("0.5")))).isEqualTo("1/2");
        assertThat(ExactFraction.of(ExactValue.ratio(new BigDecimal("250"), 3))).isEqualTo("250/3");
        assertThat(ExactFraction.of(ExactValue.ratio(new BigDecimal("-3.0"), 6))).isEqualTo("-1/2");
        assertThat(ExactFraction.of(ExactValue.of(new BigDecimal("1E+2")))).isEqualTo("100");
        assertThat(ExactFraction.of(ExactValue.ratio(new BigDecimal("0.00"), 7))).isEqualTo("0");
    }

    /** Equal values reached in different ways have one text: a/b and (a·k)/(b·k) written with any decimal scale. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261205L, 1L, 99L})
    void equalValuesHaveOneText(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            long numerator = random.nextInt(2_000_001) - 1_000_000;
            long denominator = 1 + random.nextInt(1000);
            int k = 1 + random.nextInt(50);
            int scale = random.nextInt(5);
            ExactValue plain = ExactValue.ratio(BigDecimal.valueOf(numerator), denominator);
            ExactValue scaled = ExactValue.ratio(BigDecimal.valueOf(numerator * k).setScale(scale), denominator * k);
            BigInteger gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator));
            BigInteger p = BigInteger.valueOf(numerator).divide(gcd.signum() == 0 ? BigInteger.ONE : gcd);
            BigInteger q = BigInteger.valueOf(denominator).divide(gcd.signum() == 0 ? BigInteger.valueOf(denominator)
                    : gcd);
            String expected = q.equals(BigInteger.ONE) ? p.toString() : p + "/" + q;
            assertThat(ExactFraction.of(plain)).isEqualTo(expected);
            assertThat(ExactFraction.of(scaled)).isEqualTo(expected);
        }
    }
}
