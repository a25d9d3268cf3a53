package io.jingsai.api.result;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.jingsai.scoring.ExactValue;

/**
 * An engine's exact value written in lowest terms, {@code p} or {@code p/q} with {@code q > 1}: one text per number,
 * so that a stored exact total can be compared with a recomputed one as text (the engine's own text of a value
 * depends on how it was reached, e.g. {@code 2/4} or {@code 0.5}).
 */
final class ExactFraction {

    private ExactFraction() {
    }

    static String of(ExactValue value) {
        String text = value.toString();
        int slash = text.indexOf('/');
        BigDecimal numerator = new BigDecimal(slash < 0 ? text : text.substring(0, slash));
        BigInteger denominator = slash < 0 ? BigInteger.ONE : new BigInteger(text.substring(slash + 1));
        BigInteger p = numerator.unscaledValue();
        if (numerator.scale() > 0) {
            denominator = denominator.multiply(BigInteger.TEN.pow(numerator.scale()));
        } else {
            p = p.multiply(BigInteger.TEN.pow(-numerator.scale()));
        }
        BigInteger gcd = p.gcd(denominator);
        if (gcd.signum() != 0) {
            p = p.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return denominator.equals(BigInteger.ONE) ? p.toString() : p + "/" + denominator;
    }
}
