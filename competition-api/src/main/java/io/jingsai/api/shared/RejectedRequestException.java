package io.jingsai.api.shared;

import java.util.List;

/**
 * A request broke business rules that only the service can check (a marking scheme that does not add up, a
 * contestant from an unknown enterprise). Rendered as 400 with every problem listed; nothing was written.
 */
public class RejectedRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public RejectedRequestException(String summary, List<FieldProblem> problems) {
        super(summary);
        this.problems = List.copyOf(problems);
    }

    public static RejectedRequestException of(String field, String rule) {
        return new RejectedRequestException(field + ": " + rule, List.of(new FieldProblem(field, rule)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
