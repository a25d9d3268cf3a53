package io.jingsai.api.shared;

import java.util.List;

/**
 * The request is valid but conflicts with the current state (409): a duplicate credit code, deleting an event that
 * has marks. The message (a key of the catalogue and its values) says what conflicts and, where it helps, what to do
 * instead; where several things stand in the way (an event that cannot be published yet), each is listed as a
 * reason, like the problems of a 400.
 */
public class ConflictException extends ExplainedException {

    private final List<FieldProblem> reasons;

    public ConflictException(String key, Object... arguments) {
        super(key, arguments);
        this.reasons = List.of();
    }

    private ConflictException(List<FieldProblem> reasons, String key, Object... arguments) {
        super(key, arguments);
        this.reasons = List.copyOf(reasons);
    }

    /** A conflict that lists every reason (each a subject and a rule key); none means the message says it all. */
    public static ConflictException because(List<FieldProblem> reasons, String key, Object... arguments) {
        return new ConflictException(reasons, key, arguments);
    }

    public List<FieldProblem> reasons() {
        return reasons;
    }
}
