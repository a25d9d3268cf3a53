package io.jingsai.api.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Personal data (resident ID numbers, phones, e-mail addresses) as it is kept in the database: sealed with AES-GCM
 * under a named key, and looked up through a keyed hash. Fast enough to run inline on a request thread (a few
 * microseconds a value); only batch work such as a key rotation moves off the event loop.
 *
 * <p>A sealed value is {@code keyId:base64url(nonce ‖ ciphertext ‖ tag)}, with a fresh random 96-bit nonce per
 * value and the key id authenticated as additional data, so equal values never look equal in the database and a
 * value names the key that opens it: after a new key becomes active, values sealed under older keys stay readable
 * as long as those keys are configured, until a rotation re-seals them ({@link KeyRotation}).
 *
 * <p>The lookup hash is HMAC-SHA256 under its own key (never an encryption key), in lower-case hex: equal values
 * give equal hashes, so uniqueness and look-ups by ID number work on the hash column, and without the key a
 * hash cannot be tested against the few hundred million possible ID numbers.
 *
 * <p>Nothing here ever puts a value or a key into an exception message.
 */
public final class PersonalDataCipher {

    /** Key ids: short, and free of the separator and of LIKE's wildcards (rotation matches them as a prefix). */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,20}");
    static final int KEY_BYTES = 32;
    private static final char SEPARATOR = ':';
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey lookupKey;
    private final SecureRandom random;

    PersonalDataCipher(Map<String, SecretKey> keys, String activeKeyId, SecretKey lookupKey, SecureRandom random) {
        if (!keys.containsKey(activeKeyId)) {
            throw new KeyConfigurationException("the active data key " + activeKeyId + " is not among the data keys");
        }
        this.keys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
        this.lookupKey = lookupKey;
        this.random = random;
    }

    /** The same keys with another one active: what a rotation re-seals under. */
    PersonalDataCipher withActiveKey(String keyId) {
        return new PersonalDataCipher(keys, keyId, lookupKey, random);
    }

    /** The key new values are sealed under. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** {@code value} sealed under the active key; {@code null} stays {@code null}. */
    public String seal(String value) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(associatedData(activeKeyId));
            byte[] sealed = aes.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return activeKeyId + SEPARATOR + BASE64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The value a {@link #seal} produced; {@code null} stays {@code null}.
     *
     * @throws UnreadablePersonalDataException when the value names a key that is not configured, or does not
     *         authenticate under it (a wrong key, or a changed value)
     */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        String keyId = keyIdOf(sealed);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnreadablePersonalDataException("a value is sealed under data key " + keyId
                    + ", which is not configured: add it to JINGSAI_DATA_KEYS");
        }
        byte[] in;
        try {
            in = UNBASE64.decode(sealed.substring(keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadablePersonalDataException("a value sealed under data key " + keyId + " is damaged");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadablePersonalDataException("a value sealed under data key " + keyId + " is damaged");
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            aes.updateAAD(associatedData(keyId));
            return new String(aes.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadablePersonalDataException("a value does not authenticate under data key " + keyId
                    + ": the key configured under this id is not the one it was sealed with, or the value changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The keyed hash of {@code value} (64 hex digits) that uniqueness and look-ups match on. */
    public String lookupHash(String value) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(lookupKey);
            return HexFormat.of().formatHex(hmac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The id of the key a sealed value names. */
    static String keyIdOf(String sealed) {
        int separator = sealed.indexOf(SEPARATOR);
        if (separator < 1) {
            throw new UnreadablePersonalDataException("a value in a sealed column is not sealed");
        }
        return sealed.substring(0, separator);
    }

    /** What every value sealed under {@code keyId} starts with. */
    static String prefix(String keyId) {
        return keyId + SEPARATOR;
    }

    private static byte[] associatedData(String keyId) {
        return ("jingsai personal data, key " + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
