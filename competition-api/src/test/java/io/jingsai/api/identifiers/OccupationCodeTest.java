package io.jingsai.api.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OccupationCodeTest {

    @ParameterizedTest
    @CsvSource({"6-31-01-03, 4", "6-31-01, 3", "6-31, 2"})
    void acceptsTheThreeLowerLevels(String code, int levels) {
        assertThat(OccupationCode.of(code).levels()).isEqualTo(levels);
    }

    @Test
    void exposesMajorGroupAndTrims() {
        OccupationCode code = OccupationCode.of(" 4-03-02-01 ");

        assertThat(code.value()).isEqualTo("4-03-02-01");
        assertThat(code.majorGroup()).isEqualTo(4);
    }

    @Test
    void rejectsBlank() {
        assertRejected(" ", "required", "occupation code must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "6-31-01-03-01", "63101"})
    void rejectsWrongNumberOfLevels(String code) {
        assertRejected(code, "format", "occupation code must have 2 to 4 parts joined by '-', "
                + "like 6-31, 6-31-01 or 6-31-01-03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-31-01-03", "9-31-01-03", "X-31", "63-01"})
    void rejectsMajorGroupOutside1To8(String code) {
        assertThat(rejection(code).rule()).isEqualTo("major-group");
        assertThat(rejection(code).message())
                .isEqualTo("occupation code must start with a major group digit 1-8");
    }

    @Test
    void rejectsGroupsThatAreNotTwoDigits() {
        assertRejected("6-3-01-03", "group", "part 2 of the occupation code must be two digits");
        assertRejected("6-31-0A", "group", "part 3 of the occupation code must be two digits");
    }

    @Test
    void accepts00ForALevelThatIsNotSubdivided() {
        // Furniture maker is the only occupation of its minor group.
        assertThat(OccupationCode.of("6-06-04-00").levels()).isEqualTo(4);
    }

    @Test
    void rejectsFullWidthHyphens() {
        assertThat(OccupationCode.parse("6－31－01－03").isValid()).isFalse();
    }

    private static Rejection rejection(String code) {
        return OccupationCode.parse(code).optionalRejection().orElseThrow();
    }

    private static void assertRejected(String code, String rule, String message) {
        assertThat(rejection(code)).extracting(Rejection::rule, Rejection::message).containsExactly(rule, message);
    }
}
