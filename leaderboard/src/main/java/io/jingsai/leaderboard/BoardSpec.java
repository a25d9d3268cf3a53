package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.RankStyle;
import io.jingsai.scoring.ranking.TiePolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a board is: its name, its {@link RankingOrder}, its {@link RankStyle}, its {@link TiePolicy}, its nested
 * {@link Tier}s and the facets its filtered views can use (for example {@code trade}, {@code region},
 * {@code keyArea}, {@code aspect}). Immutable; build it with {@link #of}, {@link BoardRule#spec} and the
 * {@code with...} methods.
 *
 * @param name      non-blank, used in change events and error messages
 * @param order     the ranking chain
 * @param style     how ties are numbered (the scoring engine's {@link RankStyle})
 * @param tiers     most exclusive first, with non-decreasing quotas and distinct names; at most
 *                  {@value #MAX_TIERS}; may be empty
 * @param facets    distinct, non-blank facet names; may be empty
 * @param tiePolicy whether ties may share a rank; see {@link BoardView#unresolvedTies()} for what a board shows
 *                  under {@link TiePolicy#FORCE_DISTINCT}
 */
public record BoardSpec(String name, RankingOrder order, RankStyle style, List<Tier> tiers, List<String> facets,
                        TiePolicy tiePolicy) {

    /** Most tiers a board can have (a programme uses four). */
    public static final int MAX_TIERS = 100;

    public BoardSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(tiePolicy, "tiePolicy");
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        facets = List.copyOf(Objects.requireNonNull(facets, "facets"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("board name must not be blank");
        }
        if (tiers.size() > MAX_TIERS) {
            throw new IllegalArgumentException("board '" + name + "' has " + tiers.size() + " tiers; at most "
                    + MAX_TIERS + " are allowed");
        }
        var tierNames = new HashSet<String>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (!tierNames.add(tier.name())) {
                throw new IllegalArgumentException("board '" + name + "' declares tier '" + tier.name() + "' twice");
            }
            if (i > 0 && tier.quota() < tiers.get(i - 1).quota()) {
                throw new IllegalArgumentException("tiers of board '" + name
                        + "' must be listed most exclusive first with non-decreasing quotas, but '" + tier.name()
                        + "' (" + tier.quota() + ") follows '" + tiers.get(i - 1).name() + "' ("
                        + tiers.get(i - 1).quota() + ")");
            }
        }
        var facetNames = new HashSet<String>();
        for (String facet : facets) {
            if (facet == null || facet.isBlank() || !facetNames.add(facet)) {
                throw new IllegalArgumentException("board '" + name + "' has a blank or repeated facet in " + facets);
            }
        }
    }

    /** A board whose ties share a rank. */
    public BoardSpec(String name, RankingOrder order, RankStyle style, List<Tier> tiers, List<String> facets) {
        this(name, order, style, tiers, facets, TiePolicy.SHARE);
    }

    /** A board with standard competition ranking ("1224"), ties shared, no tiers and no facets. */
    public static BoardSpec of(String name, RankingOrder order) {
        return new BoardSpec(name, order, RankStyle.STANDARD, List.of(), List.of(), TiePolicy.SHARE);
    }

    /** A copy with these tiers, most exclusive first. */
    public BoardSpec withTiers(Tier... tiers) {
        return new BoardSpec(name, order, style, List.of(tiers), facets, tiePolicy);
    }

    /** A copy with these facets. */
    public BoardSpec withFacets(String... facets) {
        return new BoardSpec(name, order, style, tiers, List.of(facets), tiePolicy);
    }

    /** A copy with this ranking style. */
    public BoardSpec withStyle(RankStyle style) {
        return new BoardSpec(name, order, style, tiers, facets, tiePolicy);
    }

    /** A copy with this tie policy. */
    public BoardSpec withTiePolicy(TiePolicy tiePolicy) {
        return new BoardSpec(name, order, style, tiers, facets, tiePolicy);
    }

    int tierIndex(String tier) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(tier)) {
                return i;
            }
        }
        throw new IllegalArgumentException("board '" + name + "' has no tier '" + tier + "'; its tiers are "
                + tiers.stream().map(Tier::name).toList());
    }

    int facetIndex(String facet) {
        int i = facets.indexOf(facet);
        if (i < 0) {
            throw new IllegalArgumentException("board '" + name + "' has no facet '" + facet + "'; its facets are "
                    + facets);
        }
        return i;
    }
}
