package io.jingsai.api.identifiers;

import java.util.List;
import java.util.Map;

/**
 * An 18-character unified social credit code (统一社会信用代码) of a legal person or other organisation,
 * per GB 32100-2015, e.g. {@code 91100000100003962T}.
 *
 * <p>Rules, checked in this order, the first broken one is reported:
 * <ol>
 *   <li>{@code length}: 18 characters after trimming;</li>
 *   <li>{@code character-set}: digits and upper-case letters except I, O, Z, S and V (lower case is accepted
 *       and upper-cased);</li>
 *   <li>{@code registration-authority}: character 1 is a registration authority of the standard's table
 *       (1–9, A, N, Y);</li>
 *   <li>{@code institution-type}: character 2 is an institution type defined for that authority
 *       (e.g. 1, 2, 3 for 9 market regulation; only 1 for Y);</li>
 *   <li>{@code division}: characters 3–8 are the registering authority's administrative division code, either a
 *       valid {@link AdministrativeDivisionCode} or {@code 100000}, which central-level registrations use;</li>
 *   <li>{@code organisation-code}: characters 9–17 are an organisation code (GB 11714) whose own check
 *       character, character 17, is right (weights 3 7 9 10 5 8 4 2, mod 11, 10 written as X);</li>
 *   <li>{@code check-character}: character 18 is the GB 32100 check character (weights 1 3 9 27 19 26 16 17 20 29
 *       25 13 8 24 10 30 28, mod 31, over the 31-character alphabet).</li>
 * </ol>
 * Equality is by the normalised 18 characters.
 */
public final class UnifiedSocialCreditCode {

    /** Rule keys of credit codes start with this: {@code creditCode.checkCharacter}. */
    public static final String SUBJECT = "creditCode";

    /** The 31 characters of GB 32100; a character's position is its numeric value. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANISATION_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CENTRAL_LEVEL_DIVISION = "100000";

    /** Registration authority (character 1) → the institution types (character 2) it may issue. */
    private static final Map<Character, String> INSTITUTION_TYPES = Map.ofEntries(
            Map.entry('1', "1239"),   // 机构编制 institutional establishment
            Map.entry('2', "19"),     // 外交 foreign affairs
            Map.entry('3', "123459"), // 司法行政 justice
            Map.entry('4', "19"),     // 文化 culture
            Map.entry('5', "1239"),   // 民政 civil affairs
            Map.entry('6', "129"),    // 旅游 tourism
            Map.entry('7', "129"),    // 宗教 religious affairs
            Map.entry('8', "19"),     // 工会 trade unions
            Map.entry('9', "123"),    // 工商 market regulation
            Map.entry('A', "19"),     // 中央军委改革和编制办公室 military establishment
            Map.entry('N', "1239"),   // 农业 agriculture
            Map.entry('Y', "1"));     // 其他 other

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a credit code.
     *
     * @param raw the text to parse; trimmed and upper-cased first; {@code null} is rejected
     * @return the code, or a rejection naming the first broken rule (see the class documentation)
     */
    public static Parsed<UnifiedSocialCreditCode> parse(String raw) {
        if (raw == null || Texts.trim(raw).isEmpty()) {
            return invalid("required", "unified social credit code must not be blank");
        }
        String code = Texts.normalise(raw);
        if (code.length() != 18) {
            return invalid("length",
                    "unified social credit code must be 18 characters, was " + code.length(), code.length());
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return invalid("character-set", "character " + (i + 1)
                        + " is not allowed: use digits and the letters A-H, J-N, P-R, T, U, W-Y", i + 1);
            }
        }
        String types = INSTITUTION_TYPES.get(code.charAt(0));
        if (types == null) {
            return invalid("registration-authority",
                    "registration authority code (character 1) is not defined: expected 1-9, A, N or Y");
        }
        if (types.indexOf(code.charAt(1)) < 0) {
            return invalid("institution-type", "institution type (character 2) is not defined for the "
                    + "registration authority of character 1: expected one of " + String.join(", ", types.split("")),
                    List.of(types.split("")));
        }
        String division = code.substring(2, 8);
        if (!division.equals(CENTRAL_LEVEL_DIVISION)) {
            Parsed<AdministrativeDivisionCode> parsedDivision = AdministrativeDivisionCode.parse(division);
            if (parsedDivision instanceof Parsed.Invalid<AdministrativeDivisionCode> invalid) {
                return invalid("division", "characters 3-8 must be an administrative division code: "
                        + invalid.rejection().message());
            }
        }
        char organisationCheck = organisationCodeCheckCharacter(code.substring(8, 16));
        if (code.charAt(16) != organisationCheck) {
            return invalid("organisation-code", "organisation code check character (character 17) must be "
                    + organisationCheck, String.valueOf(organisationCheck));
        }
        char check = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != check) {
            return invalid("check-character", "check character (character 18) must be " + check,
                    String.valueOf(check));
        }
        return Parsed.valid(new UnifiedSocialCreditCode(code));
    }

    /**
     * A rejection for the API: its values are the length, a position, the institution types allowed, or the check
     * character expected; never characters of the code.
     */
    private static Parsed<UnifiedSocialCreditCode> invalid(String rule, String message, Object... arguments) {
        return Parsed.invalid(Rejection.of(SUBJECT, rule, message, arguments));
    }

    /**
     * Parses a credit code, failing fast.
     *
     * @throws IllegalArgumentException naming the broken rule
     */
    public static UnifiedSocialCreditCode of(String raw) {
        return parse(raw).orElseThrow();
    }

    /**
     * The GB 32100 check character for the first 17 characters of a code.
     *
     * @param first17 17 characters of the GB 32100 alphabet
     * @throws IllegalArgumentException if the argument is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters, was " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int digit = ALPHABET.indexOf(first17.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " " + Texts.show(first17.charAt(i))
                        + " is not in the GB 32100 alphabet");
            }
            sum += digit * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714 check character of an 8-character organisation code body (letters count A=10 … Z=35). */
    static char organisationCodeCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANISATION_CODE_WEIGHTS[i];
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The 18 characters, upper case. */
    public String value() {
        return value;
    }

    /** Character 1, the registration authority (e.g. {@code '9'} market regulation, {@code '8'} trade unions). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** Character 2, the institution type within the registration authority (e.g. {@code '1'} enterprise). */
    public char institutionType() {
        return value.charAt(1);
    }

    /** Characters 3–8: the registering authority's division code ({@code 100000} for central-level bodies). */
    public String registrationDivision() {
        return value.substring(2, 8);
    }

    /** Characters 9–17: the organisation code (GB 11714) including its check character. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
