package io.jingsai.api.shared;

import java.util.List;
import java.util.Map;

/**
 * The caller may not do this, or not now: 401 (not signed in, or a credential that does not hold), 403 (signed in,
 * but outside its roles or scope, or a password to change first) or 429 (too many failed sign-ins). The message is a
 * key of the catalogue; {@code headers} go with the answer ({@code WWW-Authenticate}, {@code Retry-After}). A
 * request about many things (the entries of one aspect's marks) may be refused for several of them: each is listed
 * as a reason, like the problems of a 400.
 */
public class AccessRefusedException extends ExplainedException {

    private final int status;
    private final Map<String, String> headers;
    private final List<FieldProblem> reasons;

    public AccessRefusedException(int status, Map<String, String> headers, String key, Object... arguments) {
        this(status, headers, List.of(), key, arguments);
    }

    private AccessRefusedException(int status, Map<String, String> headers, List<FieldProblem> reasons, String key,
                                   Object... arguments) {
        super(key, arguments);
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.reasons = List.copyOf(reasons);
    }

    public static AccessRefusedException forbidden(String key, Object... arguments) {
        return new AccessRefusedException(403, Map.of(), key, arguments);
    }

    /** 403 for each of {@code reasons} (a subject and a rule key); the message sums them up. */
    public static AccessRefusedException forbiddenBecause(List<FieldProblem> reasons, String key,
                                                          Object... arguments) {
        return new AccessRefusedException(403, Map.of(), reasons, key, arguments);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<FieldProblem> reasons() {
        return reasons;
    }
}
