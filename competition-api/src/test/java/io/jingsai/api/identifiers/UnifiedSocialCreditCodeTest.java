package io.jingsai.api.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnifiedSocialCreditCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Industrial and Commercial Bank of China, registered at central level (division 100000). */
    private static final String ICBC = "91100000100003962T";

    @ParameterizedTest
    @ValueSource(strings = {ICBC, "9144030071526726XG", "914403001922038216"})
    void acceptsPublishedCodesOfRealEnterprises(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).isValid()).isTrue();
    }

    @Test
    void upperCasesAndTrimsInput() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of("\u3000 9144030071526726xg \t");

        assertThat(code.value()).isEqualTo("9144030071526726XG");
        assertThat(code).isEqualTo(UnifiedSocialCreditCode.of("9144030071526726XG"));
    }

    @Test
    void exposesItsParts() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of("9144030071526726XG");

        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.institutionType()).isEqualTo('1');
        assertThat(code.registrationDivision()).isEqualTo("440300");
        assertThat(code.organisationCode()).isEqualTo("71526726X");
    }

    @Test
    void rejectsBlank() {
        assertRejected("  ", "required", "unified social credit code must not be blank");
        assertThat(UnifiedSocialCreditCode.parse(null).isValid()).isFalse();
    }

    @Test
    void rejectsWrongLength() {
        assertRejected(ICBC.substring(1), "length", "unified social credit code must be 18 characters, was 17");
        assertRejected(ICBC + "0", "length", "unified social credit code must be 18 characters, was 19");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', '-', '中'})
    void rejectsCharactersOutsideTheAlphabet(char bad) {
        String code = ICBC.substring(0, 9) + bad + ICBC.substring(10);

        assertThat(rejection(code).rule()).isEqualTo("character-set");
        assertThat(rejection(code).message()).isEqualTo("character 10 is not allowed: use digits and the letters A-H, "
                + "J-N, P-R, T, U, W-Y");
    }

    @Test
    void rejectsUnknownRegistrationAuthority() {
        assertRejected(withCheck("B1100000100003962"), "registration-authority",
                "registration authority code (character 1) is not defined: expected 1-9, A, N or Y");
    }

    @Test
    void rejectsInstitutionTypeNotDefinedForTheAuthority() {
        assertRejected(withCheck("94100000100003962"), "institution-type",
                "institution type (character 2) is not defined for the registration authority of character 1: "
                        + "expected one of 1, 2, 3");
        assertRejected(withCheck("Y2100000100003962"), "institution-type",
                "institution type (character 2) is not defined for the registration authority of character 1: "
                        + "expected one of 1");
    }

    @Test
    void acceptsTradeUnionRegistrations() {
        assertThat(UnifiedSocialCreditCode.parse(withCheck("81610102100003962")).isValid()).isTrue();
    }

    @Test
    void rejectsDivisionOutsideChina() {
        Rejection rejection = rejection(withCheck("91990000100003962"));

        assertThat(rejection.rule()).isEqualTo("division");
        assertThat(rejection.message()).isEqualTo("characters 3-8 must be an administrative division code: "
                + "the first 2 digits must be a province of China: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81 "
                + "or 82");
    }

    @Test
    void rejectsWrongOrganisationCodeCheckCharacter() {
        assertRejected(withCheck("91100000100003963"), "organisation-code",
                "organisation code check character (character 17) must be 2");
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertRejected("91100000100003962U", "check-character", "check character (character 18) must be T");
        assertThat(rejection("91100000100003962U")).extracting(Rejection::key, Rejection::arguments)
                .containsExactly("creditCode.checkCharacter", java.util.List.of("T"));
    }

    @Test
    void computesCheckCharacterZeroWhenTheSumIsAMultipleOf31() {
        // 17 zeros weigh 0; W (28) at position 1 (weight 1) plus 1 at position 2 (weight 3) = 31.
        assertThat(UnifiedSocialCreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(UnifiedSocialCreditCode.checkCharacter("W1000000000000000")).isEqualTo('0');
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void detectsEverySingleCharacterSubstitution(long seed) {
        Random random = new Random(seed);
        String code = randomValidCode(random);
        assertThat(UnifiedSocialCreditCode.parse(code).isValid()).as(code).isTrue();
        for (int position = 0; position < 18; position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement != code.charAt(position)) {
                    String mutated = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertThat(UnifiedSocialCreditCode.parse(mutated).isValid()).as(mutated).isFalse();
                }
            }
        }
    }

    @Test
    void failsFastWithTheRuleMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UnifiedSocialCreditCode.of("91100000100003962U"))
                .withMessage("check character (character 18) must be T");
    }

    private static String randomValidCode(Random random) {
        StringBuilder body = new StringBuilder("91610102");
        for (int i = 0; i < 8; i++) {
            body.append(random.nextInt(10));
        }
        body.append(UnifiedSocialCreditCode.organisationCodeCheckCharacter(body.substring(8)));
        return withCheck(body.toString());
    }

    private static String withCheck(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static Rejection rejection(String code) {
        return UnifiedSocialCreditCode.parse(code).optionalRejection().orElseThrow();
    }

    private static void assertRejected(String code, String rule, String message) {
        assertThat(rejection(code)).extracting(Rejection::rule, Rejection::message).containsExactly(rule, message);
    }
}
