package io.jingsai.api.judging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.Caller;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.judging.ScoreSheetView.MarkView;
import io.jingsai.api.judging.SheetStore.Marked;
import io.jingsai.api.judging.SheetStore.Sheet;
import io.jingsai.api.judging.SheetWriter.Change;
import io.jingsai.api.judging.SheetWriter.Writing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.BrokenRule;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.shared.IdempotentRequests;
import io.jingsai.api.shared.IdempotentRequests.Answer;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/**
 * One judge's marks for one aspect across many entries (the judge walks the hall marking one aspect at every
 * station), accepted together in one transaction or not at all. Each mark becomes the next version of the judge's
 * sheet for its entry, the judge's other marks for the entry kept, exactly as if the judge had replaced that sheet:
 * the same checks, the same rows, each entry's result recomputed and each sheet's change audited in the same
 * transaction ({@link SheetWriter}). Any mark that cannot be taken refuses the whole request, naming each such mark.
 *
 * <p>Versions: each mark names the version of the judge's sheet for its entry that the judge saw (none for an entry
 * without one); a mark whose entry's sheet has moved on since is stale, and the request is 409. Only while the event
 * is MARKING: corrections after marking has closed are made on the entry's sheet.
 *
 * <p>Locks, in the order every writer of marks takes them: the idempotency key, the event row shared, the entries'
 * registrations in the order of their ids (two requests over overlapping entries never wait for each other in a
 * circle), and last the head of the event's audit chain.
 */
@Service
class AspectSheetService {

    private final EventRulebook rulebook;
    private final MarkingGuards guards;
    private final SheetStore store;
    private final SheetWriter writer;
    private final IdempotentRequests idempotent;

    AspectSheetService(EventRulebook rulebook, MarkingGuards guards, SheetStore store, SheetWriter writer,
                       IdempotentRequests idempotent) {
        this.rulebook = rulebook;
        this.guards = guards;
        this.store = store;
        this.writer = writer;
        this.idempotent = idempotent;
    }

    /** The signed-in judge's marks for the aspect: 200, or the first answer again for a retried key. */
    @Transactional
    Mono<Answer<AspectSheetView>> mark(long eventId, String aspectId, Caller caller, IdempotencyKey key,
                                       AspectSheetCommand sheet) {
        String request = "POST " + path(eventId, aspectId) + "\n" + sheet.canonical();
        return idempotent.once(caller.accountId(), key, request, AspectSheetView.class,
                Mono.defer(() -> accept(eventId, aspectId, caller, sheet)));
    }

    private Mono<Answer<AspectSheetView>> accept(long eventId, String aspectId, Caller caller,
                                                 AspectSheetCommand sheet) {
        return guards.lockEvent(eventId)
                .flatMap(event -> guards.panelJudgeOf(eventId, caller)
                        .flatMap(judgeId -> MarkingGuards.requireMarking(eventId, event.status())
                                .then(rulebook.rules(eventId, event.version()))
                                .flatMap(rules -> lockedEntries(rules, judgeId, aspectId, sheet)
                                        .flatMap(statuses -> store.current(judgeId, registrationIds(sheet))
                                                .flatMap(current -> write(rules, judgeId, aspectId, caller, sheet,
                                                        statuses, current))))));
    }

    /** The entries locked, with their statuses, once the request is valid and the judge may mark every entry. */
    private Mono<Map<Long, RegistrationStatus>> lockedEntries(EventRules rules, long judgeId, String aspectId,
                                                              AspectSheetCommand sheet) {
        List<Long> ids = registrationIds(sheet);
        return guards.lockEntries(rules.eventId(), ids)
                .flatMap(statuses -> requireValid(rules, aspectId, sheet, statuses)
                        .then(guards.recusedAmong(rules.eventId(), judgeId, ids))
                        .flatMap(recused -> refuse(judgeId, sheet, recused, "scoreSheet.recused",
                                "aspectSheet.recused"))
                        .then(guards.unassignedAmong(rules.eventId(), judgeId, ids))
                        .flatMap(unassigned -> refuse(judgeId, sheet, unassigned, "scoreSheet.notAssigned",
                                "aspectSheet.notAssigned"))
                        .thenReturn(statuses));
    }

    /** 400 for every mark the scheme does not take and every entry named twice or not of the event. */
    private static Mono<Void> requireValid(EventRules rules, String aspectId, AspectSheetCommand sheet,
                                           Map<Long, RegistrationStatus> statuses) {
        List<FieldProblem> problems = new ArrayList<>(MarkChecks.problems(rules, aspectId, sheet.marks()));
        Set<Long> reported = new HashSet<>();
        for (int i = 0; i < sheet.marks().size(); i++) {
            long registrationId = sheet.marks().get(i).registrationId();
            if (!statuses.containsKey(registrationId) && reported.add(registrationId)) {
                problems.add(FieldProblem.of(registrationAt(i), "aspectSheet.noSuchEntry", registrationId,
                        rules.eventId()));
            }
        }
        return problems.isEmpty() ? Mono.empty() : Mono.error(new RejectedRequestException(problems));
    }

    /** 403 naming each of the entries the judge may not mark (recused, or not assigned to them), if any. */
    private static Mono<Void> refuse(long judgeId, AspectSheetCommand sheet, Set<Long> refused, String entryRule,
                                     String rule) {
        List<FieldProblem> reasons = new ArrayList<>();
        for (int i = 0; i < sheet.marks().size(); i++) {
            long registrationId = sheet.marks().get(i).registrationId();
            if (refused.contains(registrationId)) {
                reasons.add(FieldProblem.of(registrationAt(i), entryRule, judgeId, registrationId));
            }
        }
        return reasons.isEmpty() ? Mono.empty() : Mono.error(AccessRefusedException.forbiddenBecause(reasons,
                rule, judgeId, reasons.size()));
    }

    private Mono<Answer<AspectSheetView>> write(EventRules rules, long judgeId, String aspectId, Caller caller,
                                                AspectSheetCommand sheet, Map<Long, RegistrationStatus> statuses,
                                                Map<Long, Marked> current) {
        List<FieldProblem> conflicts = conflicts(sheet, statuses, current);
        if (!conflicts.isEmpty()) {
            return Mono.error(ConflictException.because(conflicts, "aspectSheet.conflict", conflicts.size()));
        }
        Writing writing = new Writing(judgeId, "scoreSheet.replaced", sheet.reason());
        return writer.write(rules, writing, caller, changes(aspectId, sheet, current))
                .map(stored -> answer(rules.eventId(), aspectId, judgeId, sheet, stored));
    }

    /**
     * Why marks cannot be written as the entries stand: an entry withdrawn or absent, or a sheet that is not at the
     * version the mark names (moved on, or not there yet).
     */
    private static List<FieldProblem> conflicts(AspectSheetCommand sheet, Map<Long, RegistrationStatus> statuses,
                                                Map<Long, Marked> current) {
        List<FieldProblem> conflicts = new ArrayList<>();
        for (int i = 0; i < sheet.marks().size(); i++) {
            AspectSheetCommand.Mark mark = sheet.marks().get(i);
            long registrationId = mark.registrationId();
            int at = i;
            MarkingGuards.notCompeting(statuses.get(registrationId)).ifPresentOrElse(
                    rule -> conflicts.add(FieldProblem.of(registrationAt(at), rule, registrationId)),
                    () -> versionConflict(mark.sheetVersion(), current.get(registrationId))
                            .ifPresent(rule -> conflicts.add(rule.at("marks[" + at + "].sheetVersion"))));
        }
        return conflicts;
    }

    private static Optional<BrokenRule> versionConflict(Long seen, Marked marked) {
        Sheet current = marked == null ? null : marked.sheet();
        if (current == null) {
            return seen == null ? Optional.empty()
                    : Optional.of(BrokenRule.of("aspectSheet.noSheetYet"));
        }
        return seen != null && seen == current.version() ? Optional.empty()
                : Optional.of(BrokenRule.of("aspectSheet.staleVersion",
                        current.version()));
    }

    /** Each entry's next sheet: the current marks with the aspect's mark replaced in place, or added at the end. */
    private static List<Change> changes(String aspectId, AspectSheetCommand sheet, Map<Long, Marked> current) {
        return sheet.marks().stream().map(mark -> {
            Marked marked = current.get(mark.registrationId());
            Sheet found = marked == null ? null : marked.sheet();
            List<MarkView> before = marked == null ? List.of() : marked.marks();
            List<MarkView> after = new ArrayList<>(before.stream()
                    .map(old -> old.aspectId().equals(aspectId) ? new MarkView(aspectId, mark.value()) : old)
                    .toList());
            if (before.stream().noneMatch(old -> old.aspectId().equals(aspectId))) {
                after.add(new MarkView(aspectId, mark.value()));
            }
            return new Change(mark.registrationId(), found, before, after);
        }).toList();
    }

    private static Answer<AspectSheetView> answer(long eventId, String aspectId, long judgeId,
                                                  AspectSheetCommand sheet, List<Sheet> stored) {
        List<AspectSheetView.EntryMarkView> marks = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            AspectSheetCommand.Mark mark = sheet.marks().get(i);
            marks.add(new AspectSheetView.EntryMarkView(mark.registrationId(), mark.value(),
                    stored.get(i).version()));
        }
        Sheet first = stored.get(0);
        // No single version or location: each mark carries its sheet's version, each sheet has its own address.
        return Answer.of(200, new AspectSheetView(eventId, aspectId, judgeId, marks, first.submittedAt(),
                first.submittedBy()), 0, null);
    }

    private static List<Long> registrationIds(AspectSheetCommand sheet) {
        return sheet.marks().stream().map(AspectSheetCommand.Mark::registrationId).distinct().toList();
    }

    private static String registrationAt(int index) {
        return "marks[" + index + "].registrationId";
    }

    private static String path(long eventId, String aspectId) {
        return "/api/events/" + eventId + "/aspects/" + aspectId + "/marks";
    }
}
