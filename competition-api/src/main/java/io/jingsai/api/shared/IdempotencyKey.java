package io.jingsai.api.shared;

import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} a client sends with a request it may retry: 1 to 255 visible ASCII characters (a UUID
 * is typical). Keys belong to the account that sends them.
 */
public record IdempotencyKey(String value) {

    /** The header's name, as requests carry it and errors name it. */
    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    /**
     * The key a header holds.
     *
     * @throws RejectedRequestException without the header ({@code required}), or with a value that is not a key
     *                                  ({@code idempotencyKey.format}); the value is never echoed
     */
    public static IdempotencyKey of(String header) {
        if (header == null || header.isEmpty()) {
            throw RejectedRequestException.of(HEADER, "required");
        }
        if (!VISIBLE_ASCII.matcher(header).matches()) {
            throw RejectedRequestException.of(HEADER, "idempotencyKey.format", 1, MAX_LENGTH);
        }
        return new IdempotencyKey(header);
    }
}
