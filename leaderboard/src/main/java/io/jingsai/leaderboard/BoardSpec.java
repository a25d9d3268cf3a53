package io.jingsai.leaderboard;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a board is: its name, its {@link RankingOrder}, its {@link RankingStyle}, its nested {@link Tier}s and the
 * facets its filtered views can use (for example {@code trade}, {@code region}, {@code keyArea}, {@code aspect}).
 * Immutable; build it with {@link #of} and the {@code with...} methods.
 *
 * @param name   non-blank, used in change events and error messages
 * @param order  the ranking chain
 * @param style  how ties are numbered
 * @param tiers  most exclusive first, with strictly increasing quotas and distinct names; at most
 *               {@value #MAX_TIERS}; may be empty
 * @param facets distinct, non-blank facet names; may be empty
 */
public record BoardSpec(String name, RankingOrder order, RankingStyle style, List<Tier> tiers, List<String> facets) {

    /** Most tiers a board can have (a programme uses four). */
    public static final int MAX_TIERS = 100;

    public BoardSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(style, "style");
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
            if (i > 0 && tier.quota() <= tiers.get(i - 1).quota()) {
                throw new IllegalArgumentException("tiers of board '" + name
                        + "' must be listed most exclusive first with increasing quotas, but '" + tier.name()
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

    /** A board with competition ranking, no tiers and no facets. */
    public static BoardSpec of(String name, RankingOrder order) {
        return new BoardSpec(name, order, RankingStyle.COMPETITION, List.of(), List.of());
    }

    /** A copy with these tiers, most exclusive first. */
    public BoardSpec withTiers(Tier... tiers) {
        return new BoardSpec(name, order, style, List.of(tiers), facets);
    }

    /** A copy with these facets. */
    public BoardSpec withFacets(String... facets) {
        return new BoardSpec(name, order, style, tiers, List.of(facets));
    }

    /** A copy with this ranking style. */
    public BoardSpec withStyle(RankingStyle style) {
        return new BoardSpec(name, order, style, tiers, facets);
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
