package io.jingsai.api.shared;

import java.util.List;

/**
 * A request broke business rules that only the service can check (a marking scheme that does not add up, a
 * contestant from an unknown enterprise). Rendered as 400 with every problem listed; nothing was written.
 */
public class RejectedRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public RejectedRequestException(List<FieldProblem> problems) {
        this(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).rule()
                : problems.size() + " problems", problems);
    }

    /** {@code summary} is for logs only; the client is told the problems. */
    public RejectedRequestException(String summary, List<FieldProblem> problems) {
        super(summary);
        this.problems = List.copyOf(problems);
    }

    public static RejectedRequestException of(String field, String rule, Object... arguments) {
        return new RejectedRequestException(List.of(FieldProblem.of(field, rule, arguments)));
    }

    public static RejectedRequestException of(FieldProblem problem) {
        return new RejectedRequestException(List.of(problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
