package io.jingsai.api.judging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Mono;

/**
 * An event's panel: who judges it, who is its chief judge, and the conflicts judges declare. The panel may change
 * until marking closes (a judge falls ill during marking and is replaced); every change joins the event's audit
 * chain. The event row is locked while the panel changes, so two changes never cross a status change.
 */
@Service
public class PanelService {

    static final String RESOURCE = "panelMember";
    private static final List<String> PANEL_OPEN = List.of("DRAFT", "OPEN", "MARKING");

    private final DatabaseClient database;
    private final Recusals recusals;
    private final AuditTrail audit;
    private final Clock clock;

    PanelService(DatabaseClient database, Recusals recusals, AuditTrail audit, Clock clock) {
        this.database = database;
        this.recusals = recusals;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<PanelView> panel(long eventId) {
        return requireEvent(eventId).then(Mono.zip(members(eventId), recusalCounts(eventId)))
                .map(found -> view(eventId, found.getT1(), found.getT2()));
    }

    /** The event's recusals; only one judge's when {@code judgeId} is given. */
    Mono<List<RecusalView>> recusals(long eventId, Long judgeId) {
        return requireEvent(eventId).thenMany(recusals.of(eventId))
                .filter(recusal -> judgeId == null || recusal.judgeId() == judgeId)
                .collectList();
    }

    Mono<PanelMemberView> member(long eventId, long judgeId) {
        return requireEvent(eventId).then(panel(eventId))
                .flatMap(panel -> Mono.justOrEmpty(panel.members().stream()
                        .filter(member -> member.judgeId() == judgeId).findFirst()))
                .switchIfEmpty(Mono.error(() -> notMember(eventId, judgeId)));
    }

    /** Puts a judge on the panel; a judge already on it is a conflict (change the role instead). */
    @Transactional
    public Mono<PanelMemberView> assign(long eventId, PanelAssignment assignment, String by) {
        long judgeId = assignment.judgeId();
        return lockOpenPanel(eventId)
                .then(requireJudge(judgeId))
                .then(current(eventId, judgeId))
                .flatMap(current -> current.isPresent()
                        ? Mono.<Void>error(new ConflictException("panel.alreadyMember", judgeId, eventId))
                        : Mono.<Void>empty())
                .then(assignment.role() == PanelRole.CHIEF_JUDGE ? requireNoOtherChief(eventId, judgeId) : Mono.empty())
                .then(insert(eventId, judgeId, assignment.role(), by))
                .then(audited(eventId, by, "panel.assigned", "judge/" + judgeId, null, role(assignment.role())))
                .onErrorMap(DuplicateKeyException.class, e -> race(e, eventId, judgeId))
                .then(member(eventId, judgeId));
    }

    /** Changes a member's role; the version must be the one read. */
    @Transactional
    Mono<PanelMemberView> changeRole(long eventId, long judgeId, long expectedVersion, RoleChange change, String by) {
        return lockOpenPanel(eventId)
                .then(requireMember(eventId, judgeId, expectedVersion))
                .flatMap(current -> (change.role() == PanelRole.CHIEF_JUDGE
                        ? requireNoOtherChief(eventId, judgeId) : Mono.<Void>empty())
                        .then(database.sql("UPDATE panel_member SET role = :role, version = version + 1 "
                                        + "WHERE event_id = :eventId AND judge_id = :judgeId")
                                .bind("role", change.role().name()).bind("eventId", eventId).bind("judgeId", judgeId)
                                .then())
                        .then(audited(eventId, by, "panel.roleChanged", "judge/" + judgeId, role(current.role()),
                                role(change.role()))))
                .onErrorMap(DuplicateKeyException.class, e -> race(e, eventId, judgeId))
                .then(member(eventId, judgeId));
    }

    @Transactional
    Mono<Void> remove(long eventId, long judgeId, long expectedVersion, String by) {
        return lockOpenPanel(eventId)
                .then(requireMember(eventId, judgeId, expectedVersion))
                .flatMap(current -> database.sql("DELETE FROM panel_member WHERE event_id = :eventId AND judge_id = :judgeId")
                        .bind("eventId", eventId).bind("judgeId", judgeId).then()
                        .then(audited(eventId, by, "panel.removed", "judge/" + judgeId, role(current.role()), null)));
    }

    @Transactional
    Mono<RecusalView> declareConflict(long eventId, long judgeId, ConflictDeclaration declaration, String by) {
        long registrationId = declaration.registrationId();
        return lockOpenPanel(eventId)
                .then(current(eventId, judgeId))
                .flatMap(current -> current.isPresent() ? Mono.<Void>empty() : Mono.<Void>error(notMember(eventId, judgeId)))
                .then(registrationNumber(eventId, registrationId))
                .flatMap(number -> database.sql("""
                                INSERT INTO declared_conflict (event_id, judge_id, registration_id, reason, declared_at,
                                                               declared_by)
                                VALUES (:eventId, :judgeId, :registrationId, :reason, :now, :by)""")
                        .bind("eventId", eventId).bind("judgeId", judgeId).bind("registrationId", registrationId)
                        .bind("reason", declaration.reason()).bind("now", clock.instant()).bind("by", by)
                        .then()
                        .then(audit.record(AuditRecord.of(AuditChain.event(eventId), by, "panel.conflictDeclared",
                                "registration/" + registrationId, null, Map.of("judgeId", judgeId))
                                .because(declaration.reason())))
                        .thenReturn(new RecusalView(judgeId, registrationId, number, RecusalCause.DECLARED,
                                declaration.reason())))
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException("panel.conflictAlreadyDeclared", judgeId, registrationId));
    }

    /** Recorded in the event's chain; the record is made when the act is, after the event was found. */
    private Mono<Void> audited(long eventId, String by, String action, String subject, Object before, Object after) {
        return Mono.defer(() -> audit.record(AuditRecord.of(AuditChain.event(eventId), by, action, subject, before,
                after)));
    }

    private Mono<Void> insert(long eventId, long judgeId, PanelRole role, String by) {
        return database.sql("""
                        INSERT INTO panel_member (event_id, judge_id, role, assigned_at, assigned_by)
                        VALUES (:eventId, :judgeId, :role, :now, :by)""")
                .bind("eventId", eventId).bind("judgeId", judgeId).bind("role", role.name())
                .bind("now", clock.instant()).bind("by", by)
                .then();
    }

    private Mono<Void> lockOpenPanel(long eventId) {
        return database.sql("SELECT status FROM event WHERE id = :id FOR UPDATE")
                .bind("id", eventId)
                .map(row -> row.get("status", String.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .flatMap(status -> PANEL_OPEN.contains(status) ? Mono.empty()
                        : Mono.error(new ConflictException("panel.closed", eventId, status)));
    }

    private Mono<Void> requireEvent(long eventId) {
        return database.sql("SELECT 1 FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> 1).one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .then();
    }

    private Mono<Void> requireJudge(long judgeId) {
        return database.sql("SELECT 1 FROM judge WHERE id = :id").bind("id", judgeId)
                .map(row -> 1).one()
                .switchIfEmpty(Mono.error(() -> new RejectedRequestException(List.of(
                        ExistingReferences.missing("judgeId", "judge", judgeId)))))
                .then();
    }

    private record Membership(PanelRole role, long version) {
    }

    private Mono<Optional<Membership>> current(long eventId, long judgeId) {
        return database.sql("SELECT role, version FROM panel_member WHERE event_id = :eventId AND judge_id = :judgeId")
                .bind("eventId", eventId).bind("judgeId", judgeId)
                .map(row -> new Membership(PanelRole.valueOf(row.get("role", String.class)),
                        row.get("version", Long.class)))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Membership> requireMember(long eventId, long judgeId, long expectedVersion) {
        return current(eventId, judgeId)
                .flatMap(current -> Mono.justOrEmpty(current))
                .switchIfEmpty(Mono.error(() -> notMember(eventId, judgeId)))
                .doOnNext(current -> Versions.require(RESOURCE, judgeId, expectedVersion, current.version()));
    }

    private static ConflictException race(DuplicateKeyException e, long eventId, long judgeId) {
        return String.valueOf(e.getMessage()).contains("panel_member_one_chief")
                ? new ConflictException("panel.chiefRace", eventId)
                : new ConflictException("panel.alreadyMember", judgeId, eventId);
    }

    private Mono<Void> requireNoOtherChief(long eventId, long judgeId) {
        return database.sql("SELECT judge_id FROM panel_member WHERE event_id = :eventId AND role = 'CHIEF_JUDGE'")
                .bind("eventId", eventId)
                .map(row -> row.get("judge_id", Long.class))
                .one()
                .filter(chief -> chief != judgeId)
                .flatMap(chief -> Mono.error(new ConflictException("panel.chiefTaken", eventId, chief)));
    }

    private Mono<Integer> registrationNumber(long eventId, long registrationId) {
        return database.sql("SELECT registration_number FROM registration WHERE id = :id AND event_id = :eventId")
                .bind("id", registrationId).bind("eventId", eventId)
                .map(row -> row.get("registration_number", Integer.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new RejectedRequestException(List.of(
                        ExistingReferences.missing("registrationId", "registration", registrationId)))));
    }

    private Mono<List<PanelMemberView>> members(long eventId) {
        return database.sql("""
                        SELECT pm.judge_id, j.name, pm.role, pm.assigned_at, pm.assigned_by, pm.version
                        FROM panel_member pm JOIN judge j ON j.id = pm.judge_id
                        WHERE pm.event_id = :eventId ORDER BY pm.assigned_at, pm.id""")
                .bind("eventId", eventId)
                .map(row -> new PanelMemberView(row.get("judge_id", Long.class), row.get("name", String.class),
                        PanelRole.valueOf(row.get("role", String.class)),
                        row.get("assigned_at", java.time.Instant.class), row.get("assigned_by", String.class), 0,
                        row.get("version", Long.class)))
                .all()
                .collectList();
    }

    private Mono<Map<Long, Long>> recusalCounts(long eventId) {
        return recusals.of(eventId).collect(Collectors.groupingBy(RecusalView::judgeId, Collectors.counting()));
    }

    private static PanelView view(long eventId, List<PanelMemberView> members, Map<Long, Long> recused) {
        List<PanelMemberView> counted = members.stream()
                .map(member -> member.withRecusals(recused.getOrDefault(member.judgeId(), 0L)))
                .toList();
        Long chief = counted.stream().filter(m -> m.role() == PanelRole.CHIEF_JUDGE).map(PanelMemberView::judgeId)
                .findFirst().orElse(null);
        return new PanelView(eventId, chief, counted);
    }

    private static Map<String, String> role(PanelRole role) {
        return Map.of("role", role.name());
    }

    private static NotFoundException notMember(long eventId, long judgeId) {
        return NotFoundException.because("notFound.panelMember", judgeId, eventId);
    }
}
