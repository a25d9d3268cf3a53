package io.jingsai.api.shared;

import java.util.Map;

/**
 * The caller may not do this, or not now: 401 (not signed in, or a credential that does not hold), 403 (signed in,
 * but outside its roles or scope, or a password to change first) or 429 (too many failed sign-ins). The message is a
 * key of the catalogue; {@code headers} go with the answer ({@code WWW-Authenticate}, {@code Retry-After}).
 */
public class AccessRefusedException extends ExplainedException {

    private final int status;
    private final Map<String, String> headers;

    public AccessRefusedException(int status, Map<String, String> headers, String key, Object... arguments) {
        super(key, arguments);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public static AccessRefusedException forbidden(String key, Object... arguments) {
        return new AccessRefusedException(403, Map.of(), key, arguments);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
