package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.shared.BrokenRule;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;

/**
 * Marks against the event's compiled marking scheme, before anything is written, written once for both shapes of a
 * sheet (an entry's marks, one aspect's marks across entries): each mark is for an aspect of the scheme that judges
 * mark, once per entry, with a value the aspect takes. Every problem is reported, each at its field
 * ({@code marks[2].value}) with its rule; rejected values are never named, only what the value should be.
 */
final class MarkChecks {

    static final BigDecimal HIGHEST_JUDGEMENT_SCORE = BigDecimal.valueOf(3);

    private MarkChecks() {
    }

    /** An entry's sheet: each mark names a markable aspect of the scheme, once, with a value it takes. */
    static List<FieldProblem> problems(EventRules rules, List<ScoreSheetCommand.Mark> marks) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < marks.size(); i++) {
            ScoreSheetCommand.Mark mark = marks.get(i);
            String at = "marks[" + i + "]";
            Optional<Aspect> aspect = rules.aspect(mark.aspectId());
            Optional<String> notMarked = notMarked(aspect);
            if (notMarked.isPresent()) {
                problems.add(new FieldProblem(at + ".aspectId", notMarked.get()));
            } else if (!seen.add(mark.aspectId())) {
                problems.add(new FieldProblem(at + ".aspectId", "mark.aspectTwice"));
            } else {
                valueProblem(aspect.get(), mark.value()).ifPresent(rule -> problems.add(rule.at(at + ".value")));
            }
        }
        return problems;
    }

    /**
     * One aspect's marks across entries: the aspect (the path's {@code aspectId}) is a markable aspect of the scheme,
     * each entry is named once, and each value is one the aspect takes.
     */
    static List<FieldProblem> problems(EventRules rules, String aspectId, List<AspectSheetCommand.Mark> marks) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Aspect> aspect = rules.aspect(aspectId);
        Optional<String> notMarked = notMarked(aspect);
        notMarked.ifPresent(rule -> problems.add(new FieldProblem("aspectId", rule)));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < marks.size(); i++) {
            AspectSheetCommand.Mark mark = marks.get(i);
            String at = "marks[" + i + "]";
            if (!seen.add(mark.registrationId())) {
                problems.add(new FieldProblem(at + ".registrationId", "aspectSheet.entryTwice"));
            } else if (notMarked.isEmpty()) {
                valueProblem(aspect.get(), mark.value()).ifPresent(rule -> problems.add(rule.at(at + ".value")));
            }
        }
        return problems;
    }

    /** Why judges give no mark to the aspect, if they give none: not in the scheme, or a DEDUCTION module. */
    private static Optional<String> notMarked(Optional<Aspect> aspect) {
        if (aspect.isEmpty()) {
            return Optional.of("mark.aspectUnknown");
        }
        return aspect.get().type() == AspectType.DEDUCTION ? Optional.of("mark.deductionModule") : Optional.empty();
    }

    private static Optional<BrokenRule> valueProblem(Aspect aspect, BigDecimal value) {
        if (aspect.type() == AspectType.JUDGEMENT) {
            boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
            return whole && value.signum() >= 0 && value.compareTo(HIGHEST_JUDGEMENT_SCORE) <= 0 ? Optional.empty()
                    : Optional.of(BrokenRule.of("mark.judgementScore", 0, HIGHEST_JUDGEMENT_SCORE));
        }
        if (value.signum() < 0 || value.compareTo(aspect.maxMark()) > 0) {
            return Optional.of(BrokenRule.of("mark.range", 0, aspect.maxMark().toPlainString()));
        }
        List<BigDecimal> allowed = aspect.allowedMarks();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(mark -> mark.compareTo(value) == 0)) {
            return Optional.of(BrokenRule.of("mark.allowedMarks",
                    allowed.stream().map(BigDecimal::toPlainString).toList()));
        }
        return Optional.empty();
    }
}
