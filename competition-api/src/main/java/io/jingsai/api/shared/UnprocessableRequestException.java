package io.jingsai.api.shared;

/**
 * The request is well-formed but cannot be processed as sent (422): an {@code Idempotency-Key} already used for a
 * different request. The message (a key of the catalogue and its values) says what to do instead.
 */
public class UnprocessableRequestException extends ExplainedException {

    public UnprocessableRequestException(String key, Object... arguments) {
        super(key, arguments);
    }
}
