package io.jingsai.api.boards;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardChange;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A board's changes for server-sent events that a client can resume: each change has an id (the board's incarnation
 * and the change's sequence), and the recent deltas are kept, so that a client reconnecting with the id it last
 * received ({@code Last-Event-ID}) gets only what it missed, nothing if it missed nothing, and a snapshot when some of
 * it is no longer kept (or the id is of another incarnation: the board was rebuilt, or another instance answered).
 *
 * <p>Keeping the history subscribes to the board's feed for as long as the board lives, so its feed ticks even
 * while nobody watches; {@link #close()} stops that, and ends the streams. Slow subscribers are skipped ahead by the feed itself (latest
 * state only) and get a snapshot instead of changes they could not apply.
 */
public final class ResumableChanges {

    private final String incarnation;
    private final Board board;
    private final Deque<BoardChange.Delta> history = new ArrayDeque<>();
    private final int historyLimit;
    private final Disposable historyKeeper;
    private final AtomicInteger watching = new AtomicInteger();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private final SharedStreamEvents encoded;
    private final Function<BoardChange, SharedStreamEvents.Named> render;

    /**
     * @param incarnation  random per board object: ids of another incarnation never resume
     * @param historyLimit deltas kept for resuming clients; a client further behind gets a snapshot
     * @param json         encodes each stream event once for all subscribers
     * @param render       a change's event name and data (the board's lines as the public sees them); the one way
     *                     this board's changes are shown, so that an event encoded once fits every subscriber
     */
    public ResumableChanges(Board board, String incarnation, int historyLimit, JsonMapper json,
                            Function<BoardChange, SharedStreamEvents.Named> render) {
        if (historyLimit < 0) {
            throw new IllegalArgumentException("historyLimit must be at least 0, was " + historyLimit);
        }
        this.board = board;
        this.incarnation = incarnation;
        this.historyLimit = historyLimit;
        this.encoded = new SharedStreamEvents(json);
        this.render = render;
        this.historyKeeper = board.changes().subscribe(this::remember);
    }

    /**
     * The changes from now on: first the current state as a snapshot, or, when {@code lastEventId} names a state of
     * this incarnation whose successors are all kept, those successors (none if it is the current state); then every
     * change as it comes, until {@link #close()}.
     */
    public Flux<BoardChange> since(String lastEventId) {
        OptionalLong resumeFrom = sequenceOf(lastEventId);
        Flux<BoardChange> changes = board.changes().switchOnFirst((first, all) -> {
            if (resumeFrom.isEmpty() || !first.hasValue()) {
                return all;
            }
            List<BoardChange.Delta> missed = missedSince(resumeFrom.getAsLong(), first.get().sequence());
            return missed == null ? all : Flux.<BoardChange>fromIterable(missed).concatWith(all.skip(1));
        });
        return changes.takeUntilOther(closed.asMono())
                .doOnSubscribe(subscription -> watching.incrementAndGet())
                .doFinally(signal -> watching.decrementAndGet());
    }

    /** {@link #since} as server-sent events, each made by the board's render and encoded once for all subscribers. */
    public Flux<StreamFrame> events(String lastEventId) {
        return since(lastEventId).map(change -> encoded.of(id(change), change, render));
    }

    /** The id of a change's stream event. */
    public String id(BoardChange change) {
        return incarnation + "." + change.sequence();
    }

    /** Streams open now. */
    public int watching() {
        return watching.get();
    }

    /**
     * Stops keeping the history and ends the streams open now: the board is replaced or dropped, and clients
     * reconnect (an EventSource does so by itself) to whatever takes its place.
     */
    public void close() {
        historyKeeper.dispose();
        closed.tryEmitEmpty();
    }

    private OptionalLong sequenceOf(String lastEventId) {
        String prefix = incarnation + ".";
        if (lastEventId == null || !lastEventId.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        String sequence = lastEventId.substring(prefix.length());
        return sequence.matches("0|[1-9][0-9]{0,17}") ? OptionalLong.of(Long.parseLong(sequence))
                : OptionalLong.empty();
    }

    /** The deltas after {@code last} up to {@code current}, or null if some of them are no longer kept. */
    private synchronized List<BoardChange.Delta> missedSince(long last, long current) {
        if (last > current) {
            return null;
        }
        List<BoardChange.Delta> missed = new ArrayList<>();
        for (BoardChange.Delta delta : history) {
            if (delta.sequence() > last && delta.sequence() <= current) {
                missed.add(delta);
            }
        }
        return missed.size() == current - last ? missed : null;
    }

    private synchronized void remember(BoardChange change) {
        if (change instanceof BoardChange.Delta delta) {
            if (!history.isEmpty() && history.peekLast().sequence() + 1 != delta.sequence()) {
                history.clear();
            }
            history.addLast(delta);
            while (history.size() > historyLimit) {
                history.removeFirst();
            }
        } else {
            history.clear();
        }
    }
}
