package io.jingsai.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.jingsai.api.account.CredentialsChanged;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RememberingAuthenticationManagerTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final ReactiveAuthenticationManager slow = authentication -> {
        checks.incrementAndGet();
        return "right".equals(authentication.getCredentials())
                ? Mono.just(UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_X"))))
                : Mono.error(new BadCredentialsException("bad"));
    };

    @Test
    void remembersSuccessUntilTheTtlEnds() {
        MutableClock clock = new MutableClock();
        RememberingAuthenticationManager manager = new RememberingAuthenticationManager(slow, clock, Duration.ofMinutes(5),
                name -> false);

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(manager.authenticate(token("right"))).expectNextCount(1).verifyComplete();
        }
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        StepVerifier.create(manager.authenticate(token("right"))).expectNextCount(1).verifyComplete();
        assertThat(checks).hasValue(2);
    }

    @Test
    void neverRemembersFailuresOrAcceptsAnotherPassword() {
        RememberingAuthenticationManager manager = new RememberingAuthenticationManager(slow, new MutableClock(),
                Duration.ofMinutes(5), name -> false);
        StepVerifier.create(manager.authenticate(token("right"))).expectNextCount(1).verifyComplete();

        StepVerifier.create(manager.authenticate(token("wrong"))).expectError(BadCredentialsException.class).verify();
        StepVerifier.create(manager.authenticate(token("wrong"))).expectError(BadCredentialsException.class).verify();
        assertThat(checks).hasValue(3);
    }

    /** A password change or reset (CredentialsChanged) must end what was remembered for the old password. */
    @Test
    void forgetsEverythingOfAnAccountWhoseCredentialsChanged() {
        RememberingAuthenticationManager manager = new RememberingAuthenticationManager(slow, new MutableClock(),
                Duration.ofMinutes(5), name -> false);
        StepVerifier.create(manager.authenticate(token("right"))).expectNextCount(1).verifyComplete();

        manager.forget(new CredentialsChanged(1, "ADMIN"));

        StepVerifier.create(manager.authenticate(token("right"))).expectNextCount(1).verifyComplete();
        assertThat(checks).as("checked afresh after the change").hasValue(2);
    }

    /** An account locked by failed sign-ins is not let in from memory, even with the right password. */
    @Test
    void aLockedAccountIsNotLetInFromMemory() {
        AtomicBoolean locked = new AtomicBoolean();
        ReactiveAuthenticationManager refusingWhenLocked = authentication -> locked.get()
                ? Mono.error(new BadCredentialsException("locked")) : slow.authenticate(authentication);
        RememberingAuthenticationManager manager = new RememberingAuthenticationManager(refusingWhenLocked,
                new MutableClock(), Duration.ofMinutes(5), name -> locked.get());
        StepVerifier.create(manager.authenticate(token("right"))).expectNextCount(1).verifyComplete();

        locked.set(true);

        StepVerifier.create(manager.authenticate(token("right"))).expectError(BadCredentialsException.class).verify();
    }

    private static UsernamePasswordAuthenticationToken token(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("admin", password);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-05-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
