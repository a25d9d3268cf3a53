package io.jingsai.scoring.scheme;

import java.util.List;

/**
 * Every problem found in a marking scheme, in the order of the scheme's structure (scheme-level fields, then
 * components, then criteria depth-first, then totals). A scheme is valid when it has no {@link Severity#ERROR}.
 *
 * @param problems all errors and warnings; empty for a clean scheme
 */
public record ValidationReport(List<ValidationProblem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** True if no problem is an error (warnings do not invalidate a scheme). */
    public boolean isValid() {
        return errors().isEmpty();
    }

    /** The errors only. */
    public List<ValidationProblem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** The warnings only. */
    public List<ValidationProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
