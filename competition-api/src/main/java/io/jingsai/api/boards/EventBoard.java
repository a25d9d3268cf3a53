package io.jingsai.api.boards;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingsai.api.event.Standing;
import io.jingsai.api.result.CurrentResults.CurrentResult;
import io.jingsai.api.result.EntryResultStatus;
import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardChange;
import io.jingsai.leaderboard.BoardRule;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.Page;
import io.jingsai.scoring.ranking.RankingRule;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One event's public board: a leaderboard {@link Board} ranked by the event's own ranking rule, the public names of
 * its entries, and the recent changes of its stream.
 *
 * <p>On the board: every entry that is not withdrawn and has a result. Results that are not complete yet
 * (INCOMPLETE, NEEDS_REVIEW) rank on their provisional totals and are marked provisional; a disqualified entry
 * ranks on its zero total. These are the entries and the order of the event's standings for organizers, so the
 * public sees what the engine ranks.
 *
 * <p>Results are applied by version: applying a result older than the one the board holds changes nothing, so the
 * initial load and the followed changes may interleave in any order.
 *
 * <p>Versions and stream ids carry the board's incarnation (random per board object): they are compared, never
 * parsed, and a version or id from another instance or an earlier board never matches.
 */
final class EventBoard {

    private static final Logger LOG = LoggerFactory.getLogger(EventBoard.class);
    /** Every figure an event's rules can publish fits (a rounding scale is at most 10), totals far below 10^8. */
    private static final int KEY_SCALE = 10;

    /** What the board knows of an entry. */
    private record Line(long registrationId, int registrationNumber, String stationNumber, EntryResultStatus status,
                        BigDecimal total, long resultVersion) {
    }

    private final long eventId;
    private final String incarnation;
    private final BoardRule<Standing> rule;
    private final Board board;
    private final Map<Long, Line> lines = new ConcurrentHashMap<>();
    private final Map<Integer, Long> byNumber = new ConcurrentHashMap<>();
    private final Map<Long, BoardStore.Label> labels = new ConcurrentHashMap<>();
    private final Deque<BoardChange.Delta> history = new ArrayDeque<>();
    private final int historyLimit;
    private final Disposable historyKeeper;
    private final AtomicInteger watching = new AtomicInteger();

    EventBoard(long eventId, String incarnation, RankingRule<Standing> ranking,
               BoardRuntime runtime, int historyLimit) {
        this.eventId = eventId;
        this.incarnation = incarnation;
        this.rule = BoardRule.of(ranking, KEY_SCALE);
        this.board = Board.create(rule.spec("event-" + eventId), runtime);
        this.historyLimit = historyLimit;
        this.historyKeeper = board.changes().subscribe(this::remember);
    }

    long eventId() {
        return eventId;
    }

    /** Labels of entries the board has not named yet. */
    void name(Collection<BoardStore.Label> named) {
        named.forEach(label -> labels.put(label.registrationId(), label));
    }

    boolean isNamed(long registrationId) {
        return labels.containsKey(registrationId);
    }

    /** Puts the entry's result on the board (or takes a withdrawn or absent entry off it), unless the board holds a newer one. */
    synchronized void apply(CurrentResult result) {
        Line known = lines.get(result.registrationId());
        if (known != null && known.resultVersion() >= result.version()) {
            return;
        }
        lines.put(result.registrationId(), new Line(result.registrationId(), result.registrationNumber(),
                result.stationNumber(), result.status(), result.total(), result.version()));
        byNumber.put(result.registrationNumber(), result.registrationId());
        if (!result.registrationStatus().competes()) {
            board.remove(result.registrationId());
            return;
        }
        try {
            board.upsert(rule.entry(result.registrationId(), result.registrationNumber(), result.standing()));
        } catch (IllegalArgumentException unrankable) {
            // A figure beyond what a board holds: the entry stays off the board rather than stopping the others.
            board.remove(result.registrationId());
            LOG.warn("Entry {} of event {} cannot be ranked on the public board: {}", result.registrationId(),
                    eventId, unrankable.getMessage());
        }
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    /** The board's version, read before the content it tags, so that a tag is never newer than what it tags. */
    String version() {
        return incarnation + "." + board.version();
    }

    BoardPageView page(int offset, int limit) {
        String version = version();
        Page page = board.page(offset, limit);
        return new BoardPageView(eventId, version, page.total(), offset, lines(page.entries()));
    }

    BoardPageView top(int k) {
        String version = version();
        return new BoardPageView(eventId, version, board.count(), 0, lines(board.top(k)));
    }

    /** The entry with this registration number and up to {@code k} entries either side; empty if it is not on. */
    Optional<BoardPageView> around(long registrationNumber, int k) {
        String version = version();
        Long id = registrationNumber > Integer.MAX_VALUE ? null : byNumber.get((int) registrationNumber);
        if (id == null) {
            return Optional.empty();
        }
        List<io.jingsai.leaderboard.Standing> near = board.around(id, k);
        if (near.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BoardPageView(eventId, version, board.count(), near.get(0).position() - 1,
                lines(near)));
    }

    private List<BoardLineView> lines(List<io.jingsai.leaderboard.Standing> standings) {
        List<BoardLineView> views = new ArrayList<>(standings.size());
        for (io.jingsai.leaderboard.Standing standing : standings) {
            views.add(line(standing));
        }
        return views;
    }

    private BoardLineView line(io.jingsai.leaderboard.Standing standing) {
        Line line = lines.get(standing.id());
        BoardStore.Label label = labels.get(standing.id());
        EntryResultStatus status = line.status();
        return new BoardLineView(standing.rank(), standing.position(), line.registrationNumber(),
                line.stationNumber(), label == null ? null : label.entrant(), label == null ? null : label.enterprise(),
                line.total(), status, status == EntryResultStatus.INCOMPLETE || status == EntryResultStatus.NEEDS_REVIEW);
    }

    // --- the stream -----------------------------------------------------------------------------------------------

    /** A stream event: its id, its name and its data. */
    record StreamEvent(String id, String name, Object data) {
    }

    /**
     * The board's changes as stream events: a snapshot, then changes; a client that names the last id it received
     * resumes with the changes it missed if the board still has them all, or with nothing if it missed none, and
     * gets a snapshot otherwise. Slow subscribers are skipped ahead by the board's feed (latest state only) and get
     * a snapshot instead of changes they could not apply.
     */
    Flux<StreamEvent> events(String lastEventId) {
        OptionalLong resumeFrom = sequenceOf(lastEventId);
        Flux<StreamEvent> events = board.changes().switchOnFirst((first, changes) -> {
            if (resumeFrom.isEmpty() || !first.hasValue()) {
                return changes.map(this::event);
            }
            List<BoardChange.Delta> missed = missedSince(resumeFrom.getAsLong(), first.get().sequence());
            if (missed == null) {
                return changes.map(this::event);
            }
            return Flux.fromIterable(missed).map(this::event).concatWith(changes.skip(1).map(this::event));
        });
        return events.doOnSubscribe(subscription -> watching.incrementAndGet())
                .doFinally(signal -> watching.decrementAndGet());
    }

    /** Streams of this board open now. */
    int watching() {
        return watching.get();
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

    private StreamEvent event(BoardChange change) {
        String id = incarnation + "." + change.sequence();
        if (change instanceof BoardChange.Delta delta) {
            return new StreamEvent(id, "change", new BoardStreamEvents.Change(eventId, delta.sequence(),
                    delta.total(), lines(delta.changed()),
                    delta.leftTop().stream().map(left -> lines.get(left).registrationNumber()).toList()));
        }
        BoardChange.Snapshot snapshot = (BoardChange.Snapshot) change;
        return new StreamEvent(id, "snapshot", new BoardStreamEvents.Snapshot(eventId, snapshot.sequence(),
                snapshot.total(), lines(snapshot.top())));
    }

    /** Stops keeping the stream's history (the board's feed then ticks only while clients watch). */
    void close() {
        historyKeeper.dispose();
    }
}
