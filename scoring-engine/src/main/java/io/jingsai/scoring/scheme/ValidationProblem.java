package io.jingsai.scoring.scheme;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a marking scheme or another rule of an event.
 *
 * @param path     where, in the checked structure, e.g. {@code criteria[2].subCriteria[0].aspects[1].maxMark};
 *                 the empty string means the checked thing as a whole
 * @param rule     the broken rule as a stable, language-free key, e.g. {@code positive} or {@code scheme.total}, so
 *                 that a service can word it in its reader's language without reading {@code message}
 * @param values   the values the rule's wording names, in order: each a {@link String} (numbers in plain digits), or
 *                 a {@code List<String>} of the names a {@code oneOf} rule allows; never the rejected value unless
 *                 the rule's wording states it (a sum that does not add up)
 * @param message  the rule in English, stating the offending value, e.g. {@code must be > 0, got -1}
 * @param severity {@link Severity#ERROR} rejects the scheme; {@link Severity#WARNING} is advice
 */
public record ValidationProblem(String path, String rule, List<Object> values, String message, Severity severity) {

    public ValidationProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        values = List.copyOf(values);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    static ValidationProblem error(String path, String rule, String message, Object... values) {
        return new ValidationProblem(path, rule, List.of(values), message, Severity.ERROR);
    }

    static ValidationProblem warning(String path, String rule, String message, Object... values) {
        return new ValidationProblem(path, rule, List.of(values), message, Severity.WARNING);
    }

    /**
     * The same problem seen from a containing structure: {@code maxMark} under {@code scheme.aspects[2]} is
     * {@code scheme.aspects[2].maxMark}; an index path ({@code [1]}) joins without a dot; the whole ({@code ""})
     * becomes the prefix itself.
     */
    public ValidationProblem under(String prefix) {
        String joined = path.isEmpty() ? prefix : prefix.isEmpty() || path.startsWith("[") ? prefix + path
                : prefix + "." + path;
        return new ValidationProblem(joined, rule, values, message, severity);
    }

    /** {@code path: message}, as shown to an organizer. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + ": ") + message + (severity == Severity.WARNING ? " (warning)" : "");
    }
}
