package io.jingsai.api.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import io.jingsai.api.TestIdentities;

/**
 * Placeholders in generated bodies for values that must be new each time a request is sent: unique names and
 * valid, unused identifiers. Requests stay the same for a seed; only what they are sent with changes.
 */
final class FreshValues {

    static final String CREDIT_CODE = "{fresh:credit-code}";
    static final String RESIDENT_ID = "{fresh:resident-id}";
    static final String UNIQUE = "{fresh:unique}";
    private static final Map<String, Supplier<String>> VALUES = Map.of(
            CREDIT_CODE, TestIdentities::creditCode,
            RESIDENT_ID, TestIdentities::residentId,
            UNIQUE, () -> TestIdentities.unique("f"));

    private FreshValues() {
    }

    /** The body with each placeholder replaced by a new value (the same one wherever it occurs in this body). */
    static byte[] fill(byte[] body) {
        if (body == null) {
            return null;
        }
        byte[] filled = body;
        for (Map.Entry<String, Supplier<String>> value : VALUES.entrySet()) {
            byte[] placeholder = value.getKey().getBytes(StandardCharsets.US_ASCII);
            if (indexOf(filled, placeholder, 0) >= 0) {
                filled = replace(filled, placeholder, value.getValue().get().getBytes(StandardCharsets.UTF_8));
            }
        }
        return filled;
    }

    private static byte[] replace(byte[] body, byte[] placeholder, byte[] value) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length);
        int from = 0;
        for (int at = indexOf(body, placeholder, 0); at >= 0; at = indexOf(body, placeholder, from)) {
            out.write(body, from, at - from);
            out.writeBytes(value);
            from = at + placeholder.length;
        }
        out.write(body, from, body.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, byte[] part, int from) {
        for (int i = from; i <= body.length - part.length; i++) {
            if (body[i] == part[0] && Arrays.equals(body, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
