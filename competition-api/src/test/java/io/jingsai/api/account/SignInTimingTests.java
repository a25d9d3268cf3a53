package io.jingsai.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.BackOff;

/**
 * A wrong password for a real account and any password for a name that does not exist take the same time (both
 * check one slow hash), so timing tells nobody which names exist. Measured through the real sign-in on the real
 * database, interleaved, and compared by medians with a generous ratio: robust to a busy machine, yet far from the
 * 20-50× a missing dummy hash makes.
 */
@IntegrationTest
class SignInTimingTests {

    private static final int TRIES = 25;

    @Autowired
    AccountStore store;
    @Autowired
    Passwords passwords;
    @Autowired
    Clock clock;

    @Test
    void anUnknownUserTakesAsLongAsAWrongPasswordForARealOne() {
        // Its own guard, without locks: the point here is timing, not back-off.
        SignIn signIn = new SignIn(store, passwords, new SignInGuard(clock,
                new BackOff.Policy(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new BackOff.Policy(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofSeconds(1))));
        String username = "timing-" + UUID.randomUUID().toString().substring(0, 8);
        store.insert(username, null, null, passwords.hashNow("the-real-password"), false, "test", clock.instant())
                .block(Duration.ofSeconds(30));

        for (int i = 0; i < 3; i++) { // warm up both paths
            attempt(signIn, username);
            attempt(signIn, "nobody-" + UUID.randomUUID());
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            known.add(attempt(signIn, username));
            unknown.add(attempt(signIn, "nobody-" + UUID.randomUUID()));
        }

        double ratio = (double) median(known) / median(unknown);
        assertThat(ratio).as("median wrong-password time / median unknown-user time (%s vs %s ns)", median(known),
                median(unknown)).isBetween(0.5, 2.0);
    }

    private static long attempt(SignIn signIn, String username) {
        long start = System.nanoTime();
        try {
            signIn.check(username, "a-wrong-password", "192.0.2.1").block(Duration.ofSeconds(30));
            throw new AssertionError("a wrong password was accepted");
        } catch (AccessRefusedException expected) {
            assertThat(expected.status()).isEqualTo(401);
        }
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
