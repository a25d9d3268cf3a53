package io.jingsai.api.shared;

/** The addressed resource does not exist (404). The message names the resource kind and the key, nothing else. */
public class NotFoundException extends ExplainedException {

    /** {@code resource} is a kind of resource such as {@code event} (see {@link #resource(String)}). */
    public NotFoundException(String resource, Object id) {
        super("notFound", resource(resource), id);
    }

    private NotFoundException(String key, Object[] arguments) {
        super(key, arguments);
    }

    /** Not found, for a reason worded by its own message key. */
    public static NotFoundException because(String key, Object... arguments) {
        return new NotFoundException(key, arguments);
    }
}
