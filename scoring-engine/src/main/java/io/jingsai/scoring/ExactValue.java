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
     * The numerator's unscaled value and scale when it has at most 16 digits and a scale of 0-18, tagged
     * {@code (v << 8) | (scale << 3) | 1} (so that {@link Sum} needs neither the {@code BigDecimal} nor its scale);
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
        return numerator.divide(decimal(denominator), rounding.scale(), rounding.mode());
    }

    /** Small denominators as decimals, made once each: every published figure divides by one. */
    private static final BigDecimal[] DENOMINATORS = new BigDecimal[512];

    private static BigDecimal decimal(long denominator) {
        if (denominator >= DENOMINATORS.length) {
            return BigDecimal.valueOf(denominator);
        }
        BigDecimal cached = DENOMINATORS[(int) denominator];
        if (cached == null) {
            cached = BigDecimal.valueOf(denominator);
            DENOMINATORS[(int) denominator] = cached; // immutable: a racing reader sees null or the whole value
        }
        return cached;
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
     * are added as unscaled {@code long}s, without an allocation per term, and when every denominator's sum is such a
     * {@code long}, {@link #value()} forms the total in {@code long}s too (exact, with overflow checks).
     *
     * <p>The result is {@code ZERO.plus(t1).plus(t2)…} exactly, down to its representation: the denominator is the
     * least common multiple of the terms' denominators, the numerator's scale the largest of the terms' scales and 0
     * (so {@code toString()} is the same, whatever the order of the terms). With no terms it is {@link #ZERO}. A
     * denominator that would overflow a {@code long} throws {@link ArithmeticException}, as {@link #plus} does.
     * Not thread-safe.
     */
    public static final class Sum {
        /** A compact numerator has at most this many digits, so that its unscaled value fits in {@link #compact}. */
        private static final int MAX_DIGITS = 16;
        private static final int MAX_SCALE = 18;
        private static final long[] POWERS_OF_TEN = new long[MAX_SCALE + 1];

        static {
            POWERS_OF_TEN[0] = 1;
            for (int i = 1; i <= MAX_SCALE; i++) {
                POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
            }
        }

        // One denominator's terms per node, in fields: a scheme has only a few denominators, and fields need no
        // arrays allocated per sum nor an index per term (the previous form had four 4-slot arrays per sum).
        /** This node's denominator; 0 while the node holds no term. */
        private long denominator;
        /** The unscaled sum of the numerators added as longs, at scale {@code scalePlusOne - 1}. */
        private long unscaled;
        /** The scale of {@link #unscaled} plus one; 0 while no numerator was added as a long. */
        private int scalePlusOne;
        /** The sum of the numerators that were not added as longs (too wide, another scale, an overflow), or null. */
        private BigDecimal rest;
        /** The node of the next denominator, or null. */
        private Sum next;

        /** Adds a term. */
        public Sum add(ExactValue term) {
            long d = term.denominator;
            Sum node = this;
            while (node.denominator != d) {
                if (node.denominator == 0) {
                    node.denominator = d;
                    break;
                }
                if (node.next == null) {
                    node.next = new Sum();
                }
                node = node.next;
            }
            node.addNumerator(term);
            return this;
        }

        private void addNumerator(ExactValue term) {
            long tagged = term.compactUnscaled();
            if (tagged != NOT_COMPACT) {
                int scalePlusOne = (int) (tagged >>> 3 & 31) + 1;
                if (this.scalePlusOne == scalePlusOne || this.scalePlusOne == 0) {
                    long value = tagged >> 8;
                    long sum = unscaled + value;
                    if (((unscaled ^ sum) & (value ^ sum)) >= 0) { // no overflow
                        unscaled = sum;
                        this.scalePlusOne = scalePlusOne;
                        return;
                    }
                }
            }
            rest = rest == null ? term.numerator : rest.add(term.numerator);
        }

        /** The exact sum so far (zero if nothing was added). */
        public ExactValue value() {
            if (denominator == 0) {
                return ZERO;
            }
            ExactValue inLongs = valueInLongs();
            return inLongs != null ? inLongs : chained();
        }

        /**
         * The total when every node's numerator is a long: {@code Σ unscaled × 10^(S − scale) × (L / denominator)} over
         * {@code L} (the least common multiple) at scale {@code S} (the largest scale, at least 0), which is what the
         * chained sum gives; null if a node has a wider part or a product would overflow (the chained sum decides).
         */
        private ExactValue valueInLongs() {
            long common = 1;
            int scale = 0;
            for (Sum node = this; node != null && node.denominator != 0; node = node.next) {
                if (node.rest != null) {
                    return null;
                }
                scale = Math.max(scale, node.scalePlusOne - 1);
            }
            try {
                for (Sum node = this; node != null && node.denominator != 0; node = node.next) {
                    common = Math.multiplyExact(common, node.denominator / gcd(common, node.denominator));
                }
                long total = 0;
                for (Sum node = this; node != null && node.denominator != 0; node = node.next) {
                    long shifted = Math.multiplyExact(node.unscaled, POWERS_OF_TEN[scale - (node.scalePlusOne - 1)]);
                    total = Math.addExact(total, Math.multiplyExact(shifted, common / node.denominator));
                }
                return new ExactValue(BigDecimal.valueOf(total, scale), common);
            } catch (ArithmeticException overflow) {
                return null; // the chained sum holds any numerator, and throws for a denominator beyond a long
            }
        }

        /** The chained sum of the nodes' numerators over their denominators. */
        private ExactValue chained() {
            ExactValue total = ZERO;
            for (Sum node = this; node != null && node.denominator != 0; node = node.next) {
                total = total.plus(new ExactValue(node.numerator(), node.denominator));
            }
            return total;
        }

        /** A node's numerator; its scale is the largest of its terms', as in a chained {@code BigDecimal} sum. */
        private BigDecimal numerator() {
            BigDecimal asLongs = scalePlusOne == 0 ? null : BigDecimal.valueOf(unscaled, scalePlusOne - 1);
            return rest == null ? asLongs : asLongs == null ? rest : rest.add(asLongs);
        }
    }

    /** {@link #compact}, computed on first use. */
    private long compactUnscaled() {
        long tagged = compact;
        if (tagged == 0) {
            int scale = numerator.scale();
            if (scale >= 0 && scale <= Sum.MAX_SCALE && numerator.precision() <= Sum.MAX_DIGITS) {
                // at most 16 digits: the unscaled value is exactly a long, and |value| < 2^55 leaves room for the tags
                long value = scale == 0 ? numerator.longValue() : numerator.scaleByPowerOfTen(scale).longValue();
                tagged = (value << 8) | ((long) scale << 3) | 1;
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
