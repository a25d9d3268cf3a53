package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.jingsai.api.boards.ResumableChanges;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.programme.ProgrammeBoardStore.Contestant;
import io.jingsai.api.programme.ProgrammeBoardStore.EventPart;
import io.jingsai.api.programme.ProgrammeBoardStore.Scored;
import io.jingsai.leaderboard.Board;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.leaderboard.BoardView;
import io.jingsai.leaderboard.Entry;
import io.jingsai.leaderboard.ProgrammePlan;
import io.jingsai.leaderboard.Quotas;
import io.jingsai.leaderboard.RankingOrder;
import io.jingsai.leaderboard.Standing;
import io.jingsai.leaderboard.TierStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * One programme's live star board in memory: the leaderboard's stars board ({@link io.jingsai.leaderboard.ProgrammeBoards})
 * holding one entry per contestant, ranked and cut into the stars tier as {@link StarStandings} ranks the LIVE basis
 * (score higher first, "1224", ties shown by contestant id, the programme's quota and cut-off policy), with the
 * public lines of its contestants.
 *
 * <p>It is kept by event: each event's part ({@link EventPart}) replaces the part it had, and only the contestants
 * of the two parts are restated. That is what standardisation asks for: one mark moves every standardised score of
 * its event, so an event's part is always taken whole.
 *
 * <p>Writes come one at a time ({@link ProgrammeBoards} serialises them); reads never wait. A contestant's line is
 * put before the board shows the contestant and removed after the board dropped him, so every standing read has its
 * line. A version is read before the content it tags: content is never older than its version.
 */
final class ProgrammeStars {

    /** Standardised scores are rounded by each event's scale; any scale up to 10 fits (as on the event boards). */
    private static final int KEY_SCALE = 10;
    private static final RankingOrder ORDER = RankingOrder.score(KEY_SCALE);

    /** What the public sees of a contestant on the board. */
    record Line(Contestant who, List<StarBoard.EventScore> events, boolean provisional) {
    }

    /** What a reader sees: a view of the board and its version (also its ETag). */
    record Sight(BoardView view, String version) {
    }

    private final ProgrammeRow programme;
    private final long version;
    private final String incarnation;
    private final Board board;
    private final Map<Long, EventPart> parts = new HashMap<>();
    private final Map<Long, Map<Long, StarBoard.EventScore>> scores = new HashMap<>();
    private final Map<Long, Line> lines = new ConcurrentHashMap<>();
    private final int resumeHistory;
    private final JsonMapper json;
    /** Made at the first stream, so that a board nobody streams keeps no feed ticking; guarded by this. */
    private ResumableChanges changes;
    private boolean closed;
    /** Changes that move nothing on the board (an event's step makes its scores final) change the version too. */
    private final AtomicLong revision = new AtomicLong();

    ProgrammeStars(ProgrammeRow programme, String incarnation, BoardRuntime runtime, int resumeHistory,
                   JsonMapper json) {
        this.programme = programme;
        this.json = json;
        this.resumeHistory = resumeHistory;
        this.version = programme.version();
        this.incarnation = incarnation;
        TierQuotas quotas = programme.quotas();
        ProgrammePlan plan = ProgrammePlan.of("programme-" + programme.id())
                .withQuotas(new Quotas(quotas.demonstration(), quotas.key(), quotas.stars(), quotas.enterprises()))
                .withCutOffPolicy(programme.starsCutOff())
                .withStarsOrder(ORDER);
        this.board = io.jingsai.leaderboard.ProgrammeBoards.create(plan, runtime).stars();
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
            apply(new EventPart(eventId, before.programmeId(), before.status(), false, false, List.of(),
                    before.freezeRevision()));
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
        Map<Long, StarBoard.EventScore> held = scores.get(who.id());
        if (held == null || held.isEmpty()) {
            scores.remove(who.id());
            board.remove(who.id());
            lines.remove(who.id());
            return;
        }
        StarBoard.Star star = StarBoard.star(who.id(), who.name(), who.enterpriseId(), who.tradeId(),
                new ArrayList<>(held.values()), programme.starsCombination());
        lines.put(who.id(), new Line(who, star.events(), star.provisional()));
        board.upsert(new Entry(who.id(), displayKey(who.id(), star.provisional()), ORDER.key(star.score()), Map.of(
                io.jingsai.leaderboard.ProgrammeBoards.TRADE, Long.toString(who.tradeId()),
                io.jingsai.leaderboard.ProgrammeBoards.REGION, who.regionCode())));
    }

    /**
     * Ties are shown by contestant id; the lowest bit says whether the line is provisional, which keeps that order
     * and makes a line whose scores became final (its event closed marking) a change on the board's stream even
     * though its score did not move.
     */
    private static long displayKey(long contestantId, boolean provisional) {
        return contestantId * 2 + (provisional ? 1 : 0);
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

    /** The board (or its entries of one trade or region), with its version read first. */
    Sight sight(String facet, String value) {
        String tag = incarnation + "." + revision.get() + "." + board.version();
        return new Sight(facet == null ? board : board.filter(facet, value), tag);
    }

    /** The stars tier: quota, members, overflow, vacancies and the cut-off score. */
    TierStatus tier() {
        return board.tier(io.jingsai.leaderboard.ProgrammeBoards.STARS_TIER);
    }

    /** The stars tier as the public sees it. */
    static ProgrammeOverviewView.Tier starsTier(TierStatus tier) {
        return new ProgrammeOverviewView.Tier("STARS", tier.quota(), true, tier.policy(), tier.members(),
                tier.overflow(), tier.vacancies(), tier.cutOff().map(key -> score(
                new Standing(0, 0, key, 0, 0, Optional.empty()))).orElse(null));
    }

    /** The board's changes for streams; empty once the board was replaced or dropped ({@link #close()}). */
    synchronized Optional<ResumableChanges> changes() {
        if (changes == null && !closed) {
            changes = new ResumableChanges(board, incarnation, resumeHistory, json,
                    change -> StarStreamEvents.of(this, change));
        }
        return Optional.ofNullable(changes);
    }

    /** The board is replaced or dropped: its streams end (clients reconnect to the one in its place). */
    synchronized void close() {
        closed = true;
        if (changes != null) {
            changes.close();
        }
    }

    /** A standing's line as the public sees it; its score is the board's, which its rank was read with. */
    StarPageView.Line publicLine(Standing standing) {
        return publicLine(standing, line(standing));
    }

    /** As {@link #publicLine}, or null if the contestant has left the board since the standing was read. */
    StarPageView.Line publicLineIfOn(Standing standing) {
        Line line = lines.get(standing.id());
        return line == null ? null : publicLine(standing, line);
    }

    private static StarPageView.Line publicLine(Standing standing, Line line) {
        Contestant who = line.who();
        return new StarPageView.Line(standing.rank(), standing.position(), who.id(), who.name(), who.enterprise(),
                who.tradeId(), who.tradeName(), who.tradeNameEn(), who.regionCode(), score(standing),
                standing.tier().isPresent(), line.provisional(), line.events().stream()
                .map(score -> new StarPageView.EventScore(score.eventId(), score.score(), score.provisional()))
                .toList());
    }

    /** A standing's public line; its score is the board's, which its rank was read with. */
    Line line(Standing standing) {
        return lines.get(standing.id());
    }

    /** The standing's score as published: the event scale's places, at least two (700.00, not 7E+2). */
    static BigDecimal score(Standing standing) {
        BigDecimal score = standing.key().score().stripTrailingZeros();
        return score.scale() < 2 ? score.setScale(2) : score;
    }
}
