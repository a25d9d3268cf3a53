package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.VersionRequiredException;

class ETagsTest {

    @Test
    void aStrongTagAsIssuedNamesItsVersion() {
        assertThat(ETags.ifMatch(ETags.of(0))).isZero();
        assertThat(ETags.ifMatch("\"7\"")).isEqualTo(7);
        assertThat(ETags.ifMatch(" \"123456789012345678\" ")).isEqualTo(123_456_789_012_345_678L);
    }

    /** RFC 9110 13.1.1: If-Match uses strong comparison, under which a weak tag never matches. */
    @ParameterizedTest
    @ValueSource(strings = {"W/\"0\"", "W/\"7\"", "\"007\"", "\"+7\"", "\"-1\"", "\"x\"", "\"\"",
            "\"1234567890123456789\""})
    void weakTagsAndTagsNeverIssuedDoNotMatch(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header)).isInstanceOf(StaleVersionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "'7'", "\"7", "\"7\", \"8\"", "w/\"7\"", "W/7", "\"7\"x", "\"a b\""})
    void anythingButOneEntityTagIsMalformed(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header)).isInstanceOfSatisfying(RejectedRequestException.class,
                rejected -> assertThat(rejected.problems().get(0).field()).isEqualTo("If-Match"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "*"})
    void noVersionNamedIsAVersionRequired(String header) {
        assertThatThrownBy(() -> ETags.ifMatch(header)).isInstanceOf(VersionRequiredException.class);
        assertThatThrownBy(() -> ETags.ifMatch(null)).isInstanceOf(VersionRequiredException.class);
    }
}
