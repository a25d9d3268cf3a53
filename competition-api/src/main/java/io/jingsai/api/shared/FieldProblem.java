package io.jingsai.api.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One thing wrong with a request: the field (a JSON path such as {@code scheme.criteria[0].maxMark}, a query
 * parameter, or {@code ""} for the body as a whole), the rule it broke as a stable, language-free key such as
 * {@code size.max} or {@code creditCode.checkCharacter} (the catalogue is {@code messages.properties}), and the
 * values the rule's message names (limits, allowed values), never the rejected value itself, which may be personal
 * data.
 *
 * <p>{@code message} is empty until the one error path words the rule in the client's language
 * ({@link #worded(String)}); clients match on {@code field} and {@code rule}, people read {@code message}.
 */
public record FieldProblem(String field, String rule, String message, @JsonIgnore List<Object> arguments) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A broken rule whose message names no value. */
    public FieldProblem(String field, String rule) {
        this(field, rule, null, List.of());
    }

    /** A broken rule whose message names {@code arguments}, in order ({@code {0}}, {@code {1}}, …). */
    public static FieldProblem of(String field, String rule, Object... arguments) {
        return new FieldProblem(field, rule, null, Arrays.asList(arguments));
    }

    /** The same problem with its rule worded for a reader. */
    public FieldProblem worded(String text) {
        return new FieldProblem(field, rule, text, arguments);
    }
}
