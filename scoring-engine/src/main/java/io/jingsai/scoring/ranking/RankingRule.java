package io.jingsai.scoring.ranking;

import java.util.Comparator;
import java.util.Objects;

/**
 * How an event ranks its entries.
 *
 * @param chain        the tie-break chain; entries tied on all of it are exact ties
 * @param style        how tied ranks are numbered: STANDARD "1224", DENSE "1223" or MODIFIED "1334"
 * @param tiePolicy    SHARE, or FORCE_DISTINCT to refuse a ranking with exact ties
 * @param displayOrder order among exact ties, e.g. by registration number; it never changes a rank. It should be a
 *                     total order (two different entries never compare equal) so the display is reproducible.
 * @param <T>          the entry type
 */
public record RankingRule<T>(TieBreakChain<T> chain, RankStyle style, TiePolicy tiePolicy,
                             Comparator<? super T> displayOrder) {

    public RankingRule {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(tiePolicy, "tiePolicy");
        Objects.requireNonNull(displayOrder, "displayOrder");
    }

    /** Standard "1224" ranking, ties shared. */
    public static <T> RankingRule<T> standard(TieBreakChain<T> chain, Comparator<? super T> displayOrder) {
        return new RankingRule<>(chain, RankStyle.STANDARD, TiePolicy.SHARE, displayOrder);
    }

    public RankingRule<T> withStyle(RankStyle newStyle) {
        return new RankingRule<>(chain, newStyle, tiePolicy, displayOrder);
    }

    public RankingRule<T> withTiePolicy(TiePolicy newPolicy) {
        return new RankingRule<>(chain, style, newPolicy, displayOrder);
    }
}
