package io.jingsai.api.boards;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventStepTaken;
import io.jingsai.api.result.CurrentResults;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.StaleVersionException;
import reactor.core.publisher.Mono;

/**
 * Freezing an event's public board (封榜) and releasing it. An organizer freezes the board while the event is
 * MARKING, at once or at a time to come; the freeze stores the event's results as they are, read under the event's
 * lock so that no result commits between the read and the freeze. Releasing the board (an organizer, or the results
 * going out for public review or publication) makes the live board public again. Every change joins the event's
 * audit chain and is announced to every instance; this instance takes it at once.
 */
@Component
class BoardFreezeService implements EventStepTaken {

    static final String RESOURCE = "boardFreeze";

    private final BoardFreezeStore store;
    private final CurrentResults results;
    private final EventBoards boards;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    BoardFreezeService(BoardFreezeStore store, CurrentResults results, EventBoards boards, AuditTrail audit,
                       TransactionalOperator transaction, Clock clock) {
        this.store = store;
        this.results = results;
        this.boards = boards;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The freeze state of the event's board; 404 if there is no such event. */
    Mono<BoardFreezeView> view(long eventId) {
        return store.eventStatus(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .then(store.state(eventId))
                .map(BoardFreezeView::of);
    }

    /**
     * Freezes the event's board now, or, for an {@code at} still to come, schedules its freeze then. 409 if it is
     * frozen or scheduled already, or if the event is not MARKING.
     */
    Mono<BoardFreezeView> freeze(long eventId, Instant at, String actor) {
        Mono<BoardFreeze> work = store.lockEvent(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .flatMap(status -> store.lockState(eventId).flatMap(current -> {
                    requireLive(current);
                    requireMarking(eventId, status);
                    Instant now = clock.instant();
                    return at != null && at.isAfter(now) ? schedule(current, at, actor, now)
                            : take(current, actor, now);
                }));
        return transaction.transactional(work).flatMap(this::followed);
    }

    /**
     * Releases the frozen board, or cancels the freeze scheduled: 412 unless {@code expectedVersion} is the freeze
     * state's version, 409 if the board is neither frozen nor scheduled to be.
     */
    Mono<Void> release(long eventId, long expectedVersion, String actor) {
        Mono<BoardFreeze> work = store.eventStatus(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .then(store.lockState(eventId))
                .flatMap(current -> {
                    if (current.revision() != expectedVersion) {
                        return Mono.error(new StaleVersionException(RESOURCE, eventId, expectedVersion,
                                current.revision()));
                    }
                    if (!current.frozen() && !current.scheduled()) {
                        return Mono.error(new ConflictException("board.notFrozen", eventId));
                    }
                    return live(current, actor, Map.of("frozen", false));
                });
        return transaction.transactional(work).flatMap(this::followed).then();
    }

    /**
     * Takes the event's scheduled freeze if it is due (by the clock), or lets it lapse if the event is no longer
     * MARKING. Every instance times every scheduled freeze; the locks make the first one take it and the others find
     * nothing to do.
     */
    Mono<Void> takeScheduled(long eventId) {
        Mono<BoardFreeze> work = store.lockEvent(eventId)
                .flatMap(status -> store.lockState(eventId).flatMap(current -> {
                    Instant now = clock.instant();
                    if (!current.scheduled() || current.scheduledAt().isAfter(now)) {
                        return Mono.empty();
                    }
                    return status == EventStatus.MARKING ? take(current, current.changedBy(), now)
                            : live(current, current.changedBy(), Map.of("frozen", false, "lapsedAt", status));
                }));
        return transaction.transactional(work).flatMap(this::followed).then();
    }

    /** Results going out for public review or publication release the board: they are public now. */
    @Override
    public Mono<Void> taken(long eventId, EventStatus from, EventStatus to, String actor) {
        if (to != EventStatus.REVIEW && to != EventStatus.PUBLISHED) {
            return Mono.empty();
        }
        return store.lockState(eventId)
                .filter(current -> current.frozen() || current.scheduled())
                .flatMap(current -> live(current, actor, Map.of("frozen", false, "eventStatus", to)))
                .then();
    }

    private static void requireLive(BoardFreeze current) {
        if (current.frozen()) {
            throw new ConflictException("board.alreadyFrozen", current.eventId());
        }
        if (current.scheduled()) {
            throw new ConflictException("board.freezeScheduled", current.eventId());
        }
    }

    private static void requireMarking(long eventId, EventStatus status) {
        if (status != EventStatus.MARKING) {
            throw new ConflictException("board.freezeNotMarking", eventId, status);
        }
    }

    /** Freezes with the event's results as they are: the caller holds the event's lock. */
    private Mono<BoardFreeze> take(BoardFreeze current, String actor, Instant now) {
        long eventId = current.eventId();
        return results.of(eventId, null).collectList()
                .flatMap(read -> write(new BoardFreeze(eventId, 0, now, read, null, actor, now), before(current),
                        "board.frozen", Map.of("frozen", true, "frozenSince", now, "entries", read.size())));
    }

    private Mono<BoardFreeze> schedule(BoardFreeze current, Instant at, String actor, Instant now) {
        return write(new BoardFreeze(current.eventId(), 0, null, List.of(), at, actor, now), before(current),
                "board.freezeScheduled", Map.of("frozen", false, "scheduledAt", at));
    }

    private static Map<String, Object> before(BoardFreeze current) {
        return current.frozen() ? Map.of("frozen", true, "frozenSince", current.frozenAt())
                : current.scheduled() ? Map.of("frozen", false, "scheduledAt", current.scheduledAt())
                : Map.of("frozen", false);
    }

    /** Makes the board live again: a freeze released, or one scheduled cancelled ({@code after}: the audit's). */
    private Mono<BoardFreeze> live(BoardFreeze current, String actor, Map<String, Object> why) {
        Instant now = clock.instant();
        return write(new BoardFreeze(current.eventId(), 0, null, List.of(), null, actor, now), before(current),
                current.frozen() ? "board.unfrozen" : "board.freezeCancelled", why);
    }

    private Mono<BoardFreeze> write(BoardFreeze next, Map<String, Object> before, String action,
                                    Map<String, Object> after) {
        long eventId = next.eventId();
        return store.write(next)
                .flatMap(revision -> audit.record(AuditRecord.of(AuditChain.event(eventId), next.changedBy(), action,
                                "board/" + eventId, before, after))
                        .thenReturn(new BoardFreeze(eventId, revision, next.frozenAt(), List.of(),
                                next.scheduledAt(), next.changedBy(), next.changedAt())));
    }

    /** This instance takes the committed state at once (the others by its announcement). */
    private Mono<BoardFreezeView> followed(BoardFreeze state) {
        return boards.followFreezes(List.of(state.eventId())).thenReturn(BoardFreezeView.of(state));
    }
}
