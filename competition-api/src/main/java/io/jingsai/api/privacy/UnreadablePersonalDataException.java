package io.jingsai.api.privacy;

/**
 * A sealed value could not be opened: its key is not configured, or it does not authenticate under it. A fault of
 * configuration, not of the request (a 500 whose log names the key id, never a value or a key).
 */
public class UnreadablePersonalDataException extends IllegalStateException {

    UnreadablePersonalDataException(String message) {
        super(message);
    }
}
