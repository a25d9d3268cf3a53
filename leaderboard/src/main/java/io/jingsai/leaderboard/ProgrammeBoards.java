package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.ranking.RankStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The boards of one programme (十百千万): competition stars, competition projects (demonstration and key tiers),
 * enterprises, and one board per event (赛项). This is the entry point for the application layer.
 *
 * <table>
 *   <caption>Boards, tiers and facets</caption>
 *   <tr><th>board</th><th>name</th><th>tiers (most exclusive first)</th><th>facets</th></tr>
 *   <tr><td>{@link #stars()}</td><td>{@code <programme>/stars}</td><td>{@value #STARS_TIER}</td>
 *       <td>{@value #TRADE}, {@value #REGION}, {@value #KEY_AREA}</td></tr>
 *   <tr><td>{@link #projects()}</td><td>{@code <programme>/projects}</td>
 *       <td>{@value #DEMONSTRATION_TIER}, {@value #KEY_TIER}</td>
 *       <td>{@value #REGION}, {@value #KEY_AREA}, {@value #ASPECT}</td></tr>
 *   <tr><td>{@link #enterprises()}</td><td>{@code <programme>/enterprises}</td><td>{@value #ENTERPRISES_TIER}</td>
 *       <td>{@value #REGION}, {@value #KEY_AREA}</td></tr>
 *   <tr><td>{@link #openEvent}</td><td>{@code <programme>/events/<event>}</td><td>none (awards belong to the
 *       scoring engine)</td><td>{@value #REGION}</td></tr>
 * </table>
 *
 * <p>Typical use: {@code boards.stars().upsert(Entry.of(contestantId, registrationNo, key).withFacet("trade",
 * "welder"))} when a result is published, {@code boards.stars().publicView().page(0, 20)} for REST, and
 * {@code boards.stars().changes()} for server-sent events. Thread-safe.
 */
public final class ProgrammeBoards {

    /** Tier of the stars board. */
    public static final String STARS_TIER = "stars";
    /** Most exclusive tier of the projects board. */
    public static final String DEMONSTRATION_TIER = "demonstration";
    /** Second tier of the projects board (includes the demonstration projects). */
    public static final String KEY_TIER = "key";
    /** Tier of the enterprises board. */
    public static final String ENTERPRISES_TIER = "enterprises";
    /** Facet: the trade (工种) of a star. */
    public static final String TRADE = "trade";
    /** Facet: region. */
    public static final String REGION = "region";
    /** Facet: key area (重点领域). */
    public static final String KEY_AREA = "keyArea";
    /** Facet: aspect (方面) of a project. */
    public static final String ASPECT = "aspect";

    private final ProgrammePlan plan;
    private final BoardRuntime runtime;
    private final Board stars;
    private final Board projects;
    private final Board enterprises;
    private final Map<String, Board> events = new ConcurrentHashMap<>();

    private ProgrammeBoards(ProgrammePlan plan, BoardRuntime runtime) {
        this.plan = plan;
        this.runtime = runtime;
        Quotas q = plan.quotas();
        CutOffPolicy policy = plan.cutOffPolicy();
        stars = Board.create(new BoardSpec(name("stars"), plan.starsOrder(), RankStyle.STANDARD,
                List.of(new Tier(STARS_TIER, q.stars(), policy)), List.of(TRADE, REGION, KEY_AREA)), runtime);
        projects = Board.create(new BoardSpec(name("projects"), plan.projectsOrder(), RankStyle.STANDARD,
                List.of(new Tier(DEMONSTRATION_TIER, q.demonstrationProjects(), policy),
                        new Tier(KEY_TIER, q.keyProjects(), policy)),
                List.of(REGION, KEY_AREA, ASPECT)), runtime);
        enterprises = Board.create(new BoardSpec(name("enterprises"), plan.enterprisesOrder(), RankStyle.STANDARD,
                List.of(new Tier(ENTERPRISES_TIER, q.enterprises(), policy)), List.of(REGION, KEY_AREA)), runtime);
    }

    /** Creates the three programme boards, empty. */
    public static ProgrammeBoards create(ProgrammePlan plan, BoardRuntime runtime) {
        return new ProgrammeBoards(Objects.requireNonNull(plan, "plan"), Objects.requireNonNull(runtime, "runtime"));
    }

    private String name(String board) {
        return plan.programme() + "/" + board;
    }

    /** How these boards were set up. */
    public ProgrammePlan plan() {
        return plan;
    }

    /** Competition stars (individual workers), ranked by their score standardised across trades. */
    public Board stars() {
        return stars;
    }

    /** Competition projects; the demonstration tier holds the best of the key tier. */
    public Board projects() {
        return projects;
    }

    /** Enterprises that run competitions of their own. */
    public Board enterprises() {
        return enterprises;
    }

    /**
     * Opens the board of one event (one trade's contest), ranked by the event's own ranking rule: its chain, rank
     * style and tie policy, as {@link BoardRule} turns them into a board.
     *
     * @throws IllegalArgumentException if the event code is blank
     * @throws IllegalStateException    if the event already has a board
     */
    public Board openEvent(String event, BoardRule<?> rule) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(rule, "rule");
        if (event.isBlank()) {
            throw new IllegalArgumentException("event code must not be blank");
        }
        var spec = rule.spec(name("events/" + event)).withFacets(REGION);
        Board board = Board.create(spec, runtime);
        if (events.putIfAbsent(event, board) != null) {
            throw new IllegalStateException("event '" + event + "' of programme '" + plan.programme()
                    + "' already has a board");
        }
        return board;
    }

    /** The board of an event, if it was opened. */
    public Optional<Board> event(String event) {
        return Optional.ofNullable(events.get(event));
    }

    /** Forgets an event's board; returns false if there was none. Its subscribers keep the last state. */
    public boolean closeEvent(String event) {
        return events.remove(event) != null;
    }

    /** Every board: stars, projects, enterprises, then the events in no particular order. */
    public List<Board> all() {
        var all = new java.util.ArrayList<Board>(3 + events.size());
        all.add(stars);
        all.add(projects);
        all.add(enterprises);
        all.addAll(events.values());
        return List.copyOf(all);
    }

    /** Freezes every board's public view (for example while results are under public review). */
    public void freezeAll() {
        all().forEach(Board::freeze);
    }

    /** Unfreezes every board, publishing each at once. */
    public void unfreezeAll() {
        all().forEach(Board::unfreeze);
    }
}
