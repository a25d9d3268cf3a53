package io.jingsai.api.shared;

import java.util.Objects;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code scheme.criteria[0].maxMark}, or a CSV
 * row and column) and the rule it broke, in words a user can act on. Never carries the rejected value, which may be
 * personal data.
 */
public record FieldProblem(String field, String rule) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
    }
}
