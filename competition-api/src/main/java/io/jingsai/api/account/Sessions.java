package io.jingsai.api.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.AccessRefusedException;
import reactor.core.publisher.Mono;

/**
 * Sign-in sessions behind bearer tokens: opened by a sign-in, continued by refreshing (each refresh token works
 * once: it is replaced), ended by logging out or by a password change or reset. Refresh tokens are random and kept
 * as SHA-256 only.
 */
@Component
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    /** What the client gets: a bearer token, how long it lasts, and the refresh token for the next one. */
    record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn,
                     boolean passwordChangeRequired) {
    }

    private final AccountStore store;
    private final Tokens tokens;
    private final Clock clock;
    private final Duration refreshTtl;
    private final SecureRandom random = new SecureRandom();

    Sessions(AccountStore store, Tokens tokens, Clock clock,
             @Value("${jingsai.security.refresh-token-ttl:12h}") Duration refreshTtl) {
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
    }

    Mono<TokenPair> open(Caller caller) {
        UUID id = UUID.randomUUID();
        String refresh = newRefreshToken();
        Instant now = clock.instant();
        return store.insertSession(id, caller.accountId(), sha256(refresh), now, now.plus(refreshTtl))
                .then(Mono.fromSupplier(() -> pair(caller, id, refresh, now.plus(refreshTtl))));
    }

    Mono<TokenPair> refresh(String refreshToken) {
        String next = newRefreshToken();
        return store.rotate(sha256(refreshToken), sha256(next), clock.instant())
                .switchIfEmpty(Mono.error(() -> refused("refresh.invalid")))
                .flatMap(session -> caller(session.accountId())
                        .doOnNext(caller -> log.info("Token refreshed for '{}' (account {})", caller.username(),
                                caller.accountId()))
                        .map(caller -> pair(caller, session.id(), next, session.expiresAt())));
    }

    Mono<Void> close(UUID session) {
        return store.revokeSession(session, clock.instant());
    }

    /** The caller of a bearer token's session, or a 401 if the session was revoked, has expired or is not theirs. */
    public Mono<Caller> callerOf(UUID session, long accountId) {
        Instant now = clock.instant();
        return store.session(session)
                .filter(found -> found.accountId() == accountId && found.revokedAt() == null
                        && now.isBefore(found.expiresAt()))
                .switchIfEmpty(Mono.error(() -> refused("token.invalid")))
                .flatMap(found -> caller(accountId));
    }

    Mono<Caller> caller(long accountId) {
        return store.byId(accountId)
                .switchIfEmpty(Mono.error(() -> refused("token.invalid")))
                .flatMap(account -> store.grants(accountId).collectList()
                        .map(grants -> new Caller(accountId, account.username(), grants,
                                account.passwordChangeRequired())));
    }

    private TokenPair pair(Caller caller, UUID session, String refresh, Instant refreshExpires) {
        return new TokenPair(tokens.issue(caller, session), "Bearer", tokens.accessTtl().toSeconds(), refresh,
                Math.max(0, Duration.between(clock.instant(), refreshExpires).toSeconds()),
                caller.passwordChangeRequired());
    }

    static AccessRefusedException refused(String key) {
        return new AccessRefusedException(401, Map.of("WWW-Authenticate",
                "Bearer realm=\"jingsai\", error=\"invalid_token\""), key);
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
