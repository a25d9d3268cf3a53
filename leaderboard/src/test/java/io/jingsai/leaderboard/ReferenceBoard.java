package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
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

    /**
     * From the definitions, over the view in display order: standard rank = 1 + entries strictly better (the index
     * of the first entry of the tie group); modified rank = entries better or tied, itself included (the index after
     * the group's last entry); dense rank = 1 + distinct better keys (groups before).
     */
    private int[] ranks(List<Entry> view) {
        int[] ranks = new int[view.size()];
        int groupsBefore = 0;
        for (int start = 0; start < view.size(); groupsBefore++) {
            int end = start + 1;
            while (end < view.size() && view.get(end).key().compareTo(view.get(start).key()) == 0) {
                end++;
            }
            int rank = switch (spec.style()) {
                case STANDARD -> start + 1;
                case MODIFIED -> end;
                case DENSE -> groupsBefore + 1;
            };
            java.util.Arrays.fill(ranks, start, end, rank);
            start = end;
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
            if (n <= tier.quota() || tier.quota() == 0) {
                members[t] = Math.min(n, tier.quota());
            } else if (tier.policy() != CutOffPolicy.EXCLUDE_ALL) {
                // INCLUDE_ALL, and BREAK_BY_CHAIN: entries tied on a board are tied on its whole chain
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
