package io.jingsai.api.shared;

/**
 * An update named a version ({@code If-Match}) that is no longer current (412): someone else changed the resource
 * first. The client should re-read it and decide again.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String resource, Object key, long expected, long current) {
        super(resource + " " + key + " is at version " + current + ", not " + expected
                + "; read it again and retry your change");
    }

    public StaleVersionException(String message) {
        super(message);
    }
}
