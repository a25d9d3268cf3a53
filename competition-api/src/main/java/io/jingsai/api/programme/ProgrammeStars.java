package io.jingsai.api.programme;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.programme.ProgrammeBoardStore.Contestant;
import io.jingsai.api.programme.ProgrammeBoardStore.EventPart;
import io.jingsai.api.programme.ProgrammeBoardStore.Scored;
import io.jingsai.leaderboard.BoardRuntime;
import tools.jackson.databind.json.JsonMapper;

/**
 * One programme's live star boards in memory: the programme-wide board and, when the programme splits its stars
 * quota, one board per split ({@link StarTable}), each as {@link StarStandings} ranks the LIVE basis.
 *
 * <p>It is kept by event: each event's part ({@link EventPart}) replaces the part it had, and only the contestants
 * of the two parts are restated, on every board. That is what standardisation asks for: one mark moves every
 * standardised score of its event, so an event's part is always taken whole.
 *
 * <p>Writes come one at a time ({@link ProgrammeBoards} serialises them); reads never wait. A version is read before
 * the content it tags: content is never older than its version.
 */
final class ProgrammeStars {

    /** What the public sees of a contestant on a board. */
    record Line(Contestant who, List<StarBoard.EventScore> events, boolean provisional) {
    }

    private final ProgrammeRow programme;
    private final long version;
    private final StarTable whole;
    /** The splits' boards by key, in the star rule's order. */
    private final Map<String, StarTable> splits = new LinkedHashMap<>();
    private final Map<Long, EventPart> parts = new HashMap<>();
    private final Map<Long, Map<Long, StarBoard.EventScore>> scores = new HashMap<>();
    /** Changes that move nothing on the boards (an event's step makes its scores final) change the version too. */
    private final AtomicLong revision = new AtomicLong();

    ProgrammeStars(ProgrammeRow programme, StarRule rule, String incarnation, BoardRuntime runtime,
                   int resumeHistory, JsonMapper json) {
        this.programme = programme;
        this.version = programme.version();
        this.whole = new StarTable(programme, StarScope.WHOLE, incarnation, revision::get, runtime, resumeHistory,
                json);
        for (StarSplit split : rule.splits()) {
            splits.put(split.key(), new StarTable(programme, StarScope.of(rule.splitBy(), split), incarnation,
                    revision::get, runtime, resumeHistory, json));
        }
    }

    ProgrammeRow programme() {
        return programme;
    }

    /** The version of the programme's row these boards were set up from. */
    long programmeVersion() {
        return version;
    }

    /** Takes the event's part as it is stored now, replacing the part it had. */
    synchronized void apply(EventPart part) {
        EventPart before = parts.put(part.eventId(), part);
        Map<Long, Contestant> affected = new HashMap<>();
        if (before != null) {
            for (Scored scored : before.scored()) {
                scores.get(scored.who().id()).remove(scored.registrationId());
                affected.put(scored.who().id(), scored.who());
            }
        }
        for (Scored scored : part.scored()) {
            scores.computeIfAbsent(scored.who().id(), id -> new HashMap<>()).put(scored.registrationId(),
                    new StarBoard.EventScore(part.eventId(), scored.registrationId(), scored.score(),
                            !part.finalStandings()));
            affected.put(scored.who().id(), scored.who()); // the latest names win
        }
        affected.values().forEach(this::restate);
        revision.incrementAndGet();
    }

    /** Forgets an event that no longer exists. */
    synchronized void forget(long eventId) {
        EventPart before = parts.get(eventId);
        if (before != null) {
            apply(EventPart.uncounted(eventId, before.programmeId(), before.status(), before.freezeRevision(),
                    before.keyArea()));
            parts.remove(eventId);
        }
    }

    /** The part the board holds of an event: its status and whether it is counted; empty if it has none yet. */
    synchronized Optional<EventPart> part(long eventId) {
        return Optional.ofNullable(parts.get(eventId));
    }

    /** The events whose parts the board holds. */
    synchronized List<Long> knownEvents() {
        return List.copyOf(parts.keySet());
    }

    private void restate(Contestant who) {
        Map<Long, StarBoard.EventScore> held = scores.getOrDefault(who.id(), Map.of());
        if (held.isEmpty()) {
            scores.remove(who.id());
        }
        whole.restate(who, held.values(), this::keyAreaOf);
        splits.values().forEach(table -> table.restate(who, held.values(), this::keyAreaOf));
    }

    private String keyAreaOf(long eventId) {
        EventPart part = parts.get(eventId);
        return part == null ? null : part.keyArea();
    }

    // --- reads ----------------------------------------------------------------------------------------------------

    /** Whether any of its events is public: only then has the programme a public board. */
    synchronized boolean isPublic() {
        return parts.values().stream().anyMatch(EventPart::counted);
    }

    /** Whether a counted event is still marking: then scores are provisional. */
    synchronized boolean provisional() {
        return parts.values().stream().anyMatch(part -> part.counted() && !part.finalStandings());
    }

    /** Counted events, and whether all of them are PUBLISHED (the board is final). */
    synchronized int countedEvents() {
        return (int) parts.values().stream().filter(EventPart::counted).count();
    }

    synchronized boolean published() {
        List<EventPart> counted = parts.values().stream().filter(EventPart::counted).toList();
        return !counted.isEmpty() && counted.stream().allMatch(part -> part.status() == EventStatus.PUBLISHED);
    }

    /** The programme-wide board. */
    StarTable whole() {
        return whole;
    }

    /** The board of the split of that key; the programme-wide board for null; empty when there is no such split. */
    Optional<StarTable> table(String split) {
        return split == null ? Optional.of(whole) : Optional.ofNullable(splits.get(split));
    }

    /** The splits' boards, in the star rule's order; none when the stars quota is not split. */
    List<StarTable> splits() {
        return List.copyOf(splits.values());
    }

    /** The boards are replaced or dropped: their streams end (clients reconnect to those in their place). */
    void close() {
        whole.close();
        splits.values().forEach(StarTable::close);
    }
}
