package io.jingsai.api.judging;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.judging.MarkingGuards.EventForCaller;
import io.jingsai.api.judging.MarkingGuards.LockedEntry;
import io.jingsai.api.judging.MarkingGuards.LockedEvent;
import io.jingsai.api.judging.ScoreSheetView.MarkView;
import io.jingsai.api.judging.SheetStore.Sheet;
import io.jingsai.api.judging.SheetWriter.Change;
import io.jingsai.api.judging.SheetWriter.Writing;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.shared.IdempotentRequests;
import io.jingsai.api.shared.IdempotentRequests.Answer;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Mono;

/**
 * Judges' score sheets: all of one judge's marks for one entry, accepted in one transaction that also recomputes the
 * entry's result, records the change for other instances and appends the sheet to the event's audit chain. A sheet
 * is submitted once per judge and entry ({@code Idempotency-Key} makes retries safe) and then replaced, version by
 * version, naming the version replaced; every version's marks are kept. Once marking has closed, during public
 * review, only the event's chief judge changes a sheet: a correction, with a reason.
 *
 * <p>Locks, always in this order, so that writers never wait for each other in a circle: the idempotency key (a retry
 * waits for its first request), the event row shared (the event cannot leave MARKING while marks are written), the
 * registration row (one writer of an entry's marks and result at a time, so a result always sees every committed
 * mark), and last, briefly, the head of the event's audit chain.
 */
@Service
public class ScoreSheetService {

    static final String RESOURCE = "scoreSheet";

    private final DatabaseClient database;
    private final EventRulebook rulebook;
    private final MarkingGuards guards;
    private final SheetStore store;
    private final SheetWriter writer;
    private final IdempotentRequests idempotent;

    ScoreSheetService(DatabaseClient database, EventRulebook rulebook, MarkingGuards guards, SheetStore store,
                      SheetWriter writer, IdempotentRequests idempotent) {
        this.database = database;
        this.rulebook = rulebook;
        this.guards = guards;
        this.store = store;
        this.writer = writer;
        this.idempotent = idempotent;
    }

    /** The signed-in judge's first sheet for the entry: 201, or the first answer again for a retried key. */
    @Transactional
    public Mono<Answer<ScoreSheetView>> submit(long eventId, long registrationId, Caller caller, IdempotencyKey key,
                                        ScoreSheetCommand sheet) {
        String request = "POST " + sheets(eventId, registrationId) + "\n" + sheet.canonical();
        return idempotent.once(caller.accountId(), key, request, ScoreSheetView.class,
                Mono.defer(() -> accept(eventId, registrationId, caller, null, null, sheet)));
    }

    /** Replaces the judge's sheet, which must be at {@code expectedVersion}: 200, or the first answer again. */
    @Transactional
    public Mono<Answer<ScoreSheetView>> replace(long eventId, long registrationId, long judgeId, long expectedVersion,
                                         Caller caller, IdempotencyKey key, ScoreSheetCommand sheet) {
        String request = "PUT " + sheets(eventId, registrationId) + "/" + judgeId + "\nIf-Match: " + expectedVersion
                + "\n" + sheet.canonical();
        return idempotent.once(caller.accountId(), key, request, ScoreSheetView.class,
                Mono.defer(() -> accept(eventId, registrationId, caller, judgeId, expectedVersion, sheet)));
    }

    /** A judge's current sheet; judges read only their own, organizers and the chief judge every judge's. */
    Mono<ScoreSheetView> sheet(long eventId, long registrationId, long judgeId, Caller caller) {
        return programmeOf(eventId)
                .flatMap(programme -> requireEntry(eventId, registrationId)
                        .then(mayRead(caller, eventId, programme, judgeId)))
                .then(store.current(registrationId, judgeId))
                .switchIfEmpty(Mono.error(() -> notFound(judgeId, registrationId)))
                .map(current -> view(eventId, registrationId, judgeId, current));
    }

    /**
     * @param pathJudge       the judge the path names when replacing (null when submitting)
     * @param expectedVersion the version being replaced (null when submitting)
     */
    private Mono<Answer<ScoreSheetView>> accept(long eventId, long registrationId, Caller caller, Long pathJudge,
                                                Long expectedVersion, ScoreSheetCommand sheet) {
        return guards.lockEvent(eventId, caller)
                .flatMap(found -> guards.lockEntry(eventId, registrationId, found.judgeId())
                        .flatMap(entry -> found.event().status().compareTo(EventStatus.REVIEW) >= 0
                                && pathJudge != null
                                ? correction(found, registrationId, entry, caller, pathJudge, sheet)
                                : marking(found, registrationId, entry, pathJudge, sheet))
                        .flatMap(writing -> rulebook.rules(eventId, found.event().version())
                                .flatMap(rules -> write(rules, registrationId, writing, caller, expectedVersion,
                                        sheet))));
    }

    /** A judge marking during MARKING: only their own sheet, on the panel, not recused. */
    private Mono<Writing> marking(EventForCaller found, long registrationId, LockedEntry entry, Long pathJudge,
                                  ScoreSheetCommand sheet) {
        return MarkingGuards.judgeOf(found)
                .flatMap(judgeId -> requireOwnSheet(judgeId, pathJudge)
                        .then(MarkingGuards.requireMayMarkNow(found.event(), registrationId, entry, judgeId))
                        .thenReturn(new Writing(judgeId, "scoreSheet.replaced", sheet.reason())));
    }

    /**
     * After marking has closed, during public review and only then (published results are final): the event's chief
     * judge corrects a judge's sheet (a complaint upheld, an error found), giving a reason, for an entry they are not
     * recused from. Judges no longer change their sheets.
     */
    private Mono<Writing> correction(EventForCaller found, long registrationId, LockedEntry entry, Caller caller,
                                     long sheetJudge, ScoreSheetCommand sheet) {
        LockedEvent event = found.event();
        return Corrections.require(event, caller, sheet.reason())
                .then(MarkingGuards.judgeOf(found))
                .flatMap(chiefJudge -> MarkingGuards.requireSeated(event.id(), registrationId, chiefJudge,
                        entry.seat()))
                .then(MarkingGuards.requireCompeting(registrationId, entry.status()))
                .thenReturn(new Writing(sheetJudge, "scoreSheet.corrected", sheet.reason()));
    }

    private Mono<Answer<ScoreSheetView>> write(EventRules rules, long registrationId, Writing writing, Caller caller,
                                               Long expectedVersion, ScoreSheetCommand sheet) {
        List<FieldProblem> problems = MarkChecks.problems(rules, sheet.marks());
        if (!problems.isEmpty()) {
            return Mono.error(new RejectedRequestException(problems));
        }
        if (expectedVersion == null) {
            // Not read first: the insert itself finds a sheet the judge has submitted already (409).
            return saved(rules, registrationId, writing, caller,
                    new Change(registrationId, null, List.of(), marks(sheet)));
        }
        long judgeId = writing.judgeId();
        return store.current(registrationId, judgeId)
                .switchIfEmpty(Mono.error(() -> notFound(judgeId, registrationId)))
                .flatMap(current -> {
                    Versions.require(RESOURCE, judgeId, expectedVersion, current.sheet().version());
                    return saved(rules, registrationId, writing, caller,
                            new Change(registrationId, current.sheet(), current.marks(), marks(sheet)));
                });
    }

    /** The sheet's next version written, with the entry's result and the audit entry. */
    private Mono<Answer<ScoreSheetView>> saved(EventRules rules, long registrationId, Writing writing, Caller caller,
                                               Change change) {
        long eventId = rules.eventId();
        long judgeId = writing.judgeId();
        return writer.write(rules, writing, caller, List.of(change))
                .map(stored -> {
                    Sheet sheet = stored.get(0);
                    ScoreSheetView view = new ScoreSheetView(eventId, registrationId, judgeId, change.after(),
                            sheet.submittedAt(), sheet.submittedBy(), sheet.version());
                    return Answer.of(change.current() == null ? 201 : 200, view, view.version(),
                            sheets(eventId, registrationId) + "/" + judgeId);
                });
    }

    private static List<MarkView> marks(ScoreSheetCommand sheet) {
        return sheet.marks().stream().map(mark -> new MarkView(mark.aspectId(), mark.value())).toList();
    }

    // --- who may mark, and when ------------------------------------------------------------------------------------

    /** During marking a judge replaces only their own sheet. */
    private static Mono<Void> requireOwnSheet(long judgeId, Long pathJudge) {
        if (pathJudge != null && pathJudge != judgeId) {
            return Mono.error(AccessRefusedException.forbidden("scoreSheet.othersSheet", pathJudge));
        }
        return Mono.empty();
    }

    private Mono<Void> mayRead(Caller caller, long eventId, long programmeId, long judgeId) {
        if (caller.isAdmin() || caller.holdsOnEvent(eventId, programmeId, List.of(Role.ORGANIZER, Role.CHIEF_JUDGE))) {
            return Mono.empty();
        }
        return guards.linkedJudge(caller)
                .filter(own -> own == judgeId)
                .switchIfEmpty(Mono.error(() -> AccessRefusedException.forbidden("scoreSheet.othersSheet", judgeId)))
                .then();
    }

    // --- rows ----------------------------------------------------------------------------------------------------

    private Mono<Long> programmeOf(long eventId) {
        return database.sql("SELECT programme_id FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> row.get("programme_id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)));
    }

    private Mono<Void> requireEntry(long eventId, long registrationId) {
        return database.sql("SELECT 1 FROM registration WHERE id = :id AND event_id = :eventId")
                .bind("id", registrationId).bind("eventId", eventId)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.registration", registrationId,
                        eventId)))
                .then();
    }

    private static ScoreSheetView view(long eventId, long registrationId, long judgeId, SheetStore.Marked current) {
        Sheet sheet = current.sheet();
        return new ScoreSheetView(eventId, registrationId, judgeId, current.marks(), sheet.submittedAt(),
                sheet.submittedBy(), sheet.version());
    }

    private static NotFoundException notFound(long judgeId, long registrationId) {
        return NotFoundException.because("notFound.scoreSheet", judgeId, registrationId);
    }

    private static String sheets(long eventId, long registrationId) {
        return "/api/events/" + eventId + "/registrations/" + registrationId + "/score-sheets";
    }
}
