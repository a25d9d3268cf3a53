package io.jingsai.api.shared;

/**
 * An update or delete came without {@code If-Match} (428): changes must say which version they were based on, so that
 * two organizers editing at once never silently overwrite each other.
 */
public class VersionRequiredException extends ExplainedException {

    public VersionRequiredException() {
        super("version.required");
    }
}
