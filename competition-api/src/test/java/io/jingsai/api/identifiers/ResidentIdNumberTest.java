package io.jingsai.api.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidentIdNumberTest {

    /** The example of GB 11643-1999: born 1949-12-31 in Chaoyang district, Beijing, female. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void acceptsTheStandardsExampleAndDerivesBirthDateSexAndRegion() {
        ResidentIdNumber id = parse(STANDARD_EXAMPLE).orElseThrow();

        assertThat(id.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.region()).isEqualTo(AdministrativeDivisionCode.of("110105"));
    }

    @Test
    void oddSeventeenthDigitIsMale() {
        ResidentIdNumber id = parse(withCheck("61010219900307001")).orElseThrow();

        assertThat(id.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void acceptsLowerCaseXAndSurroundingSpace() {
        assertThat(parse(" 11010519491231002x\u3000").orElseThrow().value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void rejectsBlank() {
        assertRejected("", "required", "resident ID number must not be blank");
    }

    @Test
    void rejectsFirstGenerationFifteenDigitNumbers() {
        assertRejected("110105491231002", "length", "resident ID number must be 18 characters, was 15");
    }

    @Test
    void rejectsNonDigitsInTheBody() {
        assertRejected("1101051949123100AX", "character-set",
                "resident ID number must have digits in positions 1-17");
    }

    @Test
    void rejectsALastCharacterOtherThanDigitOrX() {
        assertRejected("11010519491231002Y", "character-set",
                "last character of a resident ID number must be a digit or X");
    }

    @Test
    void rejectsUnknownProvince() {
        Rejection rejection = rejection(withCheck("99010519491231002"));

        assertThat(rejection.rule()).isEqualTo("region");
        assertThat(rejection.message()).isEqualTo("region (digits 1-6) must be an administrative division code: "
                + "the first 2 digits must be a province of China: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81 "
                + "or 82");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19490230", "19491301", "19490000", "20230229"})
    void rejectsBirthDatesThatDoNotExist(String date) {
        assertRejected(withCheck("110105" + date + "002"), "birth-date", "birth date (digits 7-14) is not a real date");
    }

    @Test
    void acceptsLeapDay() {
        assertThat(parse(withCheck("11010520000229002")).isValid()).isTrue();
    }

    @Test
    void rejectsBirthBefore1900() {
        // Second example of GB 11643-1999, born 1880-01-01; valid check character.
        assertRejected("440524188001010014", "birth-date", "birth date (digits 7-14) must not be before 1900-01-01");
    }

    @Test
    void rejectsBirthDateInTheFuture() {
        String tomorrow = TODAY.plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);

        assertRejected(withCheck("110105" + tomorrow + "002"), "birth-date",
                "birth date (digits 7-14) must not be after 2026-11-28");
    }

    @Test
    void judgesTodayInTheClocksZone() {
        // 17:00 UTC on 1 May is already 2 May in Beijing: a child born on 2 May is not in the future.
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T17:00:00Z"), ZoneId.of("Asia/Shanghai"));

        assertThat(ResidentIdNumber.parse(withCheck("11010520240502002"), clock).isValid()).isTrue();
        assertThat(ResidentIdNumber.parse(withCheck("11010520240503002"), clock).isValid()).isFalse();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertRejected("110105194912310023", "check-character", "check character (character 18) is wrong");
        // Nothing names a character of the number, not even the check character it should have.
        assertThat(rejection("110105194912310023")).extracting(Rejection::key, Rejection::arguments)
                .containsExactly("idNumber.checkCharacter", java.util.List.of());
    }

    @Test
    void rejectionMessagesNeverQuoteTheNumber() {
        assertThat(rejection("110105194912310023").message()).doesNotContain("1949");
    }

    @Test
    void masksTheBirthDate() {
        assertThat(parse(STANDARD_EXAMPLE).orElseThrow().masked()).isEqualTo("110105********002X");
    }

    @Test
    void toStringIsMasked() {
        ResidentIdNumber id = parse(STANDARD_EXAMPLE).orElseThrow();

        assertThat(id.toString()).isEqualTo(id.masked()).doesNotContain("19491231");
    }

    @Test
    void computesCheckCharacter() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkCharacter("4405241880010100A"));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void detectsEverySingleDigitSubstitution(long seed) {
        Random random = new Random(seed);
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
        String id = withCheck("610102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000)));
        assertThat(parse(id).isValid()).as(id).isTrue();
        for (int position = 0; position < 18; position++) {
            for (char replacement : "0123456789X".toCharArray()) {
                if (replacement != id.charAt(position)) {
                    String mutated = id.substring(0, position) + replacement + id.substring(position + 1);
                    assertThat(parse(mutated).isValid()).as(mutated).isFalse();
                }
            }
        }
    }

    private static Parsed<ResidentIdNumber> parse(String raw) {
        return ResidentIdNumber.parse(raw, TODAY);
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static Rejection rejection(String raw) {
        return parse(raw).optionalRejection().orElseThrow();
    }

    private static void assertRejected(String raw, String rule, String message) {
        assertThat(rejection(raw)).extracting(Rejection::rule, Rejection::message).containsExactly(rule, message);
    }
}
