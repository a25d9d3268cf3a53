package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Read access to a board: the live {@link Board} itself, its frozen public view ({@link Board#publicView()}) or a
 * filtered view ({@link #filter}). This is what REST endpoints query.
 *
 * <p><b>Order and ties.</b> Entries are in display order: best {@link SortKey} first, exact ties by display key,
 * then by id. {@code position} is the unique 1-based place in that order; {@code rank} is shared by ties
 * (standard competition ranking "1224" or dense "1223", per {@link RankStyle}).
 *
 * <p><b>Consistency.</b> Every method reads one consistent state: the standings of a page, their ranks and the
 * page's total all belong to the same moment; a page never mixes states before and after an update. Two calls may
 * see different states.
 *
 * <p><b>Cost.</b> {@code count}, {@code rank}, {@code standing}, {@code atPosition}, {@code atRank}, {@code tierOf},
 * {@code isMember} and {@code tiers} are O(log n); {@code page}, {@code top} and {@code around} are
 * O(log n + size of the result). On a filtered view each standing additionally costs O(log n) (its main-board tier).
 *
 * <p><b>Invalid input</b> (negative offsets, limits above {@link #MAX_LIMIT}, unknown tiers or facets) is rejected
 * with {@link IllegalArgumentException}; an unknown id is not an error (an empty result).
 *
 * <p>Implementations are thread-safe; readers never block writers and wait for a writer at most one update long.
 */
public interface BoardView {

    /** The largest {@code limit}, {@code k} or page this interface returns at once. */
    int MAX_LIMIT = 10_000;

    /** The board's name. */
    String name();

    /** Number of entries. */
    int count();

    /** The rank of an entry, or empty if the id is not on this view. */
    OptionalInt rank(long id);

    /** Where an entry stands, or empty if the id is not on this view. */
    Optional<Standing> standing(long id);

    /**
     * Up to {@code limit} standings starting at 0-based {@code offset}.
     *
     * @throws IllegalArgumentException if {@code offset < 0} or {@code limit} is not in {@code 0..MAX_LIMIT}
     */
    Page page(int offset, int limit);

    /** The first {@code k} standings ({@code 0 <= k <= MAX_LIMIT}). */
    List<Standing> top(int k);

    /**
     * The entry and up to {@code k} neighbours on each side (fewer at either end of the board), in display order;
     * the entry appears exactly once. Empty if the id is not on this view.
     *
     * @throws IllegalArgumentException if {@code k} is not in {@code 0..MAX_LIMIT}
     */
    List<Standing> around(long id, int k);

    /** The standing at 1-based {@code position}, or empty if there is none. */
    Optional<Standing> atPosition(int position);

    /**
     * The first entry (in display order) whose rank is exactly {@code rank}, or empty if no entry has that rank
     * (for example rank 3 after two entries tied 2nd in competition ranking).
     */
    Optional<Standing> atRank(int rank);

    /** The status of every tier of the board, most exclusive first (a filtered view reports the main board's). */
    List<TierStatus> tiers();

    /**
     * The status of one tier.
     *
     * @throws IllegalArgumentException if the board has no such tier
     */
    TierStatus tier(String tier);

    /** The most exclusive tier the entry belongs to, or empty if it is in none or not on this view. */
    Optional<String> tierOf(long id);

    /**
     * Whether the entry is a member of the tier (members of a more exclusive nested tier are members too).
     *
     * @throws IllegalArgumentException if the board has no such tier
     */
    boolean isMember(long id, String tier);

    /**
     * A page of the tier's members, in display order (on a filtered view: the view's entries that are members).
     *
     * @throws IllegalArgumentException if the board has no such tier, or offset/limit are invalid as for {@link #page}
     */
    Page tierMembers(String tier, int offset, int limit);

    /**
     * The entries whose facet has the given value, ranked among themselves; live views stay consistent with the
     * board (an update changes both atomically), frozen views stay frozen. An unknown value gives an empty view.
     *
     * @throws IllegalArgumentException if the board does not declare the facet
     * @throws IllegalStateException    if this view is already filtered (views filter one facet of the board)
     */
    BoardView filter(String facet, String value);

    /**
     * The tie groups of this view that its rule does not allow, best group first, each in display order: under
     * {@link io.jingsai.scoring.ranking.TiePolicy#FORCE_DISTINCT} (排名不并列) every group of two or more entries tied
     * on the whole key; under {@code SHARE}, none. Tied entries keep the provisional rank they share (see
     * {@link BoardRule}) until the chief judge resolves the tie. O(n) on a board that forbids shared ranks (an
     * event's board), O(1) otherwise.
     */
    List<List<Standing>> unresolvedTies();

    /** Increases with every change of the live content; constant while a view is frozen. */
    long version();

    /** When this view was frozen, or empty for a live view. */
    Optional<Instant> frozenAt();
}
