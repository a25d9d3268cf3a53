package io.jingsai.api.identifiers;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An 18-character citizen identity number (居民身份证号, GB 11643-1999), e.g. {@code 11010519491231002X}.
 *
 * <p>Rules, checked in this order, the first broken one is reported:
 * <ol>
 *   <li>{@code length}: 18 characters after trimming (15-digit first-generation numbers are refused);</li>
 *   <li>{@code character-set}: 17 digits, then a digit or X (lower-case x is accepted);</li>
 *   <li>{@code region}: digits 1–6 are an {@link AdministrativeDivisionCode} (province part checked);</li>
 *   <li>{@code birth-date}: digits 7–14 are a real date {@code yyyyMMdd}, not before 1900-01-01 and not after
 *       "today" as given by the caller's {@link Clock} or date;</li>
 *   <li>{@code check-character}: character 18 is the ISO 7064 MOD 11-2 check character over digits 1–17
 *       (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; remainder 0…10 maps to 1 0 X 9 8 7 6 5 4 3 2).</li>
 * </ol>
 *
 * <p><b>Privacy.</b> The number is personal data that is never shown in public. {@link #toString()} returns the
 * {@linkplain #masked() masked} form, so logs and exception messages do not leak it; only {@link #value()} gives
 * the full number, for storage and for organizers who explicitly ask for it. Rejection messages never repeat the
 * input either.
 */
public final class ResidentIdNumber {

    /** Rule keys of ID numbers start with this: {@code idNumber.checkCharacter}. */
    public static final String SUBJECT = "idNumber";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses an ID number, judging the birth date against the clock's current date (use a clock in
     * {@code Asia/Shanghai}: a child born today in Beijing must not be "in the future" on a UTC server).
     *
     * @param raw   the text to parse; trimmed and upper-cased first; {@code null} is rejected
     * @param clock the source of today's date
     * @return the ID number, or a rejection naming the first broken rule (see the class documentation)
     */
    public static Parsed<ResidentIdNumber> parse(String raw, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return parse(raw, LocalDate.now(clock));
    }

    /**
     * Parses an ID number, judging the birth date against the given date.
     *
     * @param raw   the text to parse; trimmed and upper-cased first; {@code null} is rejected
     * @param today the latest acceptable birth date
     * @return the ID number, or a rejection naming the first broken rule (see the class documentation)
     */
    public static Parsed<ResidentIdNumber> parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null || Texts.trim(raw).isEmpty()) {
            return invalid("required", "resident ID number must not be blank");
        }
        String number = Texts.normalise(raw);
        if (number.length() != 18) {
            return invalid("length", "resident ID number must be 18 characters, was " + number.length(),
                    number.length());
        }
        if (!Texts.allDigits(number.substring(0, 17))) {
            return invalid("character-set", "resident ID number must have digits in positions 1-17");
        }
        char last = number.charAt(17);
        if (last != 'X' && (last < '0' || last > '9')) {
            return invalid("character-set", "last character of a resident ID number must be a digit or X");
        }
        Parsed<AdministrativeDivisionCode> region = AdministrativeDivisionCode.parse(number.substring(0, 6));
        if (region instanceof Parsed.Invalid<AdministrativeDivisionCode> invalid) {
            return invalid("region", "region (digits 1-6) must be an administrative division code: "
                    + invalid.rejection().message());
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException notADate) {
            return invalid("birth-date", "birth date (digits 7-14) is not a real date", today);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return invalid("birth-date", "birth date (digits 7-14) must not be before 1900-01-01", today);
        }
        if (birthDate.isAfter(today)) {
            return invalid("birth-date", "birth date (digits 7-14) must not be after " + today, today);
        }
        char check = checkCharacter(number.substring(0, 17));
        if (last != check) {
            return invalid("check-character", "check character (character 18) is wrong");
        }
        return Parsed.valid(new ResidentIdNumber(number, birthDate));
    }

    /**
     * A rejection: its message and values name the length or today's date, never characters of the number, not even
     * the check character it should have (the other 17 digits would give it away).
     */
    private static Parsed<ResidentIdNumber> invalid(String rule, String message, Object... arguments) {
        return Parsed.invalid(Rejection.of(SUBJECT, rule, message, arguments));
    }

    /**
     * Parses an ID number, failing fast.
     *
     * @throws IllegalArgumentException naming the broken rule (the message does not contain the number)
     */
    public static ResidentIdNumber of(String raw, Clock clock) {
        return parse(raw, clock).orElseThrow();
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number.
     *
     * @param first17 17 ASCII digits
     * @throws IllegalArgumentException if the argument is not 17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17 || !Texts.allDigits(first17)) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The full 18 characters, upper case. Personal data: do not log or show in public. */
    public String value() {
        return value;
    }

    /** The birth date encoded in digits 7–14. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** The sex encoded in digit 17 (odd male, even female). */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The region of first registration, digits 1–6 (not necessarily where the person lives now). */
    public AdministrativeDivisionCode region() {
        return AdministrativeDivisionCode.of(value.substring(0, 6));
    }

    /** The number with the birth date hidden, by the one {@linkplain Masks#idNumber masking rule}. */
    public String masked() {
        return Masks.idNumber(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber number && number.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@linkplain #masked() masked} number, never the full one. */
    @Override
    public String toString() {
        return masked();
    }
}
