package io.jingsai.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.BadJwtException;

class TokensTest {

    private final SignInGuardTest.MutableClock clock = new SignInGuardTest.MutableClock();
    private final Tokens tokens = new Tokens(new SecretKeySpec(new byte[32], "HmacSHA256"), Duration.ofMinutes(15),
            clock);
    private final Caller caller = new Caller(7, "judge-7", List.of(Grant.of(Role.JUDGE, 3, 1)), false);

    /** Expiry is judged by the application clock (fixed in 2020 here: the system clock would call it long expired). */
    @Test
    void aTokenHoldsForItsLifetimeAndNotASecondLonger() {
        UUID session = UUID.randomUUID();
        String token = tokens.issue(caller, session);

        clock.advance(Duration.ofMinutes(14));
        Jwt read = tokens.decoder().decode(token).block(Duration.ofSeconds(10));
        assertThat(read.getSubject()).isEqualTo("7");
        assertThat(read.getClaimAsString(Tokens.SESSION_CLAIM)).isEqualTo(session.toString());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThatThrownBy(() -> tokens.decoder().decode(token).block(Duration.ofSeconds(10)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        Tokens other = new Tokens(new SecretKeySpec(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32}, "HmacSHA256"), Duration.ofMinutes(15), clock);
        String forged = other.issue(caller, UUID.randomUUID());
        assertThatThrownBy(() -> tokens.decoder().decode(forged).block(Duration.ofSeconds(10)))
                .isInstanceOf(BadJwtException.class);
    }
}
