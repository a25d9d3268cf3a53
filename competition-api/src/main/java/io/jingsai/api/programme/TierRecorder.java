package io.jingsai.api.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.event.EventStepTaken;
import io.jingsai.api.result.ResultChangesFollowed;
import io.jingsai.api.shared.CoalescingWorker;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records every entry into and exit from a programme's tiers, on both bases ({@link TierBasis}): recomputes the
 * membership with the boards' own computations ({@link StarStandings}, {@link ProjectStandings}), compares it with
 * the membership last recorded, and appends the differences with the time and the cause, in one transaction.
 *
 * <p>What it follows: committed result changes (after commit, on every instance, from the outbox: marks, corrections,
 * withdrawals, absences, penalties' decisions), on a worker of its own ({@link CoalescingWorker}: the boards'
 * follower is never held up, and a burst records each programme once; under a steady stream of marks it rests
 * {@code jingsai.tiers.recording-rest}, 1 s, between rounds, since each round recomputes whole programmes: a move is
 * then recorded up to that much later than the change that caused it, with that change as its cause), in a
 * transaction of its own per programme; an event's steps (its
 * publication among them) and the project evaluation's values and steps, in the transaction that takes them, so that
 * a publication and its tier changes commit together.
 *
 * <p>One writer per programme at a time ({@link TierHistoryStore#lock}); idempotent: a second instance following the
 * same change finds nothing to record. A recording after result changes reads in one repeatable-read snapshot (the
 * boards count results committed together together); if another writer changed the membership after that snapshot
 * was taken, it is refused and tried again with a fresh one.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // after the results have kept the standings a step may fix
class TierRecorder implements EventStepTaken, ResultChangesFollowed, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TierRecorder.class);
    /** Serialization failures tried again: two writers of one programme at once refuse each other only briefly. */
    private static final Retry CONTENDED = Retry.backoff(10, Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(500))
            .filter(Contention::isSerializationFailure);

    private final StarStandings stars;
    private final ProjectStandings projects;
    private final TierHistoryStore store;
    private final TransactionalOperator repeatableRead;
    private final Clock clock;
    /** Result changes noted, for the next round of the worker. */
    private final Queue<ResultChangesFollowed.Change> pending = new ConcurrentLinkedQueue<>();
    private final CoalescingWorker worker;

    TierRecorder(StarStandings stars, ProjectStandings projects, TierHistoryStore store,
                 ReactiveTransactionManager transactions, Clock clock,
                 @Value("${jingsai.tiers.recording-rest:1s}") Duration rest) {
        this.stars = stars;
        this.projects = projects;
        this.store = store;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.repeatableRead = TransactionalOperator.create(transactions, definition);
        this.clock = clock;
        this.worker = new CoalescingWorker("the tier history", this::recordNoted, rest);
    }

    /**
     * Recomputes the programme's tiers and records what changed, in the caller's transaction.
     *
     * @return how many entries and exits were recorded, on both bases
     */
    Mono<Integer> record(long programmeId, TierCause cause) {
        return Mono.defer(() -> recordAt(programmeId, cause, clock.instant()));
    }

    private Mono<Integer> recordAt(long programmeId, TierCause cause, Instant now) {
        return store.lock(programmeId, now)
                .then(projects.standings(programmeId))
                .flatMap(projectBoard -> Flux.fromArray(TierBasis.values())
                        .concatMap(basis -> recordBasis(programmeId, basis, projectBoard, cause, now))
                        .reduce(0, Integer::sum));
    }

    /** One basis: its members now, against those recorded; the moves appended. */
    private Mono<Integer> recordBasis(long programmeId, TierBasis basis, ProjectStandingsView projectBoard,
                                      TierCause cause, Instant now) {
        ProjectStandingsView projectsCounted = basis.countsProjects(projectBoard.status()) ? projectBoard : null;
        return Mono.zip(stars.compute(programmeId, basis.stars()), store.members(programmeId, basis))
                .map(found -> TierMembership.moves(found.getT2(),
                        TierMembership.of(found.getT1().board(), projectsCounted)))
                .flatMap(moves -> moves.isEmpty() ? Mono.just(0)
                        : store.record(programmeId, basis, moves, cause, now).thenReturn(moves.size()));
    }

    /** An event's step, in its transaction: a publication changes the PUBLISHED tiers. */
    @Override
    public Mono<Void> taken(long eventId, EventStatus from, EventStatus to, String actor) {
        return store.programmeOf(eventId)
                .flatMap(programmeId -> record(programmeId, TierCause.eventStep(eventId, from, to, actor)))
                .then();
    }

    /**
     * Committed result changes: noted, and recorded on this recorder's own worker, so that the boards' follower,
     * which calls this, is never held up by the recomputation. A round takes every change noted since the last, so a
     * burst of marks records each programme once, with all of them as its cause.
     */
    @Override
    public Mono<Void> followed(List<ResultChangesFollowed.Change> changes) {
        pending.addAll(changes);
        worker.wake();
        return Mono.empty();
    }

    @Override
    public void destroy() {
        worker.dispose();
    }

    /** The changes noted since the last round, each programme recorded in a transaction of its own. */
    private Mono<Void> recordNoted() {
        List<ResultChangesFollowed.Change> changes = new ArrayList<>();
        for (ResultChangesFollowed.Change change; (change = pending.poll()) != null; ) {
            changes.add(change);
        }
        return changes.isEmpty() ? Mono.empty() : recordChanges(changes);
    }

    /**
     * Committed result changes, grouped by programme (what a round of the worker does). A programme whose recording
     * fails for another reason is logged and left: its next recording (any later change) brings its membership up to
     * date.
     */
    Mono<Void> recordChanges(List<ResultChangesFollowed.Change> changes) {
        return store.programmesOf(changes.stream().map(ResultChangesFollowed.Change::eventId).distinct().toList())
                .flatMapMany(programmes -> Flux.fromIterable(byProgramme(changes, programmes).entrySet()))
                .concatMap(programme -> Mono.defer(() -> repeatableRead.transactional(
                                record(programme.getKey(), TierCause.resultsChanged(programme.getValue()))))
                        .retryWhen(CONTENDED)
                        .onErrorResume(failure -> {
                            LOG.error("Recording the tiers of programme {} failed", programme.getKey(), failure);
                            return Mono.empty();
                        }))
                .then();
    }

    private static Map<Long, List<ResultChangesFollowed.Change>> byProgramme(
            List<ResultChangesFollowed.Change> changes, Map<Long, Long> programmeOfEvent) {
        Map<Long, List<ResultChangesFollowed.Change>> grouped = new LinkedHashMap<>();
        for (ResultChangesFollowed.Change change : changes) {
            Long programme = programmeOfEvent.get(change.eventId());
            if (programme != null) {
                grouped.computeIfAbsent(programme, id -> new ArrayList<>()).add(change);
            }
        }
        return grouped;
    }
}
