package io.jingsai.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.jingsai.api.shared.BackOff;

class SignInGuardTest {

    private final MutableClock clock = new MutableClock();
    private final SignInGuard guard = new SignInGuard(clock, new BackOff.Policy(5, Duration.ofSeconds(1),
            Duration.ofMinutes(15)), new BackOff.Policy(30, Duration.ofSeconds(1), Duration.ofMinutes(15)));

    @Test
    void fiveFailuresAreFreeThenEachLocksTwiceAsLongUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            guard.failed("wang", "10.0.0.1");
            assertThat(guard.lockedFor("wang", "10.0.0.2")).as("failure %d", i + 1).isZero();
        }
        guard.failed("wang", "10.0.0.1");
        assertThat(guard.lockedFor("wang", "10.0.0.2")).isEqualTo(Duration.ofSeconds(1));
        assertThat(guard.accountLocked("WANG")).as("names are compared without case").isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.lockedFor("wang", "10.0.0.2")).isZero();
        guard.failed("wang", "10.0.0.1");
        assertThat(guard.lockedFor("wang", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));

        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofHours(0).plus(guard.lockedFor("wang", "10.0.0.2")));
            guard.failed("wang", "10.0.0.1");
        }
        assertThat(guard.lockedFor("wang", "10.0.0.2")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 31; i++) {
            guard.failed("user" + i, "10.0.0.9");
        }
        assertThat(guard.lockedFor("someone-else", "10.0.0.9")).as("the address guessed at 31 names").isPositive();

        for (int i = 0; i < 6; i++) {
            guard.failed("li", "10.0.0.1");
        }
        guard.succeeded("li");
        assertThat(guard.lockedFor("li", "10.0.0.3")).isZero();
        assertThat(guard.lockedFor("li", "10.0.0.9")).as("still the address's lock").isPositive();
    }

    @Test
    void aQuietSpellForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            guard.failed("zhao", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        guard.failed("zhao", "10.0.0.1");
        assertThat(guard.lockedFor("zhao", "10.0.0.1")).isZero();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2020-03-01T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
