package io.jingsai.scoring.scheme;

import java.util.Objects;

/**
 * One problem found in a marking scheme.
 *
 * @param path     where, in the scheme's own structure, e.g. {@code criteria[2].subCriteria[0].aspects[1].maxMark};
 *                 the empty string means the scheme as a whole
 * @param message  the rule that is broken, stating the offending value, e.g. {@code must be > 0, got -1}
 * @param severity {@link Severity#ERROR} rejects the scheme; {@link Severity#WARNING} is advice
 */
public record ValidationProblem(String path, String message, Severity severity) {

    public ValidationProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    static ValidationProblem error(String path, String message) {
        return new ValidationProblem(path, message, Severity.ERROR);
    }

    static ValidationProblem warning(String path, String message) {
        return new ValidationProblem(path, message, Severity.WARNING);
    }

    /** {@code path: message}, as shown to an organizer. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "" : path + ": ") + message + (severity == Severity.WARNING ? " (warning)" : "");
    }
}
