package io.jingsai.api.identifiers;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AdministrativeDivisionCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"110000", "610102", "650100", "710000", "810000", "820000"})
    void acceptsCodesOfEveryKindOfProvince(String code) {
        assertThat(AdministrativeDivisionCode.parse(code).isValid()).isTrue();
    }

    @Test
    void exposesProvinceAndLevel() {
        assertThat(AdministrativeDivisionCode.of("610102").provinceCode()).isEqualTo("61");
        assertThat(AdministrativeDivisionCode.of("610102").isProvince()).isFalse();
        assertThat(AdministrativeDivisionCode.of("610000").isProvince()).isTrue();
    }

    @Test
    void rejectsBlank() {
        assertThat(rejection("")).extracting(Rejection::rule, Rejection::message)
                .containsExactly("required", "administrative division code must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"61010", "6101020", "61O102", "６１０１０２"})
    void rejectsAnythingButSixAsciiDigits(String code) {
        assertThat(rejection(code)).extracting(Rejection::rule, Rejection::message).containsExactly("format",
                "administrative division code must be 6 digits");
        // Neither the message nor the API's rule names characters of the code: a rejected value is not repeated.
        assertThat(rejection(code)).extracting(Rejection::key, Rejection::arguments)
                .containsExactly("divisionCode.format", java.util.List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "100000", "160000", "660000", "720000", "990000"})
    void rejectsProvinceCodesThatDoNotExist(String code) {
        assertThat(rejection(code)).extracting(Rejection::rule, Rejection::message).containsExactly("province",
                "the first 2 digits must be a province of China: 11-15, 21-23, 31-37, 41-46, 50-54, "
                + "61-65, 71, 81 or 82");
        assertThat(rejection(code)).extracting(Rejection::key, Rejection::arguments)
                .containsExactly("divisionCode.province", java.util.List.of());
    }

    private static Rejection rejection(String code) {
        return AdministrativeDivisionCode.parse(code).optionalRejection().orElseThrow();
    }

    /**
     * A division encloses a code when their digits agree down to the division's level (2 for a province, 4 for a
     * prefecture, 6 for a county), checked against that statement over seeded random pairs of the same province.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 16, 2026})
    void enclosesTheCodesOfItsLevel(long seed) {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 500; i++) {
            String outer = code(random);
            int shared = 2 + 2 * random.nextInt(3);
            String inner = outer.substring(0, shared) + code(random).substring(shared);
            int level = outer.endsWith("0000") ? 2 : outer.endsWith("00") ? 4 : 6;
            boolean expected = inner.regionMatches(0, outer, 0, level);
            assertThat(AdministrativeDivisionCode.of(outer).encloses(AdministrativeDivisionCode.of(inner)))
                    .as("%s encloses %s", outer, inner).isEqualTo(expected);
        }
    }

    @Test
    void aProvinceEnclosesItsPrefecturesAndCountiesButNotAnotherProvinces() {
        AdministrativeDivisionCode shaanxi = AdministrativeDivisionCode.of("610000");
        AdministrativeDivisionCode xian = AdministrativeDivisionCode.of("610100");
        AdministrativeDivisionCode xincheng = AdministrativeDivisionCode.of("610102");
        assertThat(shaanxi.encloses(xian)).isTrue();
        assertThat(shaanxi.encloses(xincheng)).isTrue();
        assertThat(xian.encloses(xincheng)).isTrue();
        assertThat(xian.encloses(shaanxi)).isFalse();
        assertThat(xincheng.encloses(xincheng)).isTrue();
        assertThat(xian.encloses(AdministrativeDivisionCode.of("610302"))).isFalse();
        assertThat(shaanxi.encloses(AdministrativeDivisionCode.of("620100"))).isFalse();
    }

    /** The codes a division lies within, widest first, are exactly the codes that enclose it (itself included). */
    @ParameterizedTest
    @ValueSource(longs = {5, 61})
    void withEnclosingListsTheDivisionsThatEncloseIt(long seed) {
        java.util.Random random = new java.util.Random(seed);
        java.util.Set<String> every = new java.util.TreeSet<>();
        for (int i = 0; i < 300; i++) {
            every.add(code(random));
        }
        for (String code : every) {
            AdministrativeDivisionCode division = AdministrativeDivisionCode.of(code);
            List<String> enclosing = every.stream()
                    .filter(other -> AdministrativeDivisionCode.of(other).encloses(division)).toList();
            assertThat(division.withEnclosing()).as(code).containsAll(enclosing).contains(code)
                    .allSatisfy(outer -> assertThat(AdministrativeDivisionCode.of(outer).encloses(division)).isTrue())
                    .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        }
    }

    /** A code of Shaanxi whose prefecture and county parts are often zero, so that every level occurs. */
    private static String code(java.util.Random random) {
        String prefecture = random.nextInt(3) == 0 ? "00" : String.format("%02d", 1 + random.nextInt(3));
        String county = random.nextInt(3) == 0 || prefecture.equals("00") ? "00"
                : String.format("%02d", 1 + random.nextInt(3));
        return "61" + prefecture + county;
    }
}
