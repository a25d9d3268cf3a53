package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.Ranking;
import io.jingsai.scoring.ranking.RankingOutcome;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakKey;
import io.jingsai.scoring.ranking.TiePolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The one adapter from the scoring engine's {@link RankingRule} to a board: its {@link RankingOrder} (one
 * {@link ScaledKey} per {@link TieBreakKey} of the rule's chain, same name, same order), its rank style, its tie
 * policy, and each entry's {@link SortKey}. A board built from a rule ranks entries exactly as {@link Ranking#rank}
 * does with that rule: the same order, the same ranks, the same tie groups. The decisions that make this so are
 * taken here and only here:
 *
 * <ul>
 *   <li><b>Published figures, not exact totals.</b> A board ranks on the values the rule's keys give, which are the
 *       published figures (a total rounded once by the scheme's rule, e.g. HALF_UP to two places), exactly as the
 *       engine's {@code Ranking} compares them; two contestants shown with the same total are tied on that key,
 *       whatever the exact rationals behind them. An exact total (a mean of seven judges such as 271/3) has no
 *       finite decimal a board could hold. Nothing is rounded here: a figure with more decimal places than its
 *       key's scale is refused with {@link IllegalArgumentException}, since the one rounding belongs to the
 *       scoring rule.</li>
 *   <li><b>A missing value</b> (the key's function returns null, e.g. no completion time recorded) ranks after every
 *       present value of that key, whatever its order, and ties with other missing values, on the board as in the
 *       engine's {@link TieBreakKey}.</li>
 *   <li><b>Shared ranks forbidden</b> (排名不并列, {@link TiePolicy#FORCE_DISTINCT}): where the engine refuses to rank
 *       while exact ties remain ({@link RankingOutcome.UnresolvedTies}), a live board still shows every entry at
 *       its place, and tied entries at the rank they share under the rule's style, as a provisional rank;
 *       {@link BoardView#unresolvedTies()} lists exactly the groups the engine reports, best first and each in
 *       display order, so that a dashboard marks them "tied, pending the chief judge" (并列待定). Publishing stays
 *       blocked by the engine's outcome, not by the board. A board of a rule that shares ties never lists any.</li>
 *   <li><b>Display order among exact ties</b> is the board's display key, then the id; the caller passes a display
 *       key that orders as the rule's display order does (the registration number, typically).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe if the rule's functions are.
 *
 * @param <T> the entry type of the rule
 */
public final class BoardRule<T> {

    private final RankingRule<T> rule;
    private final RankingOrder order;

    private BoardRule(RankingRule<T> rule, RankingOrder order) {
        this.rule = rule;
        this.order = order;
    }

    /**
     * A board rule whose every key's figures have at most {@code scale} decimal places (2 for the published figures
     * of Chinese contest rules; a time in whole seconds fits any scale).
     *
     * @throws IllegalArgumentException if the scale is not in 0..18 or the chain has more than
     *                                  {@value RankingOrder#MAX_KEYS} keys or repeats a name
     */
    public static <T> BoardRule<T> of(RankingRule<T> rule, int scale) {
        return of(rule, name -> scale);
    }

    /**
     * A board rule with a scale per key name.
     *
     * @throws IllegalArgumentException as {@link #of(RankingRule, int)} does
     */
    public static <T> BoardRule<T> of(RankingRule<T> rule, ToIntFunction<String> scaleOfKey) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(scaleOfKey, "scaleOfKey");
        List<ScaledKey> keys = new ArrayList<>();
        for (TieBreakKey<T> key : rule.chain().keys()) {
            keys.add(new ScaledKey(key.name(), key.order(), scaleOfKey.applyAsInt(key.name())));
        }
        return new BoardRule<>(rule, new RankingOrder(keys));
    }

    /** The engine's rule this board rule was made from. */
    public RankingRule<T> rule() {
        return rule;
    }

    /** The board's order: the rule's chain, key by key. */
    public RankingOrder order() {
        return order;
    }

    /**
     * The entry's sort key: each key's value as the rule's chain gives it, null standing for missing.
     *
     * @throws IllegalArgumentException if a value has more decimal places than its key's scale or is too large
     */
    public SortKey key(T entry) {
        List<TieBreakKey<T>> keys = rule.chain().keys();
        BigDecimal[] values = new BigDecimal[keys.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = keys.get(i).value().apply(entry);
        }
        return order.key(values);
    }

    /** A board entry for a subject of the rule, without facets. */
    public Entry entry(long id, long displayKey, T entry) {
        return Entry.of(id, displayKey, key(entry));
    }

    /** A board of this rule's order, style and tie policy, named {@code name}, without tiers or facets. */
    public BoardSpec spec(String name) {
        return new BoardSpec(name, order, rule.style(), List.of(), List.of(), rule.tiePolicy());
    }
}
