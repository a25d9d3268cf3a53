package io.jingsai.api.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.stereotype.Component;

import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.shared.Crockford;

/**
 * The verification code (查询码) of a registration, with which its contestant looks up their own results in public:
 * eight characters of Crockford's base 32 (digits and capitals without I, L, O, U), the first 40 bits of a keyed
 * HMAC-SHA256 of the event and registration ids. Nothing is stored: organizers see the code on the registration and in
 * the registrations export whenever they need to hand it out, and without the key nobody can work one out, so a
 * registration number alone shows nobody's results.
 *
 * <p>The key is the lookup key of personal data ({@link PersonalDataCipher#lookupHash}), under an input that no ID
 * number can be (it starts with a fixed label), so the codes shown tell nothing about the hashes of ID numbers. The
 * lookup key is never rotated (docs/privacy.md); if it were, every code would change.
 */
@Component
public class VerificationCodes {

    /** Characters of a code. */
    public static final int LENGTH = 8;
    private static final String LABEL = "jingsai verification code v1:";

    private final PersonalDataCipher cipher;

    VerificationCodes(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The code of the registration. */
    public String of(long eventId, long registrationId) {
        return Crockford.ofHex(cipher.lookupHash(LABEL + eventId + ":" + registrationId), LENGTH);
    }

    /**
     * Whether {@code given} ({@linkplain Crockford#normalised normalised}) is the registration's code, compared in
     * constant time. With a null registration (none has that number) it compares against a code all the same, so that
     * an unknown number costs what a wrong code costs.
     */
    public boolean matches(long eventId, Long registrationId, String given) {
        String expected = of(eventId, registrationId == null ? -1 : registrationId);
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
        return registrationId != null && same;
    }

    /** Whether a code as typed, once {@linkplain Crockford#normalised normalised}, has the shape of a code at all. */
    public static boolean wellFormed(String normalised) {
        return Crockford.wellFormed(normalised, LENGTH);
    }
}
