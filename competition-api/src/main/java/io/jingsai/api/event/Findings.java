package io.jingsai.api.event;

import java.util.ArrayList;
import java.util.List;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.scheme.Severity;
import io.jingsai.scoring.scheme.ValidationProblem;

/**
 * What compiling an event's rules found, each problem with its path in the request and its rule key: errors reject
 * the event, warnings are shown with it.
 */
final class Findings {

    private final List<FieldProblem> errors = new ArrayList<>();
    private final List<FieldProblem> warnings = new ArrayList<>();

    /** Adds what an engine check found, its paths placed under {@code prefix}; true if it found no error. */
    boolean add(String prefix, List<ValidationProblem> found) {
        boolean clean = true;
        for (ValidationProblem problem : found) {
            ValidationProblem placed = problem.under(prefix);
            FieldProblem named = new FieldProblem(placed.path(), placed.rule(), null, placed.values());
            if (problem.severity() == Severity.ERROR) {
                errors.add(named);
                clean = false;
            } else {
                warnings.add(named);
            }
        }
        return clean;
    }

    void error(FieldProblem problem) {
        errors.add(problem);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<FieldProblem> errors() {
        return List.copyOf(errors);
    }

    List<FieldProblem> warnings() {
        return List.copyOf(warnings);
    }
}
