package io.jingsai.api.identifiers;

/**
 * A code of the national occupational classification (中华人民共和国职业分类大典, 2022 edition), such as
 * {@code 6-31-01-03} (electrician).
 *
 * <p>The classification has four levels: major group (大类, one digit 1–8), middle group (中类, two digits),
 * minor group (小类, two digits) and occupation (职业, two digits), joined by ASCII hyphens. Codes of the three
 * lower levels are accepted, {@code 6-31}, {@code 6-31-01} and {@code 6-31-01-03}, because many contest trades
 * (工种) are narrower than an occupation or are only filed under a minor group; a bare major group such as
 * {@code 6} is refused as too broad to identify a trade. Each lower part is two digits, {@code 00} included: the
 * classification writes {@code 00} for a level that is not subdivided (e.g. {@code 6-06-04-00} furniture maker, the
 * only occupation of its minor group). The code is checked for form only, not against the published list.
 * Input is trimmed.
 */
public final class OccupationCode {

    /** Rule keys of occupation codes start with this: {@code occupationCode.majorGroup}. */
    public static final String SUBJECT = "occupationCode";

    private final String value;

    private OccupationCode(String value) {
        this.value = value;
    }

    /**
     * Parses an occupation code.
     *
     * @param raw the text to parse; {@code null} is rejected
     * @return the code, or a rejection with rule {@code "required"}, {@code "format"}, {@code "major-group"} or
     *         {@code "group"}
     */
    public static Parsed<OccupationCode> parse(String raw) {
        if (raw == null || Texts.trim(raw).isEmpty()) {
            return invalid("required", "occupation code must not be blank");
        }
        String code = Texts.trim(raw);
        String[] parts = code.split("-", -1);
        if (parts.length < 2 || parts.length > 4) {
            return invalid("format", "occupation code must have 2 to 4 parts joined by '-', "
                    + "like 6-31, 6-31-01 or 6-31-01-03");
        }
        String major = parts[0];
        if (major.length() != 1 || major.charAt(0) < '1' || major.charAt(0) > '8') {
            return invalid("major-group",
                    "occupation code must start with a major group digit 1-8");
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.length() != 2 || !Texts.allDigits(part)) {
                return invalid("group", "part " + (i + 1) + " of the occupation code must be two digits", i + 1);
            }
        }
        return Parsed.valid(new OccupationCode(code));
    }

    /** A rejection: its message and values name the number of a part at most, never characters of the code. */
    private static Parsed<OccupationCode> invalid(String rule, String message, Object... arguments) {
        return Parsed.invalid(Rejection.of(SUBJECT, rule, message, arguments));
    }

    /**
     * Parses an occupation code, failing fast.
     *
     * @throws IllegalArgumentException naming the broken rule
     */
    public static OccupationCode of(String raw) {
        return parse(raw).orElseThrow();
    }

    /** The code as written, e.g. {@code "6-31-01-03"}. */
    public String value() {
        return value;
    }

    /** The major group, 1–8. */
    public int majorGroup() {
        return value.charAt(0) - '0';
    }

    /** How many levels the code names: 2 (middle group), 3 (minor group) or 4 (occupation). */
    public int levels() {
        return (value.length() + 2) / 3;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OccupationCode code && code.value.equals(value);
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
