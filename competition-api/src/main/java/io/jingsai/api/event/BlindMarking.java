package io.jingsai.api.event;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Mono;

/**
 * Blind marking (工位号加密): while an event is blind and its identities are not revealed, its judges — the chief
 * judge too — read its entries by station number only; organizers and administrators always see who is behind each
 * station. Every feature that shows judges something about entries asks {@link #hidesIdentitiesFrom} and leaves
 * out names, enterprises, registration numbers and the contestant or team behind an entry. The event's chief judge
 * reveals identities once marking has closed; the reveal is final and joins the event's audit chain.
 */
@Component
public class BlindMarking {

    private final EventRepository events;
    private final VersionedRows<EventRow> rows;
    private final AuditTrail audit;
    private final Clock clock;

    BlindMarking(EventRepository events, AuditTrail audit, Clock clock) {
        this.events = events;
        this.rows = new VersionedRows<>(EventService.RESOURCE, events, EventRow::version);
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whether the event's judges see its entries by station number only now: it is blind and its identities are not
     * revealed. 404 for no such event.
     */
    public Mono<Boolean> hidesIdentities(long eventId) {
        return rows.load(eventId).map(EventRow::hidesIdentities);
    }

    /**
     * Whether this caller must see the event's entries by station number only now: the event is blind, not revealed,
     * and the caller is neither an administrator nor an organizer of its programme. 404 for no such event; a request
     * without a caller is told nothing.
     */
    public Mono<Boolean> hidesIdentitiesFrom(long eventId, Caller caller) {
        if (caller != null && caller.isAdmin()) {
            return Mono.just(false);
        }
        return rows.load(eventId).map(row -> row.hidesIdentities()
                && (caller == null || !caller.holdsOnProgramme(row.programmeId(), List.of(Role.ORGANIZER))));
    }

    /**
     * The chief judge reveals identities: only the account holding CHIEF_JUDGE on the event (403 for anyone else, an
     * administrator or organizer too), of a blind event (409), once marking has closed (409 while DRAFT, OPEN or
     * MARKING). A second reveal changes nothing and answers the event as it is. Runs in the caller's transaction, so
     * that the reveal and its audit entry are written together.
     */
    Mono<EventRow> reveal(long eventId, Caller caller) {
        return events.lockById(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(EventService.RESOURCE, eventId)))
                .doOnNext(row -> requireMayReveal(row, caller))
                .flatMap(row -> row.identitiesRevealedAt() != null ? Mono.just(row)
                        // Stored to the microsecond: what is answered now is what is read later.
                        : rows.save(eventId, row.revealed(caller.username(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS)))
                        .flatMap(revealed -> audit.record(AuditRecord.of(AuditChain.event(eventId),
                                        caller.username(), "event.identitiesRevealed", "event/" + eventId,
                                        Map.of("identitiesRevealed", false),
                                        Map.of("identitiesRevealed", true, "status", revealed.status())))
                                .thenReturn(revealed)));
    }

    private static void requireMayReveal(EventRow row, Caller caller) {
        if (!caller.holdsOnEvent(row.id(), row.programmeId(), List.of(Role.CHIEF_JUDGE))) {
            throw AccessRefusedException.forbidden("blind.chiefJudgeOnly", row.id());
        }
        if (!row.blind()) {
            throw conflict(FieldProblem.of("blind", "blind.notBlind", row.id()));
        }
        if (!row.status().hasClosedMarking()) {
            throw conflict(FieldProblem.of("status", "blind.markingNotClosed", row.id(), row.status()));
        }
    }

    /** A change of the setting once marking has started: judges have seen the entries one way. */
    static void requireUnchanged(EventRow row, Boolean blind) {
        if (row.status().hasMarks() && blind != null && blind != row.blind()) {
            throw conflict(FieldProblem.of("blind", "blind.frozen", row.id(), row.status()));
        }
    }

    /** A 409 whose rule is in its errors too, where clients match on it. */
    private static ConflictException conflict(FieldProblem reason) {
        return ConflictException.because(List.of(reason), reason.rule(), reason.arguments().toArray());
    }
}
