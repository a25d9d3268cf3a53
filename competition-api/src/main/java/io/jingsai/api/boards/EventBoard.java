package io.jingsai.api.boards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jingsai.api.event.Standing;
import io.jingsai.api.result.CurrentResults.CurrentResult;
import io.jingsai.api.result.EntryResultStatus;
import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardChange;
import io.jingsai.leaderboard.BoardRule;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardView;
import io.jingsai.leaderboard.Entry;
import io.jingsai.leaderboard.Page;
import io.jingsai.scoring.ranking.RankingRule;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

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
 *
 * <p><b>The freeze (封榜).</b> While the event's board is frozen ({@link #follow}), the public reads and the stream
 * show the results stored with the freeze, the same on every instance, while the live board goes on taking results
 * for organizers ({@link #livePage}). A frozen view's version names the freeze, so it stays the same however many
 * results arrive; the stream publishes the freeze once and then nothing until the release, which publishes the
 * changes from the frozen view to the live one.
 */
final class EventBoard {

    private static final Logger LOG = LoggerFactory.getLogger(EventBoard.class);
    /** Every figure an event's rules can publish fits (a rounding scale is at most 10), totals far below 10^8. */
    private static final int KEY_SCALE = 10;

    /** What the board knows of an entry. */
    private record Line(long registrationId, int registrationNumber, String stationNumber, EntryResultStatus status,
                        BigDecimal total, long resultVersion) {

        static Line of(CurrentResult result) {
            return new Line(result.registrationId(), result.registrationNumber(), result.stationNumber(),
                    result.status(), result.total(), result.version());
        }
    }

    /** The public view while frozen: which freeze, since when, the frozen board and what it knows of its entries. */
    private record Frozen(long revision, Instant since, BoardView view, Map<Long, Line> lines) {
    }

    /** What a reader sees: a view of the board, what it knows of its entries, its version, frozen since (or null). */
    private record Sight(BoardView view, Map<Long, Line> lines, String version, Instant frozenSince) {
    }

    private final long eventId;
    private final String incarnation;
    private final BoardRule<Standing> rule;
    private final Board board;
    private final Map<Long, Line> lines = new ConcurrentHashMap<>();
    private final Map<Integer, Long> byNumber = new ConcurrentHashMap<>();
    private final Map<Long, BoardStore.Label> labels = new ConcurrentHashMap<>();
    private final ResumableChanges changes;
    /** Null while the public sees the live board. */
    private volatile Frozen frozen;
    /** The lines of the latest freeze, for stream events of frozen states (kept after a release for late readers). */
    private volatile Map<Long, Line> frozenLines = Map.of();
    /** The revision of the stored freeze state this board follows (0: never frozen); guarded by this. */
    private long freezeRevision;

    EventBoard(long eventId, String incarnation, RankingRule<Standing> ranking,
               BoardRuntime runtime, int historyLimit, JsonMapper json) {
        this.eventId = eventId;
        this.incarnation = incarnation;
        this.rule = BoardRule.of(ranking, KEY_SCALE);
        this.board = Board.create(rule.spec("event-" + eventId), runtime);
        this.changes = new ResumableChanges(board, incarnation, historyLimit, json, this::event);
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
        lines.put(result.registrationId(), Line.of(result));
        byNumber.put(result.registrationNumber(), result.registrationId());
        Optional<Entry> entry = entryOf(result);
        if (entry.isPresent()) {
            board.upsert(entry.get());
        } else {
            board.remove(result.registrationId());
        }
    }

    /** The entry on a board, or none for an entry that does not compete or cannot be ranked. */
    private Optional<Entry> entryOf(CurrentResult result) {
        if (!result.registrationStatus().competes()) {
            return Optional.empty();
        }
        try {
            return Optional.of(rule.entry(result.registrationId(), result.registrationNumber(), result.standing()));
        } catch (IllegalArgumentException unrankable) {
            // A figure beyond what a board holds: the entry stays off the board rather than stopping the others.
            LOG.warn("Entry {} of event {} cannot be ranked on the public board: {}", result.registrationId(),
                    eventId, unrankable.getMessage());
            return Optional.empty();
        }
    }

    // --- the freeze -----------------------------------------------------------------------------------------------

    /** The revision of the stored freeze state the board follows. */
    synchronized long freezeRevision() {
        return freezeRevision;
    }

    /**
     * Takes a stored freeze state unless the board follows a newer one: freezes the public view with the results
     * stored with the freeze, or makes it live again. Callers read the state after the results they apply next, and
     * take it first, so that a result committed after a freeze never reaches the public view.
     */
    synchronized void follow(BoardFreeze freeze) {
        if (freeze.revision() <= freezeRevision) {
            return;
        }
        freezeRevision = freeze.revision();
        if (!freeze.frozen()) {
            frozen = null;
            board.unfreeze();
            return;
        }
        Map<Long, Line> shown = new HashMap<>();
        List<Entry> content = new ArrayList<>();
        for (CurrentResult result : freeze.results()) {
            shown.put(result.registrationId(), Line.of(result));
            byNumber.putIfAbsent(result.registrationNumber(), result.registrationId());
            entryOf(result).ifPresent(content::add);
        }
        frozenLines = Map.copyOf(shown);
        BoardView view = board.freeze(content, freeze.frozenAt());
        frozen = new Frozen(freeze.revision(), freeze.frozenAt(), view, frozenLines);
    }

    /** Since when the public view is frozen, or null while it is live. */
    Instant frozenSince() {
        Frozen current = frozen;
        return current == null ? null : current.since();
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    /** The live board, as organizers see it; its version is read before the content it tags. */
    private Sight live() {
        return new Sight(board, lines, incarnation + "." + board.version(), null);
    }

    /** What the public sees: the frozen view while frozen (its version names the freeze), else the live board. */
    private Sight shown() {
        Frozen current = frozen;
        return current == null ? live()
                : new Sight(current.view(), current.lines(), incarnation + ".f" + current.revision(), current.since());
    }

    /** The public board's version (also its ETag). */
    String version() {
        return shown().version();
    }

    BoardPageView page(int offset, int limit) {
        return page(shown(), offset, limit);
    }

    /** A page of the live board, whatever the public sees. */
    BoardPageView livePage(int offset, int limit) {
        return page(live(), offset, limit);
    }

    private BoardPageView page(Sight sight, int offset, int limit) {
        Page page = sight.view().page(offset, limit);
        return new BoardPageView(eventId, sight.version(), page.total(), offset, lines(sight, page.entries()),
                sight.frozenSince());
    }

    BoardPageView top(int k) {
        Sight sight = shown();
        return new BoardPageView(eventId, sight.version(), sight.view().count(), 0, lines(sight,
                sight.view().top(k)), sight.frozenSince());
    }

    /** The entry with this registration number and up to {@code k} entries either side; empty if it is not on. */
    Optional<BoardPageView> around(long registrationNumber, int k) {
        Sight sight = shown();
        Long id = registrationNumber > Integer.MAX_VALUE ? null : byNumber.get((int) registrationNumber);
        if (id == null) {
            return Optional.empty();
        }
        List<io.jingsai.leaderboard.Standing> near = sight.view().around(id, k);
        if (near.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BoardPageView(eventId, sight.version(), sight.view().count(),
                near.get(0).position() - 1, lines(sight, near), sight.frozenSince()));
    }

    private List<BoardLineView> lines(Sight sight, List<io.jingsai.leaderboard.Standing> standings) {
        return lines(sight.lines(), standings);
    }

    private List<BoardLineView> lines(Map<Long, Line> known, List<io.jingsai.leaderboard.Standing> standings) {
        List<BoardLineView> views = new ArrayList<>(standings.size());
        for (io.jingsai.leaderboard.Standing standing : standings) {
            views.add(line(known, standing));
        }
        return views;
    }

    /** A registration's line as {@code known} has it, or as the live board has it (registration numbers agree). */
    private Line lineOf(Map<Long, Line> known, long registrationId) {
        Line line = known.get(registrationId);
        return line != null ? line : lines.getOrDefault(registrationId, frozenLines.get(registrationId));
    }

    private BoardLineView line(Map<Long, Line> known, io.jingsai.leaderboard.Standing standing) {
        Line line = lineOf(known, standing.id());
        BoardStore.Label label = labels.get(standing.id());
        EntryResultStatus status = line.status();
        return new BoardLineView(standing.rank(), standing.position(), line.registrationNumber(),
                line.stationNumber(), label == null ? null : label.entrant(), label == null ? null : label.enterprise(),
                line.total(), status, status == EntryResultStatus.INCOMPLETE || status == EntryResultStatus.NEEDS_REVIEW);
    }

    // --- the stream -----------------------------------------------------------------------------------------------

    /**
     * The board's changes as stream events: a snapshot, then changes; a client that names the last id it received
     * resumes with the changes it missed if the board still has them all, or with nothing if it missed none, and
     * gets a snapshot otherwise. Slow subscribers are skipped ahead by the board's feed (latest state only) and get
     * a snapshot instead of changes they could not apply. Each event is made once for all subscribers.
     */
    Flux<StreamFrame> events(String lastEventId) {
        return changes.events(lastEventId);
    }

    /** Streams of this board open now. */
    int watching() {
        return changes.watching();
    }

    private SharedStreamEvents.Named event(BoardChange change) {
        Map<Long, Line> known = change.frozenAt().isPresent() ? frozenLines : lines;
        Instant frozenSince = change.frozenAt().orElse(null);
        if (change instanceof BoardChange.Delta delta) {
            return new SharedStreamEvents.Named("change", new BoardStreamEvents.Change(eventId, delta.sequence(),
                    delta.total(), lines(known, delta.changed()),
                    delta.leftTop().stream().map(left -> lineOf(known, left).registrationNumber()).toList(),
                    frozenSince));
        }
        BoardChange.Snapshot snapshot = (BoardChange.Snapshot) change;
        return new SharedStreamEvents.Named("snapshot", new BoardStreamEvents.Snapshot(eventId, snapshot.sequence(),
                snapshot.total(), lines(known, snapshot.top()), frozenSince));
    }

    /** Stops keeping the stream's history (the board's feed then ticks only while clients watch). */
    void close() {
        changes.close();
    }
}
