package io.jingsai.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;

/** The generated identifiers are valid and never repeat: integration tests rely on both against a kept database. */
class TestIdentitiesTest {

    private static final int COUNT = 50_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void creditCodesAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            String code = TestIdentities.creditCode();
            assertThat(UnifiedSocialCreditCode.parse(code).isValid()).as(code).isTrue();
            assertThat(seen.add(code)).as("repeated %s", code).isTrue();
        }
    }

    @Test
    void residentIdsAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < COUNT; i++) {
            String id = TestIdentities.residentId();
            assertThat(ResidentIdNumber.parse(id, TODAY).isValid()).as(id).isTrue();
            assertThat(seen.add(id)).as("repeated %s", id).isTrue();
        }
    }

    @Test
    void residentIdsBornOnADayCarryThatDayAndSex() {
        LocalDate birth = LocalDate.of(1990, 3, 7);
        for (boolean male : new boolean[] {true, false}) {
            String id = TestIdentities.residentId(birth, male);
            assertThat(ResidentIdNumber.parse(id, TODAY).isValid()).as(id).isTrue();
            assertThat(id.substring(6, 14)).isEqualTo("19900307");
            assertThat(Character.digit(id.charAt(16), 10) % 2 == 1).isEqualTo(male);
        }
    }
}
