package io.jingsai.api.boards;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.result.CurrentResults;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.leaderboard.BoardRuntime;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public boards of events, each built when first asked for from the event's stored results and kept current by
 * the result changes the follower applies ({@link #changed}).
 *
 * <p>A board is registered before its results are read, so that a change committed while they are read is applied
 * to it too (results are applied by version: whichever comes last, the newer result stays).
 *
 * <p>Freezes (封榜): whenever results are read for a board, its freeze state is read after them and taken before
 * them. A result committed after a freeze was committed after the freeze, so a read that sees the result sees the
 * freeze as well: the public view is frozen before such a result reaches the board, on every instance.
 */
@Component
class EventBoards implements DisposableBean {

    private static final SecureRandom INCARNATIONS = new SecureRandom();
    /** The version of the empty board of an event before MARKING (a board's own versions never look like it). */
    private static final String NOT_OPEN = "not-open";

    /** A board and its loading, which every reader waits for (once loaded, at once). */
    private record Kept(EventBoard board, Mono<EventBoard> loaded) {
    }

    private final Map<Long, Kept> boards = new ConcurrentHashMap<>();
    private final BoardStore store;
    private final BoardFreezeStore freezes;
    private final CurrentResults results;
    private final EventRulebook rulebook;
    private final BoardRuntime runtime;
    private final BoardSettings settings;
    private final JsonMapper json;

    EventBoards(BoardStore store, BoardFreezeStore freezes, CurrentResults results, EventRulebook rulebook,
                Clock clock, BoardSettings settings, JsonMapper json) {
        this.store = store;
        this.json = json;
        this.freezes = freezes;
        this.results = results;
        this.rulebook = rulebook;
        this.settings = settings;
        this.runtime = settings.runtime(clock);
    }

    /**
     * The event's public board; 404 for an event that does not exist or is not public yet (before MARKING, or blind
     * and not revealed).
     */
    Mono<EventBoard> board(long eventId) {
        Kept known = boards.get(eventId);
        if (known != null) {
            return known.loaded();
        }
        return store.isPublic(eventId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .then(rulebook.rules(eventId))
                .flatMap(rules -> boards.computeIfAbsent(eventId, id -> load(rules)).loaded());
    }

    /**
     * A page of the event's live board, whatever the public sees; an event whose board is not public yet has none
     * (an empty page). 404 for an event that does not exist.
     */
    Mono<BoardPageView> livePage(long eventId, int offset, int limit) {
        return store.isPublic(eventId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .flatMap(open -> open ? board(eventId).map(board -> board.livePage(offset, limit))
                        : Mono.just(new BoardPageView(eventId, NOT_OPEN, 0, offset, List.of(), null)));
    }

    private Kept load(EventRules rules) {
        EventBoard board = new EventBoard(rules.eventId(), Long.toString(INCARNATIONS.nextLong() >>> 1, 36),
                rules.ranking(), runtime, settings.resumeHistory(), json);
        Mono<EventBoard> loaded = store.labels(rules.eventId(), null).collectList()
                .doOnNext(board::name)
                .then(results.of(rules.eventId(), null).collectList())
                .flatMap(read -> takeFreeze(board).thenReturn(read))
                .doOnNext(read -> read.forEach(board::apply))
                .then(Mono.just(board))
                .doOnError(failure -> forget(rules.eventId(), board))
                .cache();
        return new Kept(board, loaded);
    }

    /** A board that failed to load is dropped, so that the next reader loads it again. */
    private void forget(long eventId, EventBoard board) {
        if (boards.computeIfPresent(eventId, (id, kept) -> kept.board() == board ? null : kept) == null) {
            board.close();
        }
    }

    /** Applies the current results of these entries to the boards that exist; other events are not followed. */
    Mono<Void> changed(Map<Long, Set<Long>> entriesByEvent) {
        return Flux.fromIterable(entriesByEvent.entrySet())
                .filter(changed -> boards.containsKey(changed.getKey()))
                .concatMap(changed -> refresh(changed.getKey(), changed.getValue()))
                .then();
    }

    private Mono<Void> refresh(long eventId, Collection<Long> registrationIds) {
        // A board still loading is followed as well: it is in the map, its content arrives by version.
        Kept kept = boards.get(eventId);
        if (kept == null) {
            return Mono.empty();
        }
        EventBoard board = kept.board();
        List<Long> unnamed = registrationIds.stream().filter(id -> !board.isNamed(id)).toList();
        Mono<Void> naming = unnamed.isEmpty() ? Mono.empty()
                : store.labels(eventId, unnamed).collectList().doOnNext(board::name).then();
        return naming.then(results.of(eventId, registrationIds).collectList())
                .flatMap(read -> followFreeze(board).thenReturn(read))
                .doOnNext(read -> read.forEach(board::apply))
                .then();
    }

    /** Brings the freeze of every board held (or of those of {@code eventIds}) up to the stored state. */
    Mono<Void> followFreezes(Collection<Long> eventIds) {
        List<EventBoard> held = (eventIds == null ? boards.keySet() : eventIds).stream()
                .map(boards::get).filter(Objects::nonNull).map(Kept::board).toList();
        if (held.isEmpty()) {
            return Mono.empty();
        }
        return freezes.revisions(held.stream().map(EventBoard::eventId).toList())
                .flatMapMany(revisions -> Flux.fromIterable(held)
                        .filter(board -> revisions.getOrDefault(board.eventId(), 0L) > board.freezeRevision()))
                .concatMap(this::takeFreeze)
                .then();
    }

    private Mono<Void> followFreeze(EventBoard board) {
        return freezes.revisions(List.of(board.eventId()))
                .filter(revisions -> revisions.getOrDefault(board.eventId(), 0L) > board.freezeRevision())
                .flatMap(changed -> takeFreeze(board));
    }

    /** Reads the board's freeze state with its results, names entries the board has not named yet, and takes it. */
    private Mono<Void> takeFreeze(EventBoard board) {
        return freezes.stateWithResults(board.eventId())
                .flatMap(freeze -> {
                    List<Long> unnamed = freeze.results().stream().map(CurrentResults.CurrentResult::registrationId)
                            .filter(id -> !board.isNamed(id)).toList();
                    Mono<Void> naming = unnamed.isEmpty() ? Mono.empty()
                            : store.labels(board.eventId(), unnamed).collectList().doOnNext(board::name).then();
                    return naming.then(Mono.fromRunnable(() -> board.follow(freeze)));
                });
    }

    @Override
    public void destroy() {
        boards.values().forEach(kept -> kept.board().close());
    }
}
