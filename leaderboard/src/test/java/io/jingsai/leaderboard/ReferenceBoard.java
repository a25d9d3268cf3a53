package io.jingsai.leaderboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A brute-force board: a map of entries, sorted from scratch on every question. */
final class ReferenceBoard {

    private final BoardSpec spec;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();

    ReferenceBoard(BoardSpec spec) {
        this.spec = spec;
    }

    void upsert(Entry e) {
        entries.put(e.id(), e);
    }

    void rescore(long id, SortKey key) {
        Entry e = entries.get(id);
        if (e != null) {
            entries.put(id, new Entry(id, e.displayKey(), key, e.facets()));
        }
    }

    void remove(long id) {
        entries.remove(id);
    }

    void replaceAll(List<Entry> all) {
        entries.clear();
        all.forEach(this::upsert);
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    static final Comparator<Entry> DISPLAY_ORDER = Comparator.<Entry, SortKey>comparing(Entry::key)
            .thenComparingLong(Entry::displayKey)
            .thenComparingLong(Entry::id);

    /** Expected standings of the whole board, or of one facet value ({@code facet == null}: the board). */
    List<Standing> standings(String facet, String value) {
        List<Entry> all = sorted(null, null);
        int[] members = members(all);
        var mainPosition = new java.util.HashMap<Long, Integer>();
        for (int i = 0; i < all.size(); i++) {
            mainPosition.put(all.get(i).id(), i);
        }
        List<Entry> view = sorted(facet, value);
        var out = new ArrayList<Standing>();
        int[] ranks = ranks(view);
        for (int i = 0; i < view.size(); i++) {
            Entry e = view.get(i);
            out.add(new Standing(e.id(), e.displayKey(), e.key(), ranks[i], i + 1,
                    tierAt(members, mainPosition.get(e.id()))));
        }
        return out;
    }

    /** Competition rank: 1 + entries strictly better; dense rank: 1 + distinct better keys. */
    private int[] ranks(List<Entry> view) {
        int[] ranks = new int[view.size()];
        int better = 0;
        int distinctBetter = 0;
        for (int i = 0; i < view.size(); i++) {
            if (i > 0 && view.get(i).key().compareTo(view.get(i - 1).key()) != 0) {
                better = i;
                distinctBetter++;
            }
            ranks[i] = spec.style() == RankingStyle.COMPETITION ? better + 1 : distinctBetter + 1;
        }
        return ranks;
    }

    private List<Entry> sorted(String facet, String value) {
        return entries.values().stream()
                .filter(e -> facet == null || value.equals(e.facets().get(facet)))
                .sorted(DISPLAY_ORDER)
                .toList();
    }

    private int[] members(List<Entry> all) {
        int[] members = new int[spec.tiers().size()];
        for (int t = 0; t < members.length; t++) {
            Tier tier = spec.tiers().get(t);
            int n = all.size();
            if (n <= tier.quota()) {
                members[t] = n;
            } else if (tier.policy() == CutOffPolicy.INCLUDE_ALL) {
                SortKey last = all.get(tier.quota() - 1).key();
                members[t] = (int) all.stream().filter(e -> e.key().compareTo(last) <= 0).count();
            } else {
                SortKey firstOut = all.get(tier.quota()).key();
                members[t] = (int) all.stream().filter(e -> e.key().compareTo(firstOut) < 0).count();
            }
        }
        return members;
    }

    private Optional<String> tierAt(int[] members, int mainPosition) {
        for (int t = 0; t < members.length; t++) {
            if (mainPosition < members[t]) {
                return Optional.of(spec.tiers().get(t).name());
            }
        }
        return Optional.empty();
    }

    List<TierStatus> tiers() {
        List<Entry> all = sorted(null, null);
        int[] members = members(all);
        var out = new ArrayList<TierStatus>();
        for (int t = 0; t < members.length; t++) {
            Tier tier = spec.tiers().get(t);
            Optional<SortKey> cutOff = members[t] == 0 ? Optional.empty() : Optional.of(all.get(members[t] - 1).key());
            out.add(new TierStatus(tier.name(), tier.quota(), tier.policy(), members[t], cutOff));
        }
        return out;
    }
}
