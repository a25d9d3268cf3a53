package io.jingsai.api.shared;

/**
 * An update named a version ({@code If-Match}) that is no longer current (412): someone else changed the resource
 * first. The client should re-read it and decide again.
 */
public class StaleVersionException extends ExplainedException {

    public StaleVersionException(String resource, Object id, long expected, long current) {
        super("version.stale", resource(resource), id, current, expected);
    }

    public StaleVersionException(String key, Object... arguments) {
        super(key, arguments);
    }

    /** Another writer saved the resource between this request's read and its write. */
    public static StaleVersionException changedMeanwhile(String resource, Object id) {
        return new StaleVersionException("version.changedMeanwhile", resource(resource), id);
    }
}
