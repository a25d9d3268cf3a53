package io.jingsai.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * An exact rational number: a decimal numerator over a positive integer denominator.
 *
 * <p>Every mark the engine computes (a mean of seven judges, a judgement mark {@code mean / 3 × maxMark}, a weighted
 * component) is held as an {@code ExactValue} so that nothing is lost before the one rounding a rule states
 * ({@link #round(Rounding)}). Sums are exact and do not depend on the order of the operands, so reordering judges
 * or entries never changes a result.
 *
 * <p>Equality and ordering are by numeric value: {@code 1/2} equals {@code 0.5/1} and {@code 2.0/4}.
 * Operations throw {@link ArithmeticException} if a denominator would overflow a {@code long}, which needs
 * denominators far beyond any real scheme (panel sizes, weights with a handful of digits).
 */
public final class ExactValue implements Comparable<ExactValue> {

    /** Zero. */
    public static final ExactValue ZERO = new ExactValue(BigDecimal.ZERO, 1);
    /** One. */
    public static final ExactValue ONE = new ExactValue(BigDecimal.ONE, 1);

    private final BigDecimal numerator;
    private final long denominator;
    /**
     * The numerator's unscaled value when it has at most 18 digits and a scale of 0-18, tagged {@code (v << 2) | 1};
     * {@link #NOT_COMPACT} when it has not; 0 until {@link Sum} first asks. Written at most once per value (a racing
     * second write stores the same bits), so that a value shared by many sums is taken apart only once.
     */
    private volatile long compact;
    private static final long NOT_COMPACT = 2;

    private ExactValue(BigDecimal numerator, long denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The exact value of a decimal. */
    public static ExactValue of(BigDecimal value) {
        return new ExactValue(Objects.requireNonNull(value, "value"), 1);
    }

    /** The exact value of {@code numerator / denominator}; the denominator must be positive. */
    public static ExactValue ratio(BigDecimal numerator, long denominator) {
        Objects.requireNonNull(numerator, "numerator");
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be > 0, got " + denominator);
        }
        return new ExactValue(numerator, denominator);
    }

    /** {@code this + other}, exactly. */
    public ExactValue plus(ExactValue other) {
        if (denominator == other.denominator) {
            return new ExactValue(numerator.add(other.numerator), denominator);
        }
        if (other.denominator % denominator == 0) {
            return new ExactValue(numerator.multiply(BigDecimal.valueOf(other.denominator / denominator))
                    .add(other.numerator), other.denominator);
        }
        if (denominator % other.denominator == 0) {
            return new ExactValue(numerator.add(other.numerator.multiply(BigDecimal.valueOf(denominator / other.denominator))),
                    denominator);
        }
        long gcd = gcd(denominator, other.denominator);
        long thisFactor = other.denominator / gcd;
        long otherFactor = denominator / gcd;
        long common = Math.multiplyExact(denominator, thisFactor);
        BigDecimal sum = numerator.multiply(BigDecimal.valueOf(thisFactor))
                .add(other.numerator.multiply(BigDecimal.valueOf(otherFactor)));
        return new ExactValue(sum, common);
    }

    /** {@code this - other}, exactly. */
    public ExactValue minus(ExactValue other) {
        return plus(other.negate());
    }

    /** {@code -this}. */
    public ExactValue negate() {
        return new ExactValue(numerator.negate(), denominator);
    }

    /** {@code this × factor}, exactly. */
    public ExactValue times(BigDecimal factor) {
        return new ExactValue(numerator.multiply(factor), denominator);
    }

    /** {@code this × other}, exactly. */
    public ExactValue times(ExactValue other) {
        return new ExactValue(numerator.multiply(other.numerator), Math.multiplyExact(denominator, other.denominator));
    }

    /** {@code this / divisor}, exactly; the divisor must be positive. */
    public ExactValue dividedBy(long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be > 0, got " + divisor);
        }
        return new ExactValue(numerator, Math.multiplyExact(denominator, divisor));
    }

    /** {@code this / divisor}, exactly; the divisor must not be zero. */
    public ExactValue dividedBy(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        BigDecimal stripped = divisor.stripTrailingZeros();
        long unscaled = stripped.unscaledValue().longValueExact();
        BigDecimal shifted = numerator.scaleByPowerOfTen(stripped.scale());
        if (unscaled < 0) {
            return new ExactValue(shifted.negate(), Math.multiplyExact(denominator, -unscaled));
        }
        return new ExactValue(shifted, Math.multiplyExact(denominator, unscaled));
    }

    /** {@code this / divisor}, exactly; the divisor must not be zero. */
    public ExactValue dividedBy(ExactValue divisor) {
        return times(divisor.denominator == 1 ? BigDecimal.ONE : BigDecimal.valueOf(divisor.denominator))
                .dividedBy(divisor.numerator);
    }

    /** The smaller of two values ({@code this} when equal). */
    public ExactValue min(ExactValue other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The larger of two values ({@code this} when equal). */
    public ExactValue max(ExactValue other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The sign: -1, 0 or 1. */
    public int signum() {
        return numerator.signum();
    }

    /** The absolute value. */
    public ExactValue abs() {
        return numerator.signum() < 0 ? negate() : this;
    }

    /** The one rounding: the exact value, correctly rounded by the rule (no double rounding). */
    public BigDecimal round(Rounding rounding) {
        if (denominator == 1) {
            return rounding.apply(numerator);
        }
        return numerator.divide(BigDecimal.valueOf(denominator), rounding.scale(), rounding.mode());
    }

    /** An approximation to the given precision, for arithmetic that is inexact anyway (square roots). */
    public BigDecimal approximate(MathContext context) {
        return denominator == 1 ? numerator.round(context) : numerator.divide(BigDecimal.valueOf(denominator), context);
    }

    /** The exact decimal value; throws {@link ArithmeticException} if it does not terminate (e.g. 1/3). */
    public BigDecimal toBigDecimalExact() {
        return denominator == 1 ? numerator : numerator.divide(BigDecimal.valueOf(denominator));
    }

    @Override
    public int compareTo(ExactValue other) {
        if (denominator == other.denominator) {
            return numerator.compareTo(other.numerator);
        }
        return numerator.multiply(BigDecimal.valueOf(other.denominator))
                .compareTo(other.numerator.multiply(BigDecimal.valueOf(denominator)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactValue other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        // Equal values have equal 16-digit approximations; the rational itself has no canonical form here.
        return approximate(MathContext.DECIMAL64).stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return denominator == 1 ? numerator.toPlainString() : numerator.toPlainString() + "/" + denominator;
    }

    /**
     * A mutable running sum of exact values, cheaper than chained {@link #plus} when many terms share a few
     * denominators (a scheme's aspects: means of n judges, judgement marks over 3n): terms are added per denominator
     * and brought to a common denominator once, in {@link #value()}. Numerators that fit a {@code long} at one scale
     * are added as unscaled {@code long}s, without an allocation per term. The result equals the chained sum exactly,
     * down to the scale of its numerator. Not thread-safe.
     */
    public static final class Sum {
        private static final int SLOTS = 4;
        private static final int MAX_DIGITS = 18;
        private final long[] denominators = new long[SLOTS];
        /** Per slot: the sum of the numerators that were not added as longs, or null. */
        private final BigDecimal[] numerators = new BigDecimal[SLOTS];
        /** Per slot: the unscaled sum of the numerators added as longs, at {@code scalesPlusOne[slot] - 1}. */
        private final long[] unscaled = new long[SLOTS];
        /** Per slot: the scale of {@code unscaled} plus one; 0 while no numerator was added as a long. */
        private final int[] scalesPlusOne = new int[SLOTS];
        private int used;

        /** Adds a term. */
        public Sum add(ExactValue term) {
            for (int i = 0; i < used; i++) {
                if (denominators[i] == term.denominator) {
                    addTo(i, term);
                    return this;
                }
            }
            if (used < SLOTS) {
                denominators[used] = term.denominator;
                addTo(used++, term);
            } else {
                int last = SLOTS - 1;
                ExactValue folded = new ExactValue(numerator(last), denominators[last]).plus(term);
                denominators[last] = folded.denominator;
                numerators[last] = folded.numerator;
                scalesPlusOne[last] = 0;
                unscaled[last] = 0;
            }
            return this;
        }

        /** The exact sum so far (zero if nothing was added). */
        public ExactValue value() {
            ExactValue total = ZERO;
            for (int i = 0; i < used; i++) {
                total = total.plus(new ExactValue(numerator(i), denominators[i]));
            }
            return total;
        }

        private void addTo(int slot, ExactValue term) {
            BigDecimal numerator = term.numerator;
            int scale = numerator.scale();
            int slotScale = scalesPlusOne[slot] - 1;
            long tagged;
            if ((slotScale < 0 || slotScale == scale) && (tagged = term.compactUnscaled()) != NOT_COMPACT) {
                long value = tagged >> 2;
                long sum = unscaled[slot] + value;
                if (((unscaled[slot] ^ sum) & (value ^ sum)) >= 0) { // no overflow
                    unscaled[slot] = sum;
                    scalesPlusOne[slot] = scale + 1;
                    return;
                }
            }
            numerators[slot] = numerators[slot] == null ? numerator : numerators[slot].add(numerator);
        }

        /** A slot's numerator; its scale is the largest of its terms', as in a chained {@code BigDecimal} sum. */
        private BigDecimal numerator(int slot) {
            BigDecimal asLongs = scalesPlusOne[slot] == 0 ? null
                    : BigDecimal.valueOf(unscaled[slot], scalesPlusOne[slot] - 1);
            BigDecimal rest = numerators[slot];
            return rest == null ? asLongs : asLongs == null ? rest : rest.add(asLongs);
        }
    }

    /** {@link #compact}, computed on first use. */
    private long compactUnscaled() {
        long tagged = compact;
        if (tagged == 0) {
            int scale = numerator.scale();
            if (scale >= 0 && scale <= Sum.MAX_DIGITS && numerator.precision() <= Sum.MAX_DIGITS) {
                // at most 18 digits: the unscaled value is exactly a long
                long value = scale == 0 ? numerator.longValue() : numerator.scaleByPowerOfTen(scale).longValue();
                tagged = (value << 2) | 1;
            } else {
                tagged = NOT_COMPACT;
            }
            compact = tagged;
        }
        return tagged;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
