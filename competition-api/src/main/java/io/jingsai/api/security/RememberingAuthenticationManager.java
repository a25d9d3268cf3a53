package io.jingsai.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import io.jingsai.api.account.CredentialsChanged;
import reactor.core.publisher.Mono;

/**
 * Remembers successful HTTP Basic sign-ins for a short while. Basic sends the password with every request, and
 * checking it against its BCrypt hash costs tens of milliseconds of CPU each time; a dashboard or an importing
 * organizer would spend more time hashing than working. Only successes are remembered, keyed by a SHA-256 of the
 * credentials (never the password itself), and each for at most {@code ttl}; failures are always checked afresh.
 *
 * <p>A remembered sign-in never outlives a change: {@link #forget} drops an account's entries when its password or
 * grants change, and an account locked by failed sign-ins ({@code locked}) is not let in from memory.
 */
class RememberingAuthenticationManager implements ReactiveAuthenticationManager {

    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(String username, Authentication authentication, Instant until) {
    }

    private final ReactiveAuthenticationManager delegate;
    private final Clock clock;
    private final Duration ttl;
    private final Predicate<String> locked;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RememberingAuthenticationManager(ReactiveAuthenticationManager delegate, Clock clock, Duration ttl,
                                     Predicate<String> locked) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        this.locked = locked;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)
                || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String username = authentication.getName();
        String key = key(username, password);
        Remembered hit = remembered.get(key);
        Instant now = clock.instant();
        if (hit != null && now.isBefore(hit.until()) && !locked.test(username)) {
            return Mono.just(hit.authentication());
        }
        return delegate.authenticate(authentication).doOnNext(success -> remember(key, username, success, now));
    }

    /** A password or the grants changed: no remembered sign-in may outlive it. */
    @EventListener
    void forget(CredentialsChanged changed) {
        forget(changed.username());
    }

    /** Forgets every remembered sign-in of this user name. */
    void forget(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        remembered.values().removeIf(entry -> entry.username().equals(name));
    }

    private void remember(String key, String username, Authentication success, Instant now) {
        if (remembered.size() >= MAX_ENTRIES) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(username.toLowerCase(Locale.ROOT), success, now.plus(ttl)));
    }

    private static String key(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((username + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
