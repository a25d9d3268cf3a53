package io.jingsai.api.programme;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.jingsai.api.boards.BoardSettings;
import io.jingsai.api.programme.ProgrammeBoardStore.EventPart;
import io.jingsai.api.programme.ProgrammeBoardStore.Fact;
import io.jingsai.api.result.ResultChangesFollowed;
import io.jingsai.api.shared.CoalescingWorker;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.leaderboard.BoardRuntime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * The programmes' live star boards (竞赛标兵), in memory; the truth stays in PostgreSQL. Each programme's board is
 * the LIVE basis of {@link StarStandings} restricted to public events (a blind event counts once its identities are
 * revealed), and it equals a recomputation from the database once the changes committed are followed.
 *
 * <p><b>Following.</b> It hears the result changes the boards' follower reads from the outbox
 * ({@link ResultChangesFollowed}): each changed event's part is computed afresh (standardisation moves every score of
 * the event with one mark) and replaces the part the board held. Only the changed entries' results are read again:
 * the part keeps the event's other results it was standardised from, so marking at full speed does not read the
 * whole event back for every batch of changes. At the end of every catch-up it compares what exists
 * (programmes and their versions, events, their statuses and whether they are public) with what it holds: a new
 * programme is loaded, a changed one (quota, star rule) loaded again, a removed one dropped, and an event whose
 * status or publicity changed is read afresh. The first catch-up, at start, loads every programme: that is the
 * rebuild from the stored results.
 *
 * <p><b>Its own worker.</b> The follower only notes what to do and goes on with the event boards at once: the
 * reading is done by rounds on this feature's worker, one at a time (so writes never race), each taking everything
 * noted since the round before (so a burst of changes to one event reads it once). A slow programme load therefore
 * never delays the event boards. Result changes are taken at most once per
 * {@code jingsai.boards.stars-rest} (a second): every change of an event standardises and restates all of its
 * entrants, so under marking at full speed a round per change, or even per board tick, spends on a large event the
 * CPU the marking needs. What exists is compared at once.
 *
 * <p><b>Failures</b> never stop the worker: a programme whose change could not be applied is loaded afresh at the
 * next catch-up (a notification or the poll). Readers wait only for the first load.
 */
@Component
class ProgrammeBoards implements ResultChangesFollowed, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeBoards.class);
    private static final SecureRandom INCARNATIONS = new SecureRandom();
    /**
     * Programmes loaded at the same time: two overlap the database's round trips, and leave the pool's first
     * connections (four) for the requests that come while an instance starts; four at once took them all, and a
     * request then waited for a new connection past the pool's acquire time (503) on a busy machine.
     */
    private static final int LOADS_AT_ONCE = 2;

    private final Map<Long, ProgrammeStars> held = new ConcurrentHashMap<>();
    /** Event → programme, as the last catch-up saw it. */
    private final Map<Long, Long> programmeOfEvent = new ConcurrentHashMap<>();
    /** Programmes to load afresh at the next catch-up, after a failure. */
    private final Set<Long> stale = ConcurrentHashMap.newKeySet();
    private final Sinks.Empty<Void> firstLoad = Sinks.empty();
    /** Event → its entries whose results changed, to be read again at the next round. */
    private final Map<Long, Set<Long>> changedEntries = new ConcurrentHashMap<>();
    /** Whether the next round compares what exists with what is held. */
    private final AtomicBoolean catchUpDue = new AtomicBoolean();
    /** Set for {@link #changesRest} after changes were taken: the changes noted meanwhile wait for its end. */
    private final AtomicBoolean changesResting = new AtomicBoolean();
    private final Duration changesRest;
    private final CoalescingWorker worker;
    /** Set by the worker after its first round; read by the worker only. */
    private boolean loaded;
    private final ProgrammeBoardStore store;
    private final ProgrammeService programmes;
    private final BoardRuntime runtime;
    private final int resumeHistory;
    private final JsonMapper json;
    private final ProgrammeJson programmeJson;

    ProgrammeBoards(ProgrammeBoardStore store, ProgrammeService programmes, Clock clock, BoardSettings settings,
                    JsonMapper json, ProgrammeJson programmeJson) {
        this.store = store;
        this.programmeJson = programmeJson;
        this.json = json;
        this.programmes = programmes;
        this.runtime = settings.runtime(clock);
        this.resumeHistory = settings.resumeHistory();
        this.changesRest = settings.starsRest();
        this.worker = new CoalescingWorker("the star boards", this::round);
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

    /** Notes the events to read again; they are read on this feature's own worker, never in the follower's way. */
    @Override
    public Mono<Void> followed(List<Change> changes) {
        changes.forEach(change -> changedEntries.compute(change.eventId(), (event, entries) -> {
            Set<Long> noted = entries == null ? new HashSet<>() : entries;
            noted.add(change.registrationId());
            return noted;
        }));
        wake();
        return Mono.empty();
    }

    /** Notes that what exists is to be compared with what is held; done on this feature's own worker. */
    @Override
    public Mono<Void> caughtUp() {
        catchUpDue.set(true);
        wake();
        return Mono.empty();
    }

    private void wake() {
        worker.wake();
    }

    /**
     * One round of work: everything noted since the last round. Rounds run one at a time; wake-ups that come during
     * a round are coalesced into the next one.
     */
    private Mono<Void> round() {
        boolean catchUp = catchUpDue.getAndSet(false);
        Mono<Void> changes = changesResting.get() ? Mono.empty() : takeChanges();
        return changes.then(catchUp ? followExisting() : Mono.empty());
    }

    /** Reads again the entries whose results changed, event by event, and rests before the next (stars-rest). */
    private Mono<Void> takeChanges() {
        Map<Long, Set<Long>> changed = new HashMap<>();
        // each event's entries are taken atomically: one noted meanwhile waits for the next round, never lost
        List.copyOf(changedEntries.keySet()).forEach(event -> changed.put(event, changedEntries.remove(event)));
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        changesResting.set(true);
        Mono.delay(changesRest).subscribe(tick -> {
            changesResting.set(false);
            wake();
        });
        return Flux.fromIterable(changed.entrySet())
                .filter(event -> programmeOfEvent.containsKey(event.getKey()))
                .concatMap(event -> reread(event.getKey(), event.getValue()))
                .then();
    }

    private Mono<Void> followExisting() {
        long started = System.nanoTime();
        return store.facts().collectList()
                .flatMap(this::follow)
                .doOnSuccess(done -> {
                    if (!loaded) {
                        loaded = true;
                        LOG.info("Star boards: {} programmes with public events loaded in {} ms", held.size(),
                                Duration.ofNanos(System.nanoTime() - started).toMillis());
                    }
                })
                .onErrorResume(failure -> {
                    LOG.warn("Reading the programmes for their star boards failed ({}); trying again at the next "
                            + "catch-up", failure.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> firstLoad.tryEmitEmpty());
    }

    @Override
    public void destroy() {
        worker.dispose();
        held.values().forEach(ProgrammeStars::close);
    }

    /** Brings the programmes held up to what exists. */
    private Mono<Void> follow(List<Fact> facts) {
        Map<Long, Long> versions = new HashMap<>();
        Map<Long, List<Fact>> eventsByProgramme = new HashMap<>();
        Set<Long> events = new HashSet<>();
        for (Fact fact : facts) {
            if (fact.eventId() != null) {
                events.add(fact.eventId());
                programmeOfEvent.put(fact.eventId(), fact.programmeId());
                eventsByProgramme.computeIfAbsent(fact.programmeId(), id -> new ArrayList<>()).add(fact);
                if (fact.open()) { // only a programme with a public event has a board (and never loses it)
                    versions.put(fact.programmeId(), fact.programmeVersion());
                }
            }
        }
        held.values().removeIf(stars -> {
            boolean removed = !versions.containsKey(stars.programme().id());
            if (removed) {
                stars.close();
            }
            return removed;
        });
        stale.removeIf(id -> !versions.containsKey(id));
        programmeOfEvent.keySet().removeIf(event -> !events.contains(event));
        // Newest first, two at a time: the first load after a start is what dashboards wait for.
        return Flux.fromIterable(versions.entrySet())
                .sort(Map.Entry.<Long, Long>comparingByKey().reversed())
                .flatMap(programme -> {
                    ProgrammeStars stars = held.get(programme.getKey());
                    boolean fresh = stars == null || stars.programmeVersion() != programme.getValue()
                            || stale.remove(programme.getKey());
                    List<Fact> ofProgramme = eventsByProgramme.get(programme.getKey());
                    return fresh ? load(programme.getKey(), ofProgramme) : followEvents(stars, ofProgramme);
                }, LOADS_AT_ONCE)
                .then();
    }

    /** Reads again the events whose status, publicity, freeze or key area changed, and forgets those removed. */
    private Mono<Void> followEvents(ProgrammeStars stars, List<Fact> events) {
        Set<Long> existing = new HashSet<>();
        events.forEach(fact -> existing.add(fact.eventId()));
        return Flux.fromIterable(events)
                .filter(fact -> stars.part(fact.eventId()).map(part -> part.status() != fact.status()
                        || part.counted() != counts(fact) || part.freezeRevision() != fact.freezeRevision()
                        || !Objects.equals(part.keyArea(), fact.keyArea()))
                        .orElse(counts(fact)))
                .concatMap(fact -> reread(fact.eventId(), null))
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
                    ProgrammeStars stars = new ProgrammeStars(row, programmeJson.starRule(row),
                            Long.toString(INCARNATIONS.nextLong() >>> 1, 36), runtime, resumeHistory, json);
                    return Flux.fromIterable(events)
                            .filter(ProgrammeBoards::counts)
                            .concatMap(fact -> store.part(fact.eventId()))
                            .doOnNext(stars::apply)
                            .then(Mono.<Void>fromRunnable(() -> {
                                events.stream().filter(fact -> !counts(fact)).forEach(fact -> stars.apply(
                                        EventPart.uncounted(fact.eventId(), programmeId, fact.status(),
                                                fact.freezeRevision(), fact.keyArea())));
                                ProgrammeStars replaced = held.put(programmeId, stars);
                                if (replaced != null) {
                                    replaced.close();
                                }
                            }));
                })
                .onErrorResume(failure -> failed(programmeId, failure));
    }

    /**
     * Reads the event's part again and applies it to its programme's board: only the entries changed when the board
     * holds the event's live part, else (null) the whole event.
     */
    private Mono<Void> reread(long eventId, Collection<Long> entries) {
        Long programmeId = programmeOfEvent.get(eventId);
        ProgrammeStars stars = programmeId == null ? null : held.get(programmeId);
        if (stars == null) {
            return Mono.empty(); // a programme not loaded yet: its load reads the event
        }
        EventPart before = entries == null ? null : stars.part(eventId).orElse(null);
        return store.part(eventId, before, entries == null ? List.of() : entries)
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
