package io.jingsai.api.shared;

/** Optimistic concurrency: a change applies only to the version it was based on. */
public final class Versions {

    private Versions() {
    }

    /** Throws {@link StaleVersionException} unless {@code expected} is the current version. */
    public static void require(String resource, Object key, long expected, long current) {
        if (expected != current) {
            throw new StaleVersionException(resource, key, expected, current);
        }
    }
}
