package io.jingsai.api.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.BackOff;

/**
 * Back-off after failed sign-ins ({@link BackOff}), per account name and per client address. Names that do not exist
 * are counted like real ones, so a lock says nothing about whether an account exists. A success forgets the name's
 * failures, never the address's (one's own account must not clear an address that guesses at others).
 *
 * <p>Kept in memory: right for one instance; with several, each counts on its own (documented in docs/security.md).
 */
@Component
class SignInGuard {

    static final BackOff.Policy PER_ACCOUNT = new BackOff.Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    /** Addresses may be shared (NAT, a venue's Wi-Fi): more room before they are slowed down. */
    static final BackOff.Policy PER_ADDRESS = new BackOff.Policy(30, Duration.ofSeconds(1), Duration.ofMinutes(15));

    private final BackOff accounts;
    private final BackOff addresses;

    @Autowired
    SignInGuard(Clock clock) {
        this(clock, PER_ACCOUNT, PER_ADDRESS);
    }

    SignInGuard(Clock clock, BackOff.Policy perAccount, BackOff.Policy perAddress) {
        this.accounts = new BackOff(clock, perAccount);
        this.addresses = new BackOff(clock, perAddress);
    }

    /** How long the name or the address is still locked; zero if neither is. */
    Duration lockedFor(String username, String address) {
        Duration account = accounts.lockedFor(key(username));
        Duration byAddress = addresses.lockedFor(address);
        return account.compareTo(byAddress) >= 0 ? account : byAddress;
    }

    boolean accountLocked(String username) {
        return !accounts.lockedFor(key(username)).isZero();
    }

    void failed(String username, String address) {
        accounts.failed(key(username));
        addresses.failed(address);
    }

    void succeeded(String username) {
        accounts.forget(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
