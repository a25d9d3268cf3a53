package io.jingsai.api.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Back-off after failed sign-ins, per account name and per client address. A few failures are free; after that each
 * failure locks the name (or the address) for twice as long as the one before, up to a ceiling; an attempt while
 * locked is refused unchecked and does not count. Names that do not exist are counted like real ones, so a lock says
 * nothing about whether an account exists. A quiet spell (the ceiling) forgets the failures; a success forgets the
 * name's, never the address's (one's own account must not clear an address that guesses at others).
 *
 * <p>Kept in memory: right for one instance; with several, each counts on its own (documented in docs/security.md).
 */
@Component
class SignInGuard {

    record Policy(int freeFailures, Duration firstLock, Duration longestLock) {
    }

    static final Policy PER_ACCOUNT = new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    /** Addresses may be shared (NAT, a venue's Wi-Fi): more room before they are slowed down. */
    static final Policy PER_ADDRESS = new Policy(30, Duration.ofSeconds(1), Duration.ofMinutes(15));
    private static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Policy perAccount;
    private final Policy perAddress;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    @Autowired
    SignInGuard(Clock clock) {
        this(clock, PER_ACCOUNT, PER_ADDRESS);
    }

    SignInGuard(Clock clock, Policy perAccount, Policy perAddress) {
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** How long the name or the address is still locked; zero if neither is. */
    Duration lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(key(username)), now);
        Duration byAddress = remaining(addresses.get(address), now);
        return account.compareTo(byAddress) >= 0 ? account : byAddress;
    }

    boolean accountLocked(String username) {
        return !remaining(accounts.get(key(username)), clock.instant()).isZero();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (accounts.size() + addresses.size() > MAX_TRACKED) {
            forgetQuiet(now);
        }
        accounts.compute(key(username), (name, before) -> next(before, perAccount, now));
        addresses.compute(address, (name, before) -> next(before, perAddress, now));
    }

    void succeeded(String username) {
        accounts.remove(key(username));
    }

    private static Failures next(Failures before, Policy policy, Instant now) {
        int count = before == null || quiet(before, policy, now) ? 1 : before.count() + 1;
        int over = count - policy.freeFailures();
        Instant lockedUntil = over <= 0 ? null : now.plus(lock(policy, over));
        return new Failures(count, now, lockedUntil);
    }

    /** The n-th failure over the free ones locks for firstLock × 2^(n-1), at most longestLock. */
    private static Duration lock(Policy policy, int over) {
        Duration lock = policy.firstLock().multipliedBy(1L << Math.min(over - 1, 30));
        return lock.compareTo(policy.longestLock()) > 0 ? policy.longestLock() : lock;
    }

    private static boolean quiet(Failures failures, Policy policy, Instant now) {
        Instant until = failures.lockedUntil() == null ? failures.last() : failures.lockedUntil();
        return !now.isBefore(until.plus(policy.longestLock()));
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || failures.lockedUntil() == null || !now.isBefore(failures.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.lockedUntil());
    }

    private void forgetQuiet(Instant now) {
        accounts.values().removeIf(failures -> quiet(failures, perAccount, now));
        addresses.values().removeIf(failures -> quiet(failures, perAddress, now));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
