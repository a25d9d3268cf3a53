package io.jingsai.api.programme;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.jingsai.api.programme.ProgrammeBoardStore.EventPart;
import io.jingsai.api.programme.ProgrammeBoardStore.Fact;
import io.jingsai.api.result.ResultChangesFollowed;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.leaderboard.BoardRuntime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The programmes' live star boards (竞赛标兵), in memory; the truth stays in PostgreSQL. Each programme's board is
 * the LIVE basis of {@link StarStandings} restricted to public events (a blind event counts once its identities are
 * revealed), and it equals a recomputation from the database once the changes committed are followed.
 *
 * <p><b>Following.</b> It hears the result changes the boards' follower reads from the outbox
 * ({@link ResultChangesFollowed}): each changed event's part is read afresh (standardisation moves every score of the
 * event with one mark) and replaces the part the board held. At the end of every catch-up it compares what exists
 * (programmes and their versions, events, their statuses and whether they are public) with what it holds: a new
 * programme is loaded, a changed one (quota, star rule) loaded again, a removed one dropped, and an event whose
 * status or publicity changed is read afresh. The first catch-up, at start, loads every programme: that is the
 * rebuild from the stored results.
 *
 * <p><b>Failures</b> never stop the follower (the event boards depend on it): a programme whose change could not be
 * applied is loaded afresh at the next catch-up (a notification or the poll).
 *
 * <p>Calls come one at a time from the follower, so writes never race; readers wait only for the first load.
 */
@Component
class ProgrammeBoards implements ResultChangesFollowed {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeBoards.class);
    private static final SecureRandom INCARNATIONS = new SecureRandom();

    private final Map<Long, ProgrammeStars> held = new ConcurrentHashMap<>();
    /** Event → programme, as the last catch-up saw it. */
    private final Map<Long, Long> programmeOfEvent = new ConcurrentHashMap<>();
    /** Programmes to load afresh at the next catch-up, after a failure. */
    private final Set<Long> stale = ConcurrentHashMap.newKeySet();
    private final Sinks.Empty<Void> firstLoad = Sinks.empty();
    private final ProgrammeBoardStore store;
    private final ProgrammeService programmes;
    private final BoardRuntime runtime;

    ProgrammeBoards(ProgrammeBoardStore store, ProgrammeService programmes, Clock clock) {
        this.store = store;
        this.programmes = programmes;
        this.runtime = BoardRuntime.of(clock);
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    /** Every programme with a public board, newest first; waits for the first load. */
    Mono<List<ProgrammeStars>> publicBoards() {
        return firstLoad.asMono().then(Mono.fromSupplier(() -> held.values().stream()
                .filter(ProgrammeStars::isPublic)
                .sorted((a, b) -> Long.compare(b.programme().id(), a.programme().id()))
                .toList()));
    }

    /** The programme's board; 404 if there is no such programme or none of its events is public yet. */
    Mono<ProgrammeStars> board(long programmeId) {
        return firstLoad.asMono().then(Mono.fromSupplier(() -> Optional.ofNullable(held.get(programmeId))
                .filter(ProgrammeStars::isPublic)
                .orElseThrow(() -> new NotFoundException("programme", programmeId))));
    }

    // --- following ------------------------------------------------------------------------------------------------

    @Override
    public Mono<Void> followed(List<Change> changes) {
        return Flux.fromIterable(changes).map(Change::eventId).distinct()
                .filter(programmeOfEvent::containsKey)
                .concatMap(this::reread)
                .then();
    }

    @Override
    public Mono<Void> caughtUp() {
        return store.facts().collectList()
                .flatMap(this::follow)
                .onErrorResume(failure -> {
                    LOG.warn("Reading the programmes for their star boards failed ({}); trying again at the next "
                            + "catch-up", failure.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> firstLoad.tryEmitEmpty());
    }

    /** Brings the programmes held up to what exists. */
    private Mono<Void> follow(List<Fact> facts) {
        Map<Long, Long> versions = new HashMap<>();
        Map<Long, Fact> events = new HashMap<>();
        for (Fact fact : facts) {
            versions.put(fact.programmeId(), fact.programmeVersion());
            if (fact.eventId() != null) {
                events.put(fact.eventId(), fact);
            }
        }
        held.keySet().removeIf(id -> !versions.containsKey(id));
        stale.removeIf(id -> !versions.containsKey(id));
        events.forEach((event, fact) -> programmeOfEvent.put(event, fact.programmeId()));
        programmeOfEvent.keySet().removeIf(event -> !events.containsKey(event));
        return Flux.fromIterable(versions.entrySet())
                .concatMap(programme -> {
                    ProgrammeStars stars = held.get(programme.getKey());
                    boolean fresh = stars == null || stars.programmeVersion() != programme.getValue()
                            || stale.remove(programme.getKey());
                    return fresh ? load(programme.getKey(), eventsOf(programme.getKey(), events))
                            : followEvents(stars, eventsOf(programme.getKey(), events));
                })
                .then();
    }

    private static List<Fact> eventsOf(long programmeId, Map<Long, Fact> events) {
        return events.values().stream().filter(fact -> fact.programmeId() == programmeId).toList();
    }

    /** Reads again the events whose status or publicity changed, and forgets those removed. */
    private Mono<Void> followEvents(ProgrammeStars stars, List<Fact> events) {
        Set<Long> existing = new HashSet<>();
        events.forEach(fact -> existing.add(fact.eventId()));
        return Flux.fromIterable(events)
                .filter(fact -> stars.part(fact.eventId()).map(part -> part.status() != fact.status()
                        || part.counted() != counts(fact)).orElse(counts(fact)))
                .concatMap(fact -> reread(fact.eventId()))
                .then(Mono.fromRunnable(() -> forgetRemoved(stars, existing)));
    }

    private static boolean counts(Fact fact) {
        return fact.open() && StarBasis.LIVE.counts(fact.status());
    }

    private static void forgetRemoved(ProgrammeStars stars, Collection<Long> existing) {
        // an event can only be removed before MARKING, so it never counted; this keeps the board tidy all the same
        List.copyOf(stars.knownEvents()).stream().filter(id -> !existing.contains(id)).forEach(stars::forget);
    }

    /** Loads a programme's board from the stored results, event by event, and puts it in place of the one held. */
    private Mono<Void> load(long programmeId, List<Fact> events) {
        return programmes.load(programmeId)
                .flatMap(row -> {
                    ProgrammeStars stars = new ProgrammeStars(row,
                            Long.toString(INCARNATIONS.nextLong() >>> 1, 36), runtime);
                    return Flux.fromIterable(events)
                            .filter(ProgrammeBoards::counts)
                            .concatMap(fact -> store.part(fact.eventId()))
                            .doOnNext(stars::apply)
                            .then(Mono.<Void>fromRunnable(() -> {
                                events.stream().filter(fact -> !counts(fact)).forEach(fact -> stars.apply(
                                        new EventPart(fact.eventId(), programmeId, fact.status(), false, false,
                                                List.of())));
                                held.put(programmeId, stars);
                            }));
                })
                .onErrorResume(failure -> failed(programmeId, failure));
    }

    /** Reads the event's part afresh and applies it to its programme's board. */
    private Mono<Void> reread(long eventId) {
        Long programmeId = programmeOfEvent.get(eventId);
        ProgrammeStars stars = programmeId == null ? null : held.get(programmeId);
        if (stars == null) {
            return Mono.empty(); // a programme not loaded yet: its load reads the event
        }
        return store.part(eventId)
                .doOnNext(part -> {
                    if (part.programmeId() == programmeId) {
                        stars.apply(part);
                    }
                })
                .then()
                .onErrorResume(failure -> failed(programmeId, failure));
    }

    private Mono<Void> failed(long programmeId, Throwable failure) {
        LOG.warn("The star board of programme {} missed a change ({}); it is loaded afresh at the next catch-up",
                programmeId, failure.toString());
        stale.add(programmeId);
        return Mono.empty();
    }

    /** Boards held now (tests and the benchmark look at them). */
    int heldCount() {
        return held.size();
    }
}
