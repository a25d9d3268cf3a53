package io.jingsai.leaderboard;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a board holds for one ranked subject (a contestant, project or enterprise): its id, its display key, its
 * {@link SortKey} and its facets.
 *
 * <p>The <b>display key</b> orders entries that are tied on every criterion (for example the registration number):
 * it never changes a rank, only the display order within a tie. Remaining ties are ordered by id, so the display
 * order is total and stable. The <b>facets</b> place the entry in the board's filtered views, at most one value per
 * facet the board declares (for example {@code trade=welder}, {@code region=Xi'an}).
 *
 * @param id         the caller's identifier, unique on a board (any long)
 * @param displayKey order among exact ties, e.g. the registration number
 * @param key        the ranking values; must belong to the board's ranking order
 * @param facets     facet name → value; names must be declared by the board; may be empty
 */
public record Entry(long id, long displayKey, SortKey key, Map<String, String> facets) {

    public Entry {
        Objects.requireNonNull(key, "key");
        facets = Map.copyOf(Objects.requireNonNull(facets, "facets"));
    }

    /** An entry without facets. */
    public static Entry of(long id, long displayKey, SortKey key) {
        return new Entry(id, displayKey, key, Map.of());
    }

    /** A copy with one more facet value (replacing any value of the same facet). */
    public Entry withFacet(String facet, String value) {
        var copy = new HashMap<>(facets);
        copy.put(Objects.requireNonNull(facet, "facet"), Objects.requireNonNull(value, "value"));
        return new Entry(id, displayKey, key, copy);
    }
}
