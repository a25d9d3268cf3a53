package io.jingsai.api.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off after failures, per key (an account name, a client address): a few failures are free; after that each
 * failure locks the key for twice as long as the one before, up to a ceiling; an attempt while locked should be
 * refused unchecked and not counted. A quiet spell as long as the ceiling forgets the failures. Used by sign-in and
 * by the public look-ups that take a secret (a contestant's own results by verification code).
 *
 * <p>Kept in memory: right for one instance; with several, each counts on its own (documented in docs/security.md).
 */
public final class BackOff {

    /**
     * @param freeFailures failures before the first lock
     * @param firstLock    the lock after the first failure over the free ones
     * @param longestLock  the ceiling of a lock, and the quiet spell that forgets the failures
     */
    public record Policy(int freeFailures, Duration firstLock, Duration longestLock) {
    }

    /** Past this many keys, quiet ones are forgotten before a new failure is counted. */
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Policy policy;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public BackOff(Clock clock, Policy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** How long the key is still locked; zero if it is not. */
    public Duration lockedFor(String key) {
        Failures counted = failures.get(key);
        Instant now = clock.instant();
        if (counted == null || counted.lockedUntil() == null || !now.isBefore(counted.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, counted.lockedUntil());
    }

    /** Counts a failure for the key, locking it once the free failures are used up. */
    public void failed(String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(counted -> quiet(counted, now));
        }
        failures.compute(key, (name, before) -> next(before, now));
    }

    /** Forgets the key's failures (a success where that may clear them). */
    public void forget(String key) {
        failures.remove(key);
    }

    /** Whole seconds to wait, at least 1: what {@code Retry-After} says for a lock. */
    public static long seconds(Duration lock) {
        return Math.max(1, (lock.toMillis() + 999) / 1000);
    }

    private Failures next(Failures before, Instant now) {
        int count = before == null || quiet(before, now) ? 1 : before.count() + 1;
        int over = count - policy.freeFailures();
        Instant lockedUntil = over <= 0 ? null : now.plus(lock(over));
        return new Failures(count, now, lockedUntil);
    }

    /** The n-th failure over the free ones locks for firstLock × 2^(n-1), at most longestLock. */
    private Duration lock(int over) {
        Duration lock = policy.firstLock().multipliedBy(1L << Math.min(over - 1, 30));
        return lock.compareTo(policy.longestLock()) > 0 ? policy.longestLock() : lock;
    }

    private boolean quiet(Failures counted, Instant now) {
        Instant until = counted.lockedUntil() == null ? counted.last() : counted.lockedUntil();
        return !now.isBefore(until.plus(policy.longestLock()));
    }
}
