package io.jingsai.api.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A rule a value broke, before it is known which field held the value: the rule key and the values its message
 * names (see {@link FieldProblem}).
 */
public record BrokenRule(String key, List<Object> arguments) {

    public BrokenRule {
        Objects.requireNonNull(key, "key");
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    public static BrokenRule of(String key, Object... arguments) {
        return new BrokenRule(key, Arrays.asList(arguments));
    }

    /** The problem of the field that held the value. */
    public FieldProblem at(String field) {
        return new FieldProblem(field, key, null, arguments);
    }
}
