package io.jingsai.api.identifiers;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierConstraintsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T17:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static ValidatorFactory factory;
    private static Validator validator;

    record EnterpriseForm(@NotNull @ValidCreditCode String creditCode, @ValidDivisionCode String region) {
    }

    record ContestantForm(@ValidResidentId String idNumber, @ValidOccupationCode String tradeCode) {
    }

    @BeforeAll
    static void buildValidator() {
        factory = Validation.byDefaultProvider().configure().clockProvider(() -> CLOCK).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
    }

    @Test
    void acceptsValidValues() {
        assertThat(validator.validate(new EnterpriseForm("91100000100003962T", "610102"))).isEmpty();
        assertThat(validator.validate(new ContestantForm("11010519491231002X", "6-31-01-03"))).isEmpty();
    }

    @Test
    void nullIsValidSoOptionalFieldsMayBeAbsent() {
        assertThat(validator.validate(new ContestantForm(null, null))).isEmpty();
        assertThat(messages(new EnterpriseForm(null, null)))
                .containsExactly(Map.entry("creditCode", "must not be null"));
    }

    @Test
    void reportsTheRuleThatFailedForACreditCode() {
        assertThat(messages(new EnterpriseForm("91100000100003962U", null)))
                .containsExactly(Map.entry("creditCode", "check character (character 18) must be T"));
    }

    @Test
    void reportsTheRuleThatFailedForAnIdNumber() {
        assertThat(messages(new ContestantForm("110105194912310023", null)))
                .containsExactly(Map.entry("idNumber", "check character (character 18) is wrong"));
    }

    @Test
    void judgesIdBirthDatesAgainstTheConfiguredClock() {
        // The clock reads 2 May 2024 in Beijing.
        assertThat(validator.validate(new ContestantForm(withCheck("11010520240502002"), null))).isEmpty();
        assertThat(messages(new ContestantForm(withCheck("11010520240503002"), null)))
                .containsExactly(Map.entry("idNumber", "birth date (digits 7-14) must not be after 2024-05-02"));
    }

    @Test
    void reportsTheRuleThatFailedForAnOccupationCode() {
        assertThat(messages(new ContestantForm(null, "9-31")))
                .containsExactly(Map.entry("tradeCode",
                        "occupation code must start with a major group digit 1-8"));
    }

    @Test
    void reportsTheRuleThatFailedForADivisionCode() {
        assertThat(messages(new EnterpriseForm("91100000100003962T", "6101")))
                .containsExactly(Map.entry("region", "administrative division code must be 6 digits"));
    }

    @Test
    void userInputInMessagesIsNotInterpolated() {
        assertThat(messages(new EnterpriseForm("91100000100003962T", "${1+1}{min}")))
                .containsExactly(Map.entry("region",
                        "administrative division code must be 6 digits"));
    }

    private static Map<String, String> messages(Object form) {
        Set<ConstraintViolation<Object>> violations = validator.validate(form);
        return violations.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
                ConstraintViolation::getMessage));
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
