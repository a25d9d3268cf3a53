package io.jingsai.api.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.scoring.marking.Approval;
import io.jingsai.scoring.marking.AspectMarks;
import io.jingsai.scoring.marking.Deduction;
import io.jingsai.scoring.marking.Disqualification;
import io.jingsai.scoring.marking.EntryMarks;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.marking.JudgeMark;

/**
 * What the scoring engine makes of one entry's current marks under the event's compiled rules: what is stored as the
 * entry's result, and what the recomputation check compares it with. A function of the marks, the rules and the
 * registration alone, with the entry's deductions and disqualification.
 *
 * @param exactTotal the exact total in lowest terms
 * @param standing   the entry as ranking sees it: tie-break values, and whether it may take awards and started
 * @param sheets     how many judges' sheets the marks came from
 */
record ComputedResult(EntryResultStatus status, String exactTotal, BigDecimal total,
                      Map<String, BigDecimal> components, List<AspectResultView> aspects, List<String> holds,
                      StandingValues standing, int sheets) {

    /** One judge's current mark for one aspect of an entry. */
    record Mark(long judgeId, String aspectId, BigDecimal value) {
    }

    /**
     * A deduction ({@code aspectId} and {@code points}) or disqualification (neither) of the entry, as recorded.
     *
     * @param status      PENDING, APPROVED or REJECTED
     * @param decidedBy   the chief judge who decided it, or null while pending
     * @param decidedAt   when, or null while pending
     */
    record Penalty(String aspectId, BigDecimal points, String reason, long judgeId, String status, Long decidedBy,
                   Instant decidedAt) {

        boolean counts() {
            return !"REJECTED".equals(status);
        }

        Approval approval() {
            return "APPROVED".equals(status) ? new Approval("judge-" + decidedBy, decidedAt) : null;
        }

        boolean isDeduction() {
            return aspectId != null;
        }
    }

    /** {@link Standing} as stored: its tie-break values (published figures) and eligibility. */
    record StandingValues(Map<String, BigDecimal> keys, boolean eligible, boolean started) {

        StandingValues {
            keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        Standing standing(int registrationNumber) {
            return new Standing(registrationNumber, keys, eligible, started);
        }
    }

    ComputedResult {
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        aspects = List.copyOf(aspects);
        holds = List.copyOf(holds);
    }

    /**
     * Scores the entry. A withdrawn or absent entry did not start; an observer competes but never takes award places.
     * Approved deductions and an approved disqualification count; pending ones hold the result back (a pending
     * deduction its module, a pending disqualification the whole result); rejected ones never count.
     *
     * @param marks     the current marks of every judge for the entry, in any order
     * @param record    what officials recorded: the completion time (a tie-break key) and declared difficulties
     * @param penalties the entry's deductions and disqualifications, whatever their status, in the order recorded
     */
    static ComputedResult of(EventRules rules, long registrationId, int registrationNumber, RegistrationStatus status,
                             List<Mark> marks, EntryRecord record, List<Penalty> penalties) {
        Map<String, List<JudgeMark>> byAspect = new LinkedHashMap<>();
        for (Mark mark : marks) {
            byAspect.computeIfAbsent(mark.aspectId(), id -> new ArrayList<>())
                    .add(new JudgeMark("judge-" + mark.judgeId(), mark.value()));
        }
        List<AspectMarks> aspects = byAspect.entrySet().stream()
                .map(entry -> new AspectMarks(entry.getKey(), entry.getValue(), record.multiplier(entry.getKey())))
                .toList();
        List<Penalty> counted = penalties.stream().filter(Penalty::counts).toList();
        List<Deduction> deductions = counted.stream().filter(Penalty::isDeduction)
                .map(p -> new Deduction(p.aspectId(), p.points(), p.reason(), "judge-" + p.judgeId(), p.approval()))
                .toList();
        Disqualification disqualification = counted.stream().filter(p -> !p.isDeduction()).findFirst()
                .map(p -> new Disqualification(p.reason(), "judge-" + p.judgeId(), p.approval()))
                .orElse(null);
        EntryResult result = rules.scorer().score(EntryMarks.of("registration-" + registrationId, aspects)
                .withDeductions(deductions).withDisqualification(disqualification));
        boolean started = status.competes();
        Standing standing = rules.standing(registrationNumber, result, record.completionTime(), started);
        long sheets = marks.stream().map(Mark::judgeId).distinct().count();
        return new ComputedResult(EntryResultStatus.of(result), ExactFraction.of(result.exactTotal()), result.total(),
                result.components(), result.aspects().stream().map(AspectResultView::of).toList(), result.holds(),
                new StandingValues(standing.keys(), standing.eligible() && status != RegistrationStatus.OBSERVER,
                        started),
                (int) sheets);
    }
}
