package io.jingsai.api.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.BackOff;
import reactor.core.publisher.Mono;

/**
 * Checks a user name and password, for HTTP Basic and for {@code POST /api/auth/token} alike.
 *
 * <ul>
 *   <li>The same work whether the account exists or not: an unknown name is checked against a dummy hash, so the
 *       answer takes as long and says the same ("wrong user name or password").</li>
 *   <li>Back-off per name and per client address ({@link SignInGuard}): while locked, 429 with {@code Retry-After},
 *       and the password is not even checked.</li>
 *   <li>Every failure and success is logged with the name (for failures only names that exist: an unknown "name" may
 *       be a password typed in the wrong field) and the client address; never a password.</li>
 * </ul>
 */
@Component
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);
    public static final String BASIC_CHALLENGE = "Basic realm=\"jingsai\"";

    private final AccountStore store;
    private final Passwords passwords;
    private final SignInGuard guard;

    SignIn(AccountStore store, Passwords passwords, SignInGuard guard) {
        this.store = store;
        this.passwords = passwords;
        this.guard = guard;
    }

    /** The account, or an {@link AccessRefusedException} (401 wrong name or password, 429 locked). */
    public Mono<Caller> check(String username, String password, String clientAddress) {
        Duration locked = guard.lockedFor(username, clientAddress);
        if (!locked.isZero()) {
            log.warn("Sign-in refused unchecked from {}: too many failures (locked for {} s more)", clientAddress,
                    BackOff.seconds(locked));
            return Mono.error(throttled(locked));
        }
        return store.byUsername(username)
                .flatMap(account -> passwords.matches(password, account.passwordHash())
                        .map(right -> right ? Optional.of(account) : Optional.<AccountStore.StoredAccount>empty())
                        .doOnNext(right -> {
                            if (right.isEmpty()) {
                                log.warn("Sign-in failed: wrong password for '{}' from {}", account.username(),
                                        clientAddress);
                            }
                        }))
                .switchIfEmpty(Mono.defer(() -> passwords.matchNothing(password)
                        .doOnNext(ignored -> log.warn("Sign-in failed: unknown user name from {}", clientAddress))
                        .map(ignored -> Optional.empty())))
                .flatMap(found -> found.isEmpty() ? failed(username, clientAddress) : succeeded(found.get(),
                        clientAddress));
    }

    /** Whether the name is locked now: a remembered sign-in must not outlive a lock. */
    public boolean lockedOut(String username) {
        return guard.accountLocked(username);
    }

    private Mono<Caller> failed(String username, String clientAddress) {
        guard.failed(username, clientAddress);
        return Mono.error(wrongCredentials());
    }

    private Mono<Caller> succeeded(AccountStore.StoredAccount account, String clientAddress) {
        guard.succeeded(account.username());
        log.info("Signed in: '{}' (account {}) from {}", account.username(), account.id(), clientAddress);
        return store.grants(account.id()).collectList()
                .map(grants -> new Caller(account.id(), account.username(), grants,
                        account.passwordChangeRequired()));
    }

    static AccessRefusedException wrongCredentials() {
        return new AccessRefusedException(401, Map.of("WWW-Authenticate", BASIC_CHALLENGE), "signIn.failed");
    }

    private static AccessRefusedException throttled(Duration locked) {
        long seconds = BackOff.seconds(locked);
        return new AccessRefusedException(429, Map.of("Retry-After", String.valueOf(seconds)), "signIn.throttled",
                seconds);
    }
}
