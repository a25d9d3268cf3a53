package io.jingsai.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "王建国", "Zhang San-Li", "50% 的 \"测试\"", "emoji 👷 pair", "全角　空格", "\u200d"})
    void ordinaryTextIsAccepted(String text) {
        assertThat(InputRules.textProblem(text, false)).isEmpty();
        assertThat(InputRules.textProblem(text, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "a\tb", "\u001b[31m", "\u007f", "\u0085", "\u009f"})
    void controlCharactersAreRefusedEverywhere(String text) {
        int position = text.codePoints().takeWhile(c -> !Character.isISOControl(c)).toArray().length;
        BrokenRule expected = BrokenRule.of("text.controlCharacter", "U+%04X".formatted((int) text.charAt(position)),
                position + 1);
        assertThat(InputRules.textProblem(text, false)).contains(expected);
        assertThat(InputRules.textProblem(text, true)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line 1\nline 2", "line 1\r\nline 2", "\r"})
    void lineBreaksOnlyWhereAllowed(String text) {
        assertThat(InputRules.textProblem(text, false)).hasValueSatisfying(rule -> {
            assertThat(rule.key()).isEqualTo("text.lineBreak");
            assertThat(rule.arguments()).containsExactly(text.contains("\r") ? "U+000D" : "U+000A",
                    text.indexOf(text.contains("\r") ? '\r' : '\n') + 1);
        });
        assertThat(InputRules.textProblem(text, true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\ud800", "\udc00", "\udc00\ud800", "\ud83d\ud83d\udc77", "👷\ud83d"})
    void halvesOfSurrogatePairsAreRefused(String text) {
        assertThat(InputRules.textProblem(text, true)).hasValueSatisfying(rule ->
                assertThat(rule.key()).isEqualTo("text.loneSurrogate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "-5", "0.3", "0.000001", "999999999999", "999999999999.999999", "1.5000000000",
            "1E+3", "-999999999999.999999"})
    void decimalsWithinTwelveDigitsAndSixPlacesAreAccepted(String number) {
        assertThat(InputRules.decimalProblem(new BigDecimal(number))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e309", "1e-400", "1000000000000", "-1000000000000", "0.0000001", "0.30000000000000004",
            "1E+12"})
    void decimalsBeyondThemAreRefused(String number) {
        assertThat(InputRules.decimalProblem(new BigDecimal(number))).contains(InputRules.decimalRule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "2024-10-12T01:00:00Z", "2024-10-12T01:00:00.123456Z",
            "9999-12-31T23:59:59.999999Z"})
    void dateTimesOfFourDigitYearsToTheMicrosecondAreAccepted(String instant) {
        assertThat(InputRules.dateTimeProblem(Instant.parse(instant))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59Z", "-290000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999Z",
            "+10000-01-01T00:00:00Z", "2024-10-12T01:00:00.1234567Z"})
    void dateTimesPostgresCannotHoldExactlyAreRefused(String instant) {
        assertThat(InputRules.dateTimeProblem(Instant.parse(instant))).contains(BrokenRule.of("dateTime.range", "0001", "9999"));
    }
}
