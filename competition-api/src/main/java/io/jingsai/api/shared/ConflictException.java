package io.jingsai.api.shared;

/**
 * The request is valid but conflicts with the current state (409): a duplicate credit code, deleting an event that
 * has marks. The message (a key of the catalogue and its values) says what conflicts and, where it helps, what to do
 * instead.
 */
public class ConflictException extends ExplainedException {

    public ConflictException(String key, Object... arguments) {
        super(key, arguments);
    }
}
