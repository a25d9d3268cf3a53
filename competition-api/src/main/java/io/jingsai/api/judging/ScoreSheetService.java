package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.judging.MarkingGuards.LockedEvent;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.result.EntryResults;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
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
    private final EntryResults results;
    private final IdempotentRequests idempotent;
    private final AuditTrail audit;
    private final Clock clock;

    ScoreSheetService(DatabaseClient database, EventRulebook rulebook, MarkingGuards guards, EntryResults results,
                      IdempotentRequests idempotent, AuditTrail audit, Clock clock) {
        this.database = database;
        this.rulebook = rulebook;
        this.guards = guards;
        this.results = results;
        this.idempotent = idempotent;
        this.audit = audit;
        this.clock = clock;
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
                .then(current(registrationId, judgeId))
                .switchIfEmpty(Mono.error(() -> notFound(judgeId, registrationId)))
                .flatMap(current -> view(eventId, registrationId, judgeId, current));
    }

    /**
     * @param pathJudge       the judge the path names when replacing (null when submitting)
     * @param expectedVersion the version being replaced (null when submitting)
     */
    private Mono<Answer<ScoreSheetView>> accept(long eventId, long registrationId, Caller caller, Long pathJudge,
                                                Long expectedVersion, ScoreSheetCommand sheet) {
        return guards.lockEvent(eventId)
                .flatMap(event -> guards.lockEntry(eventId, registrationId)
                        .flatMap(entryStatus -> event.status().compareTo(EventStatus.REVIEW) >= 0 && pathJudge != null
                                ? correction(event, registrationId, entryStatus, caller, pathJudge, sheet)
                                : marking(event, registrationId, entryStatus, caller, pathJudge, sheet)))
                .flatMap(writing -> rulebook.rules(eventId)
                        .flatMap(rules -> write(rules, registrationId, writing, caller, expectedVersion, sheet)));
    }

    /**
     * Who writes a sheet, whose sheet it is, and as what.
     *
     * @param judgeId the judge whose sheet it is
     * @param action  how the audit chain names the change when the sheet exists already
     */
    private record Writing(long judgeId, String action, String reason) {
    }

    /** A judge marking during MARKING: only their own sheet, on the panel, not recused. */
    private Mono<Writing> marking(LockedEvent event, long registrationId, RegistrationStatus entryStatus,
                                  Caller caller, Long pathJudge, ScoreSheetCommand sheet) {
        return guards.judgeOf(caller)
                .flatMap(judgeId -> requireOwnSheet(judgeId, pathJudge)
                        .then(guards.requireMayMarkNow(event, registrationId, entryStatus, judgeId))
                        .thenReturn(new Writing(judgeId, "scoreSheet.replaced", sheet.reason())));
    }

    /**
     * After marking has closed, during public review and only then (published results are final): the event's chief
     * judge corrects a judge's sheet (a complaint upheld, an error found), giving a reason, for an entry they are not
     * recused from. Judges no longer change their sheets.
     */
    private Mono<Writing> correction(LockedEvent event, long registrationId, RegistrationStatus entryStatus,
                                     Caller caller, long sheetJudge, ScoreSheetCommand sheet) {
        return Corrections.require(event, caller, sheet.reason())
                .then(guards.judgeOf(caller))
                .flatMap(chiefJudge -> guards.requireMayMark(event.id(), registrationId, chiefJudge))
                .then(MarkingGuards.requireCompeting(registrationId, entryStatus))
                .thenReturn(new Writing(sheetJudge, "scoreSheet.corrected", sheet.reason()));
    }

    private Mono<Answer<ScoreSheetView>> write(EventRules rules, long registrationId, Writing writing, Caller caller,
                                               Long expectedVersion, ScoreSheetCommand sheet) {
        List<FieldProblem> problems = MarkChecks.problems(rules, sheet.marks());
        if (!problems.isEmpty()) {
            return Mono.error(new RejectedRequestException(problems));
        }
        long eventId = rules.eventId();
        long judgeId = writing.judgeId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return current(registrationId, judgeId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> {
                    if (expectedVersion == null && current.isPresent()) {
                        return Mono.error(new ConflictException("scoreSheet.exists", judgeId, registrationId,
                                current.get().version()));
                    }
                    if (expectedVersion != null && current.isEmpty()) {
                        return Mono.error(notFound(judgeId, registrationId));
                    }
                    if (current.isPresent()) {
                        Versions.require(RESOURCE, judgeId, expectedVersion, current.get().version());
                        return update(current.get(), now, caller.username())
                                .flatMap(stored -> saved(rules, registrationId, writing, caller, current.get(),
                                        stored, sheet, 200));
                    }
                    return insert(eventId, registrationId, judgeId, now, caller.username())
                            .flatMap(stored -> saved(rules, registrationId, writing, caller, null, stored, sheet,
                                    201));
                });
    }

    /** The sheet's marks, the entry's result and the audit entry, once the sheet row is at its new version. */
    private Mono<Answer<ScoreSheetView>> saved(EventRules rules, long registrationId, Writing writing, Caller caller,
                                               Sheet before, Sheet stored, ScoreSheetCommand sheet, int status) {
        long eventId = rules.eventId();
        long judgeId = writing.judgeId();
        List<ScoreSheetView.MarkView> marks = sheet.marks().stream()
                .map(mark -> new ScoreSheetView.MarkView(mark.aspectId(), mark.value())).toList();
        ScoreSheetView view = new ScoreSheetView(eventId, registrationId, judgeId, marks, stored.submittedAt(),
                stored.submittedBy(), stored.version());
        Mono<Map<String, Object>> previous = before == null ? Mono.empty()
                : marksOf(before).map(old -> state(judgeId, before.version(), old));
        return insertMarks(stored, marks)
                .then(results.recompute(rules, registrationId))
                .then(previous.map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(old -> audit.record(new AuditRecord(AuditChain.event(eventId), caller.username(),
                        before == null ? "scoreSheet.submitted" : writing.action(),
                        "registration/" + registrationId, writing.reason(), old.orElse(null),
                        state(judgeId, stored.version(), marks))))
                .thenReturn(Answer.of(status, view, view.version(),
                        sheets(eventId, registrationId) + "/" + judgeId));
    }

    private static Map<String, Object> state(long judgeId, long version, List<ScoreSheetView.MarkView> marks) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        marks.forEach(mark -> values.put(mark.aspectId(), mark.value()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("judgeId", judgeId);
        state.put("version", version);
        state.put("marks", values);
        return state;
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

    private record Sheet(long id, long version, Instant submittedAt, String submittedBy) {
    }

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

    private Mono<Sheet> current(long registrationId, long judgeId) {
        return database.sql("SELECT id, version, submitted_at, submitted_by FROM score_sheet "
                        + "WHERE registration_id = :registrationId AND judge_id = :judgeId")
                .bind("registrationId", registrationId).bind("judgeId", judgeId)
                .map(row -> new Sheet(row.get("id", Long.class), row.get("version", Long.class),
                        row.get("submitted_at", Instant.class), row.get("submitted_by", String.class)))
                .one();
    }

    private Mono<Sheet> insert(long eventId, long registrationId, long judgeId, Instant now, String by) {
        return database.sql("""
                        INSERT INTO score_sheet (event_id, registration_id, judge_id, version, submitted_at,
                                                 submitted_by)
                        VALUES (:eventId, :registrationId, :judgeId, 0, :now, :by) RETURNING id""")
                .bind("eventId", eventId).bind("registrationId", registrationId).bind("judgeId", judgeId)
                .bind("now", now).bind("by", by)
                .map(row -> new Sheet(row.get("id", Long.class), 0, now, by))
                .one();
    }

    private Mono<Sheet> update(Sheet current, Instant now, String by) {
        return database.sql("UPDATE score_sheet SET version = version + 1, submitted_at = :now, submitted_by = :by "
                        + "WHERE id = :id AND version = :version RETURNING version")
                .bind("now", now).bind("by", by).bind("id", current.id()).bind("version", current.version())
                .map(row -> new Sheet(current.id(), row.get("version", Long.class), now, by))
                .one()
                .switchIfEmpty(Mono.error(() -> new ConflictException("scoreSheet.changedMeanwhile")));
    }

    private Mono<Void> insertMarks(Sheet sheet, List<ScoreSheetView.MarkView> marks) {
        return database.sql("""
                        INSERT INTO mark (sheet_id, sheet_version, position, aspect_id, value)
                        SELECT :sheetId, :version, m.position, m.aspect_id, CAST(m.value AS NUMERIC)
                        FROM unnest(CAST(:aspects AS TEXT[]), CAST(:values AS TEXT[]))
                             WITH ORDINALITY AS m (aspect_id, value, position)""")
                .bind("sheetId", sheet.id()).bind("version", sheet.version())
                .bind("aspects", marks.stream().map(ScoreSheetView.MarkView::aspectId).toArray(String[]::new))
                .bind("values", marks.stream().map(mark -> mark.value().toPlainString()).toArray(String[]::new))
                .then();
    }

    private Mono<List<ScoreSheetView.MarkView>> marksOf(Sheet sheet) {
        return database.sql("SELECT aspect_id, value FROM mark WHERE sheet_id = :id AND sheet_version = :version "
                        + "ORDER BY position")
                .bind("id", sheet.id()).bind("version", sheet.version())
                .map(row -> new ScoreSheetView.MarkView(row.get("aspect_id", String.class),
                        row.get("value", BigDecimal.class)))
                .all()
                .collectList();
    }

    private Mono<ScoreSheetView> view(long eventId, long registrationId, long judgeId, Sheet sheet) {
        return marksOf(sheet).map(marks -> new ScoreSheetView(eventId, registrationId, judgeId, marks,
                sheet.submittedAt(), sheet.submittedBy(), sheet.version()));
    }

    private static NotFoundException notFound(long judgeId, long registrationId) {
        return NotFoundException.because("notFound.scoreSheet", judgeId, registrationId);
    }

    private static String sheets(long eventId, long registrationId) {
        return "/api/events/" + eventId + "/registrations/" + registrationId + "/score-sheets";
    }
}
