package io.jingsai.api.event;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.Steps;
import io.jingsai.api.shared.VersionedRows;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The steps of an event's life, one at a time: only to a status the current one may move to; organizers take every
 * step, a chief judge only closes and reopens marking; a step back needs a reason; results go out for review or
 * publication only when no {@link PublicationCheck} objects; a blind event starts marking only with a station number on
 * every entry, and is published only once its identities are revealed ({@link BlindMarking}); every
 * {@link EventStepTaken} hears of the step in its transaction; every step joins the event's audit chain.
 */
@Component
class EventLifecycle {

    private final VersionedRows<EventRow> rows;
    private final ObjectProvider<PublicationCheck> publicationChecks;
    private final ObjectProvider<EventStepTaken> followers;
    private final EventQueries queries;
    private final AuditTrail audit;
    private final Clock clock;

    EventLifecycle(EventRepository events, ObjectProvider<PublicationCheck> publicationChecks,
                   ObjectProvider<EventStepTaken> followers, EventQueries queries, AuditTrail audit, Clock clock) {
        this.rows = new VersionedRows<>(EventService.RESOURCE, events, EventRow::version);
        this.publicationChecks = publicationChecks;
        this.followers = followers;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs in the caller's transaction, so that the step and its audit entry are written together. */
    Mono<EventRow> move(long id, long expectedVersion, StatusChange change, Caller caller) {
        return rows.loadAt(id, expectedVersion)
                .doOnNext(row -> requireAllowed(row, change, caller))
                .flatMap(row -> requireNothingOutstanding(row, change.status()).thenReturn(row))
                .flatMap(row -> rows.save(id, row.withStatus(change.status(), clock.instant()))
                        .flatMap(moved -> requireStations(moved).thenReturn(moved))
                        .flatMap(moved -> Flux.fromStream(followers.orderedStream())
                                .concatMap(follower -> follower.taken(id, row.status(), moved.status(),
                                        caller.username()))
                                .then(Mono.just(moved)))
                        .flatMap(moved -> audit.record(AuditRecord.of(AuditChain.event(id), caller.username(),
                                        "event.statusChanged", "event/" + id, Map.of("status", row.status()),
                                        Map.of("status", moved.status())).because(change.reason()))
                                .thenReturn(moved)));
    }

    private static void requireAllowed(EventRow row, StatusChange change, Caller caller) {
        EventStatus from = row.status();
        EventStatus to = change.status();
        Steps.require(EventService.RESOURCE, row.id(), from, to, change.reason());
        boolean organizes = caller.isAdmin() || caller.holdsOnProgramme(row.programmeId(), List.of(Role.ORGANIZER));
        if (!organizes && !from.isJudgesStep(to)) {
            throw AccessRefusedException.forbidden("event.stepForOrganizers", from, to);
        }
    }

    /**
     * Review and publication need what every {@link PublicationCheck} asks; publication of a blind event also its
     * identities revealed (the public sees names).
     */
    private Mono<Void> requireNothingOutstanding(EventRow row, EventStatus to) {
        if (to != EventStatus.REVIEW && to != EventStatus.PUBLISHED) {
            return Mono.empty();
        }
        Flux<FieldProblem> hidden = to == EventStatus.PUBLISHED && row.hidesIdentities()
                ? Flux.just(new FieldProblem("event/" + row.id(), "publication.identitiesHidden")) : Flux.empty();
        return refuseIfAny(row, to, Flux.fromStream(publicationChecks.orderedStream())
                .concatMap(check -> check.blockers(row.id()))
                .concatWith(hidden));
    }

    /**
     * A blind event starts marking only when every competing entry has a station number: its judges see nothing else.
     * Asked once the event's row is written, so that the row's lock has waited for any registration being written.
     */
    private Mono<Void> requireStations(EventRow moved) {
        if (moved.status() != EventStatus.MARKING || !moved.blind()) {
            return Mono.empty();
        }
        return refuseIfAny(moved, EventStatus.MARKING, queries.entriesWithoutStation(moved.id())
                .map(entry -> FieldProblem.of("registration/" + entry.id(), "blind.stationMissing", entry.number())));
    }

    private static Mono<Void> refuseIfAny(EventRow row, EventStatus to, Flux<FieldProblem> outstanding) {
        return outstanding.collectList()
                .flatMap(reasons -> reasons.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(ConflictException.because(reasons, "event.outstanding", row.id(), to,
                                reasons.size())));
    }
}
