package io.jingsai.api.identifiers;

import java.util.Set;

/**
 * A six-digit administrative division code of the People's Republic of China (行政区划代码, GB/T 2260), such as
 * {@code 610102} (Xincheng district, Xi'an, Shaanxi).
 *
 * <p>Rules, checked in this order: six ASCII digits; the first two digits are one of the 34 province-level codes
 * (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 Taiwan, 81 Hong Kong, 82 Macao). The prefecture and county parts
 * are not checked against the list of divisions, which changes every year: a code that was valid when an ID card
 * was issued must stay acceptable. Input is trimmed.
 */
public final class AdministrativeDivisionCode {

    /** Rule keys of division codes start with this: {@code divisionCode.province}. */
    public static final String SUBJECT = "divisionCode";

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    private final String value;

    private AdministrativeDivisionCode(String value) {
        this.value = value;
    }

    /**
     * Parses a division code.
     *
     * @param raw the text to parse; {@code null} is rejected
     * @return the code, or a rejection with rule {@code "required"}, {@code "format"} or {@code "province"}
     */
    public static Parsed<AdministrativeDivisionCode> parse(String raw) {
        if (raw == null || Texts.trim(raw).isEmpty()) {
            return invalid("required", "administrative division code must not be blank");
        }
        String code = Texts.trim(raw);
        if (code.length() != 6 || !Texts.allDigits(code)) {
            return invalid("format", "administrative division code must be 6 digits");
        }
        String province = code.substring(0, 2);
        if (!PROVINCES.contains(province)) {
            return invalid("province", "the first 2 digits must be a province of China: 11-15, 21-23, 31-37, "
                    + "41-46, 50-54, 61-65, 71, 81 or 82");
        }
        return Parsed.valid(new AdministrativeDivisionCode(code));
    }

    /** A rejection; neither its message nor its values name characters of the code. */
    private static Parsed<AdministrativeDivisionCode> invalid(String rule, String message) {
        return Parsed.invalid(Rejection.of(SUBJECT, rule, message));
    }

    /**
     * Parses a division code, failing fast.
     *
     * @throws IllegalArgumentException naming the broken rule
     */
    public static AdministrativeDivisionCode of(String raw) {
        return parse(raw).orElseThrow();
    }

    /** The six digits. */
    public String value() {
        return value;
    }

    /** The two-digit province-level code, e.g. {@code "61"} for Shaanxi. */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** Whether this code denotes a whole province (last four digits zero), e.g. {@code 610000}. */
    public boolean isProvince() {
        return value.endsWith("0000");
    }

    /**
     * Whether {@code other} lies within this division: a province ({@code 610000}) encloses every code of its two
     * digits, a prefecture ({@code 610100}) every code of its four, a county only itself. Every code encloses itself.
     */
    public boolean encloses(AdministrativeDivisionCode other) {
        String prefix = isProvince() ? value.substring(0, 2) : value.endsWith("00") ? value.substring(0, 4) : value;
        return other.value.startsWith(prefix);
    }

    /**
     * This division's code and those of the divisions enclosing it, widest first: {@code 610000, 610100, 610113} for
     * Xi'an's Yanta district, {@code 610000, 610100} for Xi'an, {@code 610000} for Shaanxi.
     */
    public java.util.List<String> withEnclosing() {
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
        codes.add(value.substring(0, 2) + "0000");
        codes.add(value.substring(0, 4) + "00");
        codes.add(value);
        return java.util.List.copyOf(codes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdministrativeDivisionCode code && code.value.equals(value);
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
