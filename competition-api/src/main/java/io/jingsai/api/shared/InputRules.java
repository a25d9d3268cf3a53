package io.jingsai.api.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What any text, decimal number and date-time of a request may be, decided once for every field and every query
 * parameter: the JSON reader ({@code web.StrictJson}) and the parameter check ({@code web.RequestParameters}) apply
 * these rules before a request reaches a feature, so a feature never sees a value PostgreSQL or the scoring
 * engine cannot hold. Fields narrow them further (lengths, patterns, positive ids) with Bean Validation.
 *
 * <p>Each method returns the broken rule (a key and the values its message names), or empty; never the rejected
 * value.
 */
public final class InputRules {

    /** Decimal numbers (marks, weights, shares, targets): at most this many digits before the decimal point… */
    public static final int DECIMAL_INTEGER_DIGITS = 12;
    /** …and this many after it (trailing zeros aside): every value is exact in the engine's 18-digit arithmetic. */
    public static final int DECIMAL_FRACTION_DIGITS = 6;

    /** The earliest date-time accepted: the first day of year 1, UTC (PostgreSQL stores back to 4713 BC). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest date-time accepted: the last microsecond of year 9999, UTC, the last four-digit year. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final String FIRST_YEAR = "0001";
    private static final String LAST_YEAR = "9999";
    private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(DECIMAL_INTEGER_DIGITS);

    private InputRules() {
    }

    /**
     * Text holds no control characters (NUL, escape, tab, the C1 range…) and no half of a surrogate pair;
     * {@code newlines} allows line feeds and carriage returns, for the fields that hold several lines. The broken
     * rule names the character's position (from 1) and code point, such as {@code U+0000}, never the text.
     */
    public static Optional<BrokenRule> textProblem(CharSequence text, boolean newlines) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(BrokenRule.of("text.loneSurrogate", i + 1));
            } else if (c == '\n' || c == '\r') {
                if (!newlines) {
                    return Optional.of(BrokenRule.of("text.lineBreak", "U+%04X".formatted((int) c), i + 1));
                }
            } else if (Character.isISOControl(c)) {
                return Optional.of(BrokenRule.of("text.controlCharacter", "U+%04X".formatted((int) c), i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * A decimal number has at most {@value #DECIMAL_INTEGER_DIGITS} digits before the decimal point and
     * {@value #DECIMAL_FRACTION_DIGITS} after it: {@code 1e309} and {@code 1e-400} are refused, not rounded.
     */
    public static Optional<BrokenRule> decimalProblem(BigDecimal number) {
        boolean tooLarge = number.abs().compareTo(DECIMAL_LIMIT) >= 0;
        if (tooLarge || number.stripTrailingZeros().scale() > DECIMAL_FRACTION_DIGITS) {
            return Optional.of(decimalRule());
        }
        return Optional.empty();
    }

    /** What a decimal number must be: {@code number.decimal} with the digits allowed before and after the point. */
    public static BrokenRule decimalRule() {
        return BrokenRule.of("number.decimal", DECIMAL_INTEGER_DIGITS, DECIMAL_FRACTION_DIGITS);
    }

    /**
     * A date-time lies in the years 0001 to 9999 and is exact to the microsecond, as PostgreSQL stores it: a value
     * outside would be refused by the database or read back as another instant.
     */
    public static Optional<BrokenRule> dateTimeProblem(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST) || instant.getNano() % 1_000 != 0) {
            return Optional.of(BrokenRule.of("dateTime.range", FIRST_YEAR, LAST_YEAR));
        }
        return Optional.empty();
    }

    /** What a date-time must look like: an ISO 8601 text with a time zone, within the years allowed. */
    public static BrokenRule dateTimeRule() {
        return BrokenRule.of("dateTime.format", FIRST_YEAR, LAST_YEAR);
    }
}
