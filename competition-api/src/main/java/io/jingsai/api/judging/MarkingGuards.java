package io.jingsai.api.judging;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

import io.jingsai.api.account.Caller;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.NotFoundException;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/**
 * Who may write what judges and officials write about an entry (score sheets, deductions, disqualifications, records),
 * and when, with the locks every such write takes, always in this order so that writers never wait for each other in
 * a circle: the event row shared (the event's status cannot change meanwhile), then the registration row (one writer
 * of an entry's marks, records and result at a time, so that a result always sees every committed input).
 */
@Component
class MarkingGuards {

    /** Whether the judge {@code :judgeId} sits on the panel of the event {@code :eventId}. */
    private static final String MEMBER = "EXISTS (SELECT 1 FROM panel_member WHERE event_id = :eventId "
            + "AND judge_id = :judgeId)";

    private final DatabaseClient database;
    private final Recusals recusals;
    private final PanelPlans plans;

    MarkingGuards(DatabaseClient database, Recusals recusals, PanelPlans plans) {
        this.database = database;
        this.recusals = recusals;
        this.plans = plans;
    }

    /**
     * The event as its writers see it, locked until the transaction ends.
     *
     * @param version the event row's version, whose rules stay those to score with while the lock is held
     */
    record LockedEvent(long id, long programmeId, EventStatus status, long version) {
    }

    /** The locked event with the registry judge the caller is, if any (an administrator, say, is none). */
    record EventForCaller(LockedEvent event, Optional<Long> judgeId) {
    }

    /**
     * Locks the event shared and reads whom the caller judges as, in one statement (one round trip fewer for every
     * score sheet). The account's judge is read without a lock, as {@link #linkedJudge} reads it.
     */
    private static final String LOCK_EVENT = """
            SELECT e.programme_id, e.status, e.version, (SELECT a.judge_id FROM account a WHERE a.id = :account)
                   AS judge_id
            FROM event e WHERE e.id = :id FOR SHARE OF e""";

    /** Shared: many judges mark at once, while a change of the event's status waits for them. */
    Mono<LockedEvent> lockEvent(long eventId) {
        return lockEvent(eventId, null).map(EventForCaller::event);
    }

    /** As {@link #lockEvent(long)}, with the registry judge the caller is (a caller of null: none). */
    Mono<EventForCaller> lockEvent(long eventId, Caller caller) {
        return database.sql(LOCK_EVENT).bind("id", eventId)
                .bind("account", Parameter.fromOrEmpty(caller == null ? null : caller.accountId(), Long.class))
                .map(row -> new EventForCaller(new LockedEvent(eventId, row.get("programme_id", Long.class),
                        EventStatus.valueOf(row.get("status", String.class)), row.get("version", Long.class)),
                        Optional.ofNullable(row.get("judge_id", Long.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)));
    }

    /** 404 unless the event exists; takes no lock (for reads). */
    Mono<Void> requireEvent(long eventId) {
        return database.sql("SELECT 1 FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .then();
    }

    /** Not a key update: rows that refer to the registration may still be written by others meanwhile. */
    Mono<RegistrationStatus> lockEntry(long eventId, long registrationId) {
        return database.sql("SELECT status FROM registration WHERE id = :id AND event_id = :eventId "
                        + "FOR NO KEY UPDATE")
                .bind("id", registrationId).bind("eventId", eventId)
                .map(row -> RegistrationStatus.valueOf(row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> notFound(eventId, registrationId)));
    }

    /**
     * The entry locked as {@link #lockEntry} locks it, with where a judge sits to mark it (read in the same
     * statement, under the same locks as {@link #requireMayMark} reads them).
     *
     * @param seat null when there is no judge to seat
     */
    record LockedEntry(RegistrationStatus status, Seat seat) {
    }

    /** As {@link #lockEntry}, with the judge's {@link Seat} for the entry when {@code judgeId} is present. */
    Mono<LockedEntry> lockEntry(long eventId, long registrationId, Optional<Long> judgeId) {
        return database.sql("SELECT r.status, " + SEAT + " FROM registration r "
                        + "WHERE r.id = :registrationId AND r.event_id = :eventId FOR NO KEY UPDATE OF r")
                .bind("registrationId", registrationId).bind("eventId", eventId)
                .bind("judgeId", Parameter.fromOrEmpty(judgeId.orElse(null), Long.class))
                .map(row -> new LockedEntry(RegistrationStatus.valueOf(row.get("status", String.class)),
                        judgeId.isEmpty() ? null : seat(row)))
                .one()
                .switchIfEmpty(Mono.error(() -> notFound(eventId, registrationId)));
    }

    private static NotFoundException notFound(long eventId, long registrationId) {
        return NotFoundException.because("notFound.registration", registrationId, eventId);
    }

    /**
     * Many entries of the event, each locked as {@link #lockEntry} locks one, in the order of their ids, so that
     * writers of overlapping sets of entries never wait for each other in a circle; completes with the status of each
     * entry found, by registration (ids of no entry of the event are left out).
     */
    Mono<Map<Long, RegistrationStatus>> lockEntries(long eventId, Collection<Long> registrationIds) {
        return database.sql("SELECT id, status FROM registration WHERE event_id = :eventId "
                        + "AND id = ANY(CAST(:ids AS BIGINT[])) ORDER BY id FOR NO KEY UPDATE")
                .bind("eventId", eventId).bind("ids", registrationIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class),
                        RegistrationStatus.valueOf(row.get("status", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The registry judge the account is; an account linked to no judge (an administrator, say) never marks. */
    Mono<Long> judgeOf(Caller caller) {
        return linkedJudge(caller).switchIfEmpty(Mono.error(MarkingGuards::notAJudge));
    }

    /** As {@link #judgeOf(Caller)}, with the judge read when the event was locked. */
    static Mono<Long> judgeOf(EventForCaller found) {
        return Mono.justOrEmpty(found.judgeId()).switchIfEmpty(Mono.error(MarkingGuards::notAJudge));
    }

    private static AccessRefusedException notAJudge() {
        return AccessRefusedException.forbidden("scoreSheet.notAJudge");
    }

    /** The registry judge the account is, or empty for an account linked to no judge. */
    Mono<Long> linkedJudge(Caller caller) {
        return database.sql("SELECT judge_id FROM account WHERE id = :id").bind("id", caller.accountId())
                .map(row -> Optional.ofNullable(row.get("judge_id", Long.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    /**
     * Where a judge sits to mark an entry: on the event's panel, kept off the entry by the event's automatic
     * assignment, recused from it.
     */
    record Seat(boolean member, boolean keptOff, boolean recused) {
    }

    /** The columns of a {@link Seat} of the judge {@code :judgeId} for the entry {@code :registrationId}. */
    private static final String SEAT = MEMBER + " AS member, " + PanelPlans.KEPT_OFF + " AS kept_off, "
            + Recusals.RECUSED + " AS recused";

    private static Seat seat(Readable row) {
        return new Seat(Boolean.TRUE.equals(row.get("member", Boolean.class)),
                Boolean.TRUE.equals(row.get("kept_off", Boolean.class)),
                Boolean.TRUE.equals(row.get("recused", Boolean.class)));
    }

    /**
     * On the event's panel (403 otherwise), given the entry by the event's automatic assignment if it has one and the
     * judge is not its chief judge ({@link PanelPlans}; 403), and not recused from the entry (403).
     */
    Mono<Void> requireMayMark(long eventId, long registrationId, long judgeId) {
        return database.sql("SELECT " + SEAT)
                .bind("eventId", eventId).bind("judgeId", judgeId).bind("registrationId", registrationId)
                .map(MarkingGuards::seat)
                .one()
                .flatMap(seat -> requireSeated(eventId, registrationId, judgeId, seat));
    }

    /** As {@link #requireMayMark}, with the judge's seat read already. */
    static Mono<Void> requireSeated(long eventId, long registrationId, long judgeId, Seat seat) {
        if (!seat.member()) {
            return Mono.error(AccessRefusedException.forbidden("scoreSheet.notOnPanel", judgeId, eventId));
        }
        if (seat.keptOff()) {
            return Mono.error(AccessRefusedException.forbidden("scoreSheet.notAssigned", judgeId, registrationId));
        }
        return seat.recused()
                ? Mono.error(AccessRefusedException.forbidden("scoreSheet.recused", judgeId, registrationId))
                : Mono.empty();
    }

    /** The signed-in account's registry judge, on the event's panel: 403 for anyone else. */
    Mono<Long> panelJudgeOf(long eventId, Caller caller) {
        return judgeOf(caller).flatMap(judgeId -> requireOnPanel(eventId, judgeId).thenReturn(judgeId));
    }

    private Mono<Void> requireOnPanel(long eventId, long judgeId) {
        return database.sql("SELECT " + MEMBER + " AS member")
                .bind("eventId", eventId).bind("judgeId", judgeId)
                .map(row -> Boolean.TRUE.equals(row.get("member", Boolean.class)))
                .one()
                .flatMap(member -> member ? Mono.<Void>empty()
                        : Mono.error(AccessRefusedException.forbidden("scoreSheet.notOnPanel", judgeId, eventId)));
    }

    /**
     * The judge may mark the entry now: on the panel and not recused (403), the event MARKING and the entry competing
     * (409).
     */
    Mono<Void> requireMayMarkNow(LockedEvent event, long registrationId, RegistrationStatus entryStatus,
                                 long judgeId) {
        return requireMayMark(event.id(), registrationId, judgeId)
                .then(requireOpen(event.id(), registrationId, event.status(), entryStatus));
    }

    /** As {@link #requireMayMarkNow}, with the entry locked and the judge's seat read already. */
    static Mono<Void> requireMayMarkNow(LockedEvent event, long registrationId, LockedEntry entry, long judgeId) {
        return requireSeated(event.id(), registrationId, judgeId, entry.seat())
                .then(requireOpen(event.id(), registrationId, event.status(), entry.status()));
    }

    /** Those of these entries of the event that the judge may not mark (recused: own enterprise or declared). */
    Mono<Set<Long>> recusedAmong(long eventId, long judgeId, Collection<Long> registrationIds) {
        return recusals.recusedAmong(eventId, judgeId, registrationIds);
    }

    /** Those of these entries that the event's automatic assignment, if it has one, does not give the judge. */
    Mono<Set<Long>> unassignedAmong(long eventId, long judgeId, Collection<Long> registrationIds) {
        return plans.entriesOf(eventId, judgeId).map(assigned -> assigned
                .map(given -> registrationIds.stream().filter(id -> !given.contains(id)).collect(Collectors.toSet()))
                .orElse(Set.of()));
    }

    /** The event is MARKING and the entry competes (neither withdrawn nor absent): 409 otherwise. */
    private static Mono<Void> requireOpen(long eventId, long registrationId, EventStatus status,
                                  RegistrationStatus entryStatus) {
        return requireMarking(eventId, status).then(requireCompeting(registrationId, entryStatus));
    }

    /** The event is MARKING: 409 otherwise. */
    static Mono<Void> requireMarking(long eventId, EventStatus status) {
        return status == EventStatus.MARKING ? Mono.empty()
                : Mono.error(new ConflictException("scoreSheet.notMarking", eventId, status));
    }

    /** The entry competes: neither withdrawn nor absent (409). */
    static Mono<Void> requireCompeting(long registrationId, RegistrationStatus entryStatus) {
        return Mono.justOrEmpty(notCompeting(entryStatus))
                .flatMap(rule -> Mono.error(new ConflictException(rule, registrationId)));
    }

    /** Why an entry takes no marks, deductions or disqualification, if it takes none: withdrawn or absent. */
    static Optional<String> notCompeting(RegistrationStatus entryStatus) {
        return switch (entryStatus) {
            case WITHDRAWN -> Optional.of("scoreSheet.entryWithdrawn");
            case ABSENT -> Optional.of("scoreSheet.entryAbsent");
            default -> Optional.empty();
        };
    }

    /** The event's chief judge, as the signed-in account's registry judge; 403 for anyone else. */
    Mono<Long> requireChiefJudge(long eventId, Caller caller) {
        return database.sql("""
                        SELECT p.judge_id FROM account a
                        JOIN panel_member p ON p.judge_id = a.judge_id AND p.event_id = :eventId
                                           AND p.role = 'CHIEF_JUDGE'
                        WHERE a.id = :account""")
                .bind("eventId", eventId).bind("account", caller.accountId())
                .map(row -> row.get("judge_id", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> AccessRefusedException.forbidden("penalty.notChiefJudge", eventId)));
    }
}
