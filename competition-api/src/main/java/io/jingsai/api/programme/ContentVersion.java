package io.jingsai.api.programme;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

/**
 * The version of a board computed on each request, which has no stored version of its own: a digest of its content
 * as JSON. The same content always gives the same version, on every instance, so a client's If-None-Match is
 * answered 304 whichever instance it reaches; any change of what the board shows gives another one.
 */
final class ContentVersion {

    /** 128 bits of SHA-256: collisions are out of reach for the few versions a board ever has. */
    private static final int BYTES = 16;

    private ContentVersion() {
    }

    static String of(JsonMapper json, Object content) {
        byte[] digest = sha256().digest(json.writeValueAsBytes(content));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, BYTES));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java platform has SHA-256", absent);
        }
    }
}
