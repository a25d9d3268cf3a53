package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.jingsai.api.boards.ResumableChanges;
import io.jingsai.api.programme.ProgrammeBoardStore.Contestant;
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
 * One live star board of a programme: the programme-wide board, or the board of one split of its stars quota (its own
 * quota, only the entries its {@link StarScope} counts). One entry per contestant, ranked and cut into the stars tier
 * as {@link StarStandings} ranks the LIVE basis (score higher first, "1224", ties shown by contestant id, the
 * programme's quota or the split's, its cut-off policy), with the public lines of its contestants and the changes its
 * streams follow.
 *
 * <p>Written by its {@link ProgrammeStars} only, one write at a time; reads never wait. A contestant's line is put
 * before the board shows the contestant and removed after the board dropped him, so every standing read has its line.
 */
final class StarTable {

    /** Standardised scores are rounded by each event's scale; any scale up to 10 fits (as on the event boards). */
    private static final int KEY_SCALE = 10;
    private static final RankingOrder ORDER = RankingOrder.score(KEY_SCALE);

    /** What a reader sees: a view of the board and its version (also its ETag). */
    record Sight(BoardView view, String version) {
    }

    private final long programmeId;
    private final StarScope scope;
    private final StarCombination combination;
    private final Board board;
    private final Map<Long, ProgrammeStars.Line> lines = new ConcurrentHashMap<>();
    private final String incarnation;
    private final LongSupplier revision;
    private final int resumeHistory;
    private final JsonMapper json;
    /** Made at the first stream, so that a board nobody streams keeps no feed ticking; guarded by this. */
    private ResumableChanges changes;
    private boolean closed;

    /**
     * @param revision counts the changes of the programme's boards that move nothing on them (an event's step makes
     *                 its scores final), part of every version
     */
    StarTable(ProgrammeRow programme, StarScope scope, String incarnation, LongSupplier revision, BoardRuntime runtime,
              int resumeHistory, JsonMapper json) {
        this.programmeId = programme.id();
        this.scope = scope;
        this.combination = programme.starsCombination();
        this.incarnation = scope.key() == null ? incarnation : incarnation + "-" + scope.key();
        this.revision = revision;
        this.resumeHistory = resumeHistory;
        this.json = json;
        TierQuotas quotas = programme.quotas();
        ProgrammePlan plan = ProgrammePlan.of("programme-" + programmeId
                        + (scope.key() == null ? "" : "-" + scope.key()))
                .withQuotas(new Quotas(quotas.demonstration(), quotas.key(), scope.quota(quotas.stars()),
                        quotas.enterprises()))
                .withCutOffPolicy(programme.starsCutOff())
                .withStarsOrder(ORDER);
        this.board = io.jingsai.leaderboard.ProgrammeBoards.create(plan, runtime).stars();
    }

    long programmeId() {
        return programmeId;
    }

    /** The split's key; null for the programme-wide board. */
    String split() {
        return scope.key();
    }

    /** Which entries the board counts, and its quota. */
    StarScope scope() {
        return scope;
    }

    /**
     * Puts the contestant on the board as the scores this board counts of {@code held} combine, or takes him off when
     * it counts none.
     *
     * @param keyAreaOfEvent the key area of an event's project, null when it has none
     */
    void restate(Contestant who, Collection<StarBoard.EventScore> held, Function<Long, String> keyAreaOfEvent) {
        List<StarBoard.EventScore> counted = held.stream()
                .filter(score -> scope.counts(who.regionCode(), keyAreaOfEvent.apply(score.eventId())))
                .toList();
        if (counted.isEmpty()) {
            if (lines.containsKey(who.id())) { // most contestants are on no split's board: leave those alone
                board.remove(who.id());
                lines.remove(who.id());
            }
            return;
        }
        StarBoard.Star star = StarBoard.star(who.id(), who.name(), who.enterpriseId(), who.tradeId(), counted,
                combination);
        lines.put(who.id(), new ProgrammeStars.Line(who, star.events(), star.provisional()));
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

    /** The board (or its entries of one trade or region), with its version read first. */
    Sight sight(String facet, String value) {
        String tag = incarnation + "." + revision.getAsLong() + "." + board.version();
        return new Sight(facet == null ? board : board.filter(facet, value), tag);
    }

    /** The stars tier: quota, members, overflow, vacancies and the cut-off score. */
    TierStatus tier() {
        return board.tier(io.jingsai.leaderboard.ProgrammeBoards.STARS_TIER);
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

    /** The stars tier as the public sees it. */
    static ProgrammeOverviewView.Tier starsTier(TierStatus tier) {
        return new ProgrammeOverviewView.Tier("STARS", tier.quota(), true, tier.policy(), tier.members(),
                tier.overflow(), tier.vacancies(), tier.cutOff().map(key -> score(
                new Standing(0, 0, key, 0, 0, Optional.empty()))).orElse(null));
    }

    /** A standing's line as the public sees it; its score is the board's, which its rank was read with. */
    StarPageView.Line publicLine(Standing standing) {
        return publicLine(standing, lines.get(standing.id()));
    }

    /** As {@link #publicLine}, or null if the contestant has left the board since the standing was read. */
    StarPageView.Line publicLineIfOn(Standing standing) {
        ProgrammeStars.Line line = lines.get(standing.id());
        return line == null ? null : publicLine(standing, line);
    }

    private static StarPageView.Line publicLine(Standing standing, ProgrammeStars.Line line) {
        Contestant who = line.who();
        return new StarPageView.Line(standing.rank(), standing.position(), who.id(), who.name(), who.enterprise(),
                who.tradeId(), who.tradeName(), who.tradeNameEn(), who.regionCode(), score(standing),
                standing.tier().isPresent(), line.provisional(), line.events().stream()
                .map(score -> new StarPageView.EventScore(score.eventId(), score.score(), score.provisional()))
                .toList());
    }

    /** The standing's score as published: the event scale's places, at least two (700.00, not 7E+2). */
    static BigDecimal score(Standing standing) {
        BigDecimal score = standing.key().score().stripTrailingZeros();
        return score.scale() < 2 ? score.setScale(2) : score;
    }
}
