package io.jingsai.api.shared;

/**
 * The request is valid but conflicts with the current state (409): a duplicate credit code, deleting an event that
 * has marks. The message says what conflicts and, where it helps, what to do instead.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
