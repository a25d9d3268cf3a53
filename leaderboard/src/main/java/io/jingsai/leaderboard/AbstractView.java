package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.TiePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/** The queries of {@link BoardView}, each run as one consistent read of an {@link Ordering}. */
abstract class AbstractView implements BoardView {

    final BoardSpec spec;

    AbstractView(BoardSpec spec) {
        this.spec = spec;
    }

    /** Runs {@code query} against one consistent state; may run it more than once, so it must be side-effect free. */
    abstract <T> T read(Function<Ordering, T> query);

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int count() {
        return read(Ordering::size);
    }

    @Override
    public OptionalInt rank(long id) {
        int rank = read(o -> o.rankOf(id));
        return rank > 0 ? OptionalInt.of(rank) : OptionalInt.empty();
    }

    @Override
    public Optional<Standing> standing(long id) {
        return read(o -> first(o, o.positionOf(id)));
    }

    private static Optional<Standing> first(Ordering o, int position) {
        if (position < 0) {
            return Optional.empty();
        }
        StandingList one = o.collect(position, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    @Override
    public Page page(int offset, int limit) {
        checkPage(offset, limit);
        return read(o -> new Page(offset, limit, o.size(), o.collect(offset, limit)));
    }

    @Override
    public List<Standing> top(int k) {
        return page(0, k).entries();
    }

    @Override
    public List<Standing> around(long id, int k) {
        checkLimit("k", k);
        return read(o -> {
            int position = o.positionOf(id);
            if (position < 0) {
                return List.of();
            }
            int from = Math.max(0, position - k);
            return o.collect(from, position - from + k + 1);
        });
    }

    @Override
    public Optional<Standing> atPosition(int position) {
        return position < 1 ? Optional.empty() : read(o -> first(o, position - 1));
    }

    @Override
    public Optional<Standing> atRank(int rank) {
        return rank < 1 ? Optional.empty() : read(o -> first(o, o.firstPositionWithRank(rank)));
    }

    @Override
    public List<TierStatus> tiers() {
        return read(Ordering::tiers);
    }

    @Override
    public TierStatus tier(String tier) {
        int t = spec.tierIndex(tier);
        return read(o -> o.tiers().get(t));
    }

    @Override
    public Optional<String> tierOf(long id) {
        return standing(id).flatMap(Standing::tier);
    }

    @Override
    public boolean isMember(long id, String tier) {
        int t = spec.tierIndex(tier);
        return read(o -> {
            if (o.positionOf(id) < 0) {
                return false;
            }
            int mainPosition = o.mainPositionOf(id);
            return mainPosition >= 0 && mainPosition < o.tiers().get(t).members();
        });
    }

    @Override
    public Page tierMembers(String tier, int offset, int limit) {
        int t = spec.tierIndex(tier);
        checkPage(offset, limit);
        return read(o -> {
            int inView = membersInView(o, o.tiers().get(t).members());
            return new Page(offset, limit, inView, o.collect(offset, Math.min(limit, inView - offset)));
        });
    }

    /** How many of the view's first entries lie in the main board's first {@code members} positions. */
    private static int membersInView(Ordering o, int members) {
        int lo = 0;
        int hi = o.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (o.mainPositionAt(mid) < members) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public List<List<Standing>> unresolvedTies() {
        if (spec.tiePolicy() == TiePolicy.SHARE) {
            return List.of();
        }
        return read(o -> tiedGroups(o.collect(0, o.size())));
    }

    /** The runs of two or more standings with one rank: the tie groups, whatever the style. */
    private static List<List<Standing>> tiedGroups(List<Standing> standings) {
        List<List<Standing>> groups = new ArrayList<>();
        for (int start = 0; start < standings.size(); ) {
            int end = start + 1;
            while (end < standings.size() && standings.get(end).rank() == standings.get(start).rank()) {
                end++;
            }
            if (end - start > 1) {
                groups.add(List.copyOf(standings.subList(start, end)));
            }
            start = end;
        }
        return List.copyOf(groups);
    }

    static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0 but was " + offset);
        }
        checkLimit("limit", limit);
    }

    static void checkLimit(String name, int value) {
        if (value < 0 || value > MAX_LIMIT) {
            throw new IllegalArgumentException(name + " must be 0.." + MAX_LIMIT + " but was " + value);
        }
    }
}
