package io.jingsai.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExactValueTest {

    private static ExactValue v(String s) {
        return ExactValue.of(new BigDecimal(s));
    }

    @Test
    void oneThirdIsExactUntilRounded() {
        ExactValue third = ExactValue.ONE.dividedBy(3);
        assertThat(third.plus(third).plus(third)).isEqualTo(ExactValue.ONE);
        assertThat(third.round(Rounding.DEFAULT)).isEqualByComparingTo("0.33");
        assertThat(third.times(new BigDecimal("2")).round(Rounding.DEFAULT)).isEqualByComparingTo("0.67");
    }

    @Test
    void roundsHalfUpOnTheExactValueNotOnABinaryApproximation() {
        // 2.675 as a double is 2.67499999…; exactly it rounds HALF_UP to 2.68.
        assertThat(v("5.35").dividedBy(2).round(Rounding.DEFAULT)).isEqualByComparingTo("2.68");
        assertThat(BigDecimal.valueOf(Math.round(2.675 * 100) / 100.0)).isEqualByComparingTo("2.68");
        assertThat(new BigDecimal(2.675).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("2.67");
    }

    @Test
    void dividesByDecimalsExactly() {
        assertThat(v("1").dividedBy(new BigDecimal("0.3")).times(new BigDecimal("0.3"))).isEqualTo(ExactValue.ONE);
        assertThat(v("50").dividedBy(new BigDecimal("1E+2"))).isEqualTo(v("0.5"));
        assertThat(v("1").dividedBy(new BigDecimal("-4"))).isEqualTo(v("-0.25"));
        assertThat(v("7").dividedBy(v("3.5"))).isEqualTo(v("2"));
    }

    @Test
    void equalValuesAreEqualWithEqualHashCodes() {
        ExactValue a = ExactValue.ratio(new BigDecimal("1"), 2);
        ExactValue b = ExactValue.ratio(new BigDecimal("2.00"), 4);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(v("0.5"));
        assertThat(a.compareTo(v("0.51"))).isNegative();
        assertThat(a.toString()).isEqualTo("1/2");
    }

    @Test
    void terminatingValuesConvertExactlyAndOthersRefuse() {
        assertThat(ExactValue.ratio(new BigDecimal("3"), 8).toBigDecimalExact()).isEqualByComparingTo("0.375");
        assertThatThrownBy(() -> ExactValue.ONE.dividedBy(3).toBigDecimalExact()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rejectsBadDenominators() {
        assertThatThrownBy(() -> ExactValue.ratio(BigDecimal.ONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("denominator must be > 0, got 0");
        assertThatThrownBy(() -> ExactValue.ONE.dividedBy(-2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("divisor must be > 0, got -2");
        assertThatThrownBy(() -> ExactValue.ONE.dividedBy(BigDecimal.ZERO))
                .isInstanceOf(ArithmeticException.class).hasMessage("division by zero");
    }

    @Test
    void roundingRefusesUnnecessaryAndBadScales() {
        assertThatThrownBy(() -> new Rounding(2, RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNNECESSARY");
        assertThatThrownBy(() -> new Rounding(11, RoundingMode.HALF_UP))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rounding scale must be between 0 and 10, got 11");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sumsOfQuotientsDoNotDependOnOrder(long seed) {
        Random random = new Random(seed);
        List<ExactValue> terms = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(20); i++) {
            terms.add(ExactValue.ratio(BigDecimal.valueOf(random.nextInt(2001) - 1000, 2), 1 + random.nextInt(9)));
        }
        ExactValue forward = terms.stream().reduce(ExactValue.ZERO, ExactValue::plus);
        Collections.shuffle(terms, random);
        ExactValue shuffled = terms.stream().reduce(ExactValue.ZERO, ExactValue::plus);
        assertThat(shuffled).isEqualTo(forward);
        assertThat(shuffled.round(Rounding.DEFAULT)).isEqualTo(forward.round(Rounding.DEFAULT));
        // a - b + b == a
        ExactValue b = terms.get(0);
        assertThat(forward.minus(b).plus(b)).isEqualTo(forward);
        // the running Sum (terms grouped by denominator) equals the chained sum
        ExactValue.Sum sum = new ExactValue.Sum();
        terms.forEach(sum::add);
        assertThat(sum.value()).isEqualTo(forward);
    }

    @Test
    void anEmptySumIsZero() {
        assertThat(new ExactValue.Sum().value()).isEqualTo(ExactValue.ZERO);
    }
}
