package io.jingsai.api.identifiers;

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
}
