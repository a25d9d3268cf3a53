package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;

/**
 * A deduction or disqualification against the event's compiled scheme, before anything is written: a deduction
 * names a DEDUCTION aspect of the scheme; a disqualification names no aspect and no points. Every problem is
 * reported at its field; the aspect id sent is never repeated.
 */
final class PenaltyChecks {

    private PenaltyChecks() {
    }

    static List<FieldProblem> problems(EventRules rules, PenaltyCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.kind() == PenaltyKind.DISQUALIFICATION) {
            if (command.aspectId() != null) {
                problems.add(new FieldProblem("aspectId", "penalty.disqualificationAspect"));
            }
            if (command.points() != null) {
                problems.add(new FieldProblem("points", "penalty.disqualificationPoints"));
            }
            return problems;
        }
        if (command.aspectId() == null || command.aspectId().isBlank()) {
            problems.add(new FieldProblem("aspectId", "penalty.aspectRequired"));
            return problems;
        }
        Optional<Aspect> aspect = rules.aspect(command.aspectId());
        if (aspect.isEmpty()) {
            problems.add(new FieldProblem("aspectId", "penalty.aspectUnknown"));
        } else if (aspect.get().type() != AspectType.DEDUCTION) {
            problems.add(new FieldProblem("aspectId", "penalty.notDeductionModule"));
        }
        return problems;
    }

    /** The points a valid deduction costs: as given, or the aspect's points per violation. */
    static BigDecimal points(EventRules rules, PenaltyCommand command) {
        if (command.kind() != PenaltyKind.DEDUCTION) {
            return null;
        }
        return command.points() != null ? command.points()
                : rules.aspect(command.aspectId()).orElseThrow().deductionPerViolation();
    }
}
