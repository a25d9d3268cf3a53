package io.jingsai.api.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password hashing with Spring Security's delegating encoder (BCrypt today, {@code {bcrypt}} prefixed so the
 * algorithm can change without a migration). Hashing is slow on purpose (tens of milliseconds of CPU), so it runs on
 * {@code boundedElastic}, never on an event loop.
 */
@Component
class Passwords {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final SecureRandom random = new SecureRandom();
    /** A real hash of a random password: checked against for unknown users, so they take as long as known ones. */
    private final String dummyHash = encoder.encode(generate());

    Mono<String> hash(String raw) {
        return Mono.fromCallable(() -> encoder.encode(raw)).subscribeOn(Schedulers.boundedElastic());
    }

    String hashNow(String raw) {
        return encoder.encode(raw);
    }

    boolean matchesNow(String raw, String hash) {
        return encoder.matches(raw, hash);
    }

    Mono<Boolean> matches(String raw, String hash) {
        return Mono.fromCallable(() -> encoder.matches(raw, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The same work as {@link #matches} for a user that does not exist; always false. */
    Mono<Boolean> matchNothing(String raw) {
        return matches(raw, dummyHash).map(ignored -> false);
    }

    /** A one-time password: 18 random bytes, URL-safe Base64 (24 characters, 144 bits). */
    String generate() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
