package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.Caller;
import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.result.EntryResults;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.shared.IdempotentRequests;
import io.jingsai.api.shared.IdempotentRequests.Answer;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/**
 * Deductions and disqualifications: recorded by a judge of the panel who may mark the entry, while the event is
 * MARKING ({@code Idempotency-Key} makes retries safe), and approved or rejected once by the event's chief judge.
 * Each record and each decision recomputes the entry's result and joins the event's audit chain in its transaction;
 * only approved ones count (see the result feature), a pending one holds the entry's result back.
 *
 * <p>Locks, in the order score sheets take them ({@link MarkingGuards}): the idempotency key, the event row shared,
 * the registration row, then the penalty row being decided, and last the head of the event's audit chain.
 */
@Service
class PenaltyService {

    private static final String COLUMNS = """
            id, event_id, registration_id, kind, aspect_id, points, reason, judge_id, recorded_at, recorded_by, status,
            decided_by_judge, decided_at, decided_by, decision_reason, version""";

    private final DatabaseClient database;
    private final EventRulebook rulebook;
    private final MarkingGuards guards;
    private final EntryResults results;
    private final IdempotentRequests idempotent;
    private final AuditTrail audit;
    private final Clock clock;

    PenaltyService(DatabaseClient database, EventRulebook rulebook, MarkingGuards guards, EntryResults results,
                   IdempotentRequests idempotent, AuditTrail audit, Clock clock) {
        this.database = database;
        this.rulebook = rulebook;
        this.guards = guards;
        this.results = results;
        this.idempotent = idempotent;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in judge's deduction or disqualification of the entry: 201, or the first answer again. */
    @Transactional
    Mono<Answer<PenaltyView>> record(long eventId, long registrationId, Caller caller, IdempotencyKey key,
                                     PenaltyCommand command) {
        String request = "POST /api/events/" + eventId + "/registrations/" + registrationId + "/penalties\n"
                + command.canonical();
        return idempotent.once(caller.accountId(), key, request, PenaltyView.class,
                Mono.defer(() -> accept(eventId, registrationId, caller, command)));
    }

    private Mono<Answer<PenaltyView>> accept(long eventId, long registrationId, Caller caller,
                                             PenaltyCommand command) {
        return guards.lockEvent(eventId)
                .flatMap(event -> guards.lockEntry(eventId, registrationId)
                        .flatMap(entryStatus -> guards.judgeOf(caller)
                                .flatMap(judgeId -> guards.requireMayMarkNow(event, registrationId, entryStatus,
                                                judgeId)
                                        .then(rulebook.rules(eventId, event.version()))
                                        .flatMap(rules -> write(rules, registrationId, judgeId, caller,
                                                command)))));
    }

    private Mono<Answer<PenaltyView>> write(EventRules rules, long registrationId, long judgeId, Caller caller,
                                            PenaltyCommand command) {
        List<FieldProblem> problems = PenaltyChecks.problems(rules, command);
        if (!problems.isEmpty()) {
            return Mono.error(new RejectedRequestException(problems));
        }
        Mono<Void> single = command.kind() == PenaltyKind.DISQUALIFICATION
                ? requireNotDisqualified(registrationId) : Mono.empty();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return single.then(insert(rules.eventId(), registrationId, judgeId, command,
                        PenaltyChecks.points(rules, command), now, caller.username()))
                .flatMap(penalty -> results.recompute(rules, registrationId)
                        .then(audit.record(AuditRecord.of(AuditChain.event(rules.eventId()), caller.username(),
                                "penalty.recorded", subject(penalty), null, state(penalty))
                                .because(penalty.reason())))
                        .thenReturn(Answer.of(201, penalty, penalty.version(), location(penalty))));
    }

    /** An entry has one disqualification at most, pending or approved; a rejected one leaves room for another. */
    private Mono<Void> requireNotDisqualified(long registrationId) {
        return database.sql("SELECT id FROM penalty WHERE registration_id = :id AND kind = 'DISQUALIFICATION' "
                        + "AND status <> 'REJECTED'")
                .bind("id", registrationId)
                .map(row -> row.get("id", Long.class))
                .first()
                .flatMap(existing -> Mono.error(new ConflictException("penalty.disqualifiedAlready",
                        registrationId, existing)));
    }

    /**
     * The chief judge approves or rejects a pending deduction or disqualification, while the event is MARKING; a
     * decision is made once (409 for a second).
     */
    @Transactional
    Mono<PenaltyView> decide(long eventId, long penaltyId, Caller caller, PenaltyDecision decision) {
        return guards.lockEvent(eventId)
                .map(MarkingGuards.LockedEvent::status)
                .flatMap(status -> find(eventId, penaltyId)
                        .flatMap(found -> guards.lockEntry(eventId, found.registrationId())
                                .then(guards.requireChiefJudge(eventId, caller))
                                .flatMap(chief -> requireMarking(eventId, status)
                                        .then(lockPending(penaltyId))
                                        .flatMap(pending -> decided(pending, chief, caller, decision)))));
    }

    private Mono<PenaltyView> decided(PenaltyView pending, long chief, Caller caller, PenaltyDecision decision) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PenaltyStatus outcome = PenaltyStatus.valueOf(decision.outcome().name());
        return database.sql("""
                        UPDATE penalty SET status = :status, decided_by_judge = :chief, decided_at = :now,
                                           decided_by = :by, decision_reason = :reason, version = version + 1
                        WHERE id = :id RETURNING""" + " " + COLUMNS)
                .bind("status", outcome.name()).bind("chief", chief).bind("now", now)
                .bind("by", caller.username())
                .bind("reason", Parameter.fromOrEmpty(decision.reason(), String.class))
                .bind("id", pending.id())
                .map((Readable row) -> view(row))
                .one()
                .flatMap(after -> rulebook.rules(after.eventId())
                        .flatMap(rules -> results.recompute(rules, after.registrationId()))
                        .then(audit.record(new AuditRecord(AuditChain.event(after.eventId()), caller.username(),
                                outcome == PenaltyStatus.APPROVED ? "penalty.approved" : "penalty.rejected",
                                subject(after), decision.reason(), state(pending), state(after))))
                        .thenReturn(after));
    }

    Mono<PenaltiesView> list(long eventId, Boolean pending) {
        String where = pending == null ? "" : pending ? " AND status = 'PENDING'" : " AND status <> 'PENDING'";
        return guards.requireEvent(eventId)
                .then(database.sql("SELECT " + COLUMNS + " FROM penalty WHERE event_id = :eventId" + where
                                + " ORDER BY id")
                        .bind("eventId", eventId)
                        .map((Readable row) -> view(row))
                        .all()
                        .collectList())
                .map(items -> new PenaltiesView(eventId, items));
    }

    Mono<PenaltyView> find(long eventId, long penaltyId) {
        return database.sql("SELECT " + COLUMNS + " FROM penalty WHERE id = :id AND event_id = :eventId")
                .bind("id", penaltyId).bind("eventId", eventId)
                .map((Readable row) -> view(row))
                .one()
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.penalty", penaltyId, eventId)));
    }

    private static Mono<Void> requireMarking(long eventId, EventStatus status) {
        return status == EventStatus.MARKING ? Mono.empty()
                : Mono.error(new ConflictException("penalty.notMarking", eventId, status));
    }

    private Mono<PenaltyView> lockPending(long penaltyId) {
        return database.sql("SELECT " + COLUMNS + " FROM penalty WHERE id = :id FOR UPDATE")
                .bind("id", penaltyId)
                .map((Readable row) -> view(row))
                .one()
                .flatMap(penalty -> penalty.status() == PenaltyStatus.PENDING ? Mono.just(penalty)
                        : Mono.error(new ConflictException("penalty.decided", penaltyId, penalty.status())));
    }

    private Mono<PenaltyView> insert(long eventId, long registrationId, long judgeId, PenaltyCommand command,
                                     BigDecimal points, Instant now, String by) {
        return database.sql("INSERT INTO penalty (event_id, registration_id, kind, aspect_id, points, reason, "
                        + "judge_id, recorded_at, recorded_by, status, version) VALUES (:eventId, :registrationId, "
                        + ":kind, :aspectId, :points, :reason, :judgeId, :now, :by, 'PENDING', 0) RETURNING "
                        + COLUMNS)
                .bind("eventId", eventId).bind("registrationId", registrationId)
                .bind("kind", command.kind().name())
                .bind("aspectId", Parameter.fromOrEmpty(command.kind() == PenaltyKind.DEDUCTION
                        ? command.aspectId() : null, String.class))
                .bind("points", Parameter.fromOrEmpty(points, BigDecimal.class))
                .bind("reason", command.reason()).bind("judgeId", judgeId).bind("now", now).bind("by", by)
                .map((Readable row) -> view(row))
                .one();
    }

    private static PenaltyView view(Readable row) {
        return new PenaltyView(row.get("id", Long.class), row.get("event_id", Long.class),
                row.get("registration_id", Long.class), PenaltyKind.valueOf(row.get("kind", String.class)),
                row.get("aspect_id", String.class), row.get("points", BigDecimal.class),
                row.get("reason", String.class), row.get("judge_id", Long.class),
                row.get("recorded_at", Instant.class), row.get("recorded_by", String.class),
                PenaltyStatus.valueOf(row.get("status", String.class)), row.get("decided_by_judge", Long.class),
                row.get("decided_at", Instant.class), row.get("decided_by", String.class),
                row.get("decision_reason", String.class), row.get("version", Long.class));
    }

    /** What the audit chain keeps of a penalty: enough to tell it, its figure and its state apart. */
    private static Map<String, Object> state(PenaltyView penalty) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("penaltyId", penalty.id());
        state.put("kind", penalty.kind());
        if (penalty.aspectId() != null) {
            state.put("aspectId", penalty.aspectId());
            state.put("points", penalty.points());
        }
        state.put("judgeId", penalty.judgeId());
        state.put("status", penalty.status());
        if (penalty.decidedByJudgeId() != null) {
            state.put("decidedByJudgeId", penalty.decidedByJudgeId());
        }
        state.put("version", penalty.version());
        return state;
    }

    private static String subject(PenaltyView penalty) {
        return "registration/" + penalty.registrationId();
    }

    static String location(PenaltyView penalty) {
        return "/api/events/" + penalty.eventId() + "/penalties/" + penalty.id();
    }
}
