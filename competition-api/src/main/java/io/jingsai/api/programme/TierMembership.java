package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A programme's tier members on one basis, read off its boards, and the entries and exits between two memberships.
 * Tiers are those the fund pays ({@link FundTier}): each project is in its most exclusive tier only, so a key project
 * that becomes a demonstration project leaves KEY and enters DEMONSTRATION.
 */
final class TierMembership {

    private TierMembership() {
    }

    /** A tier and one of its members: a contestant (STARS) or a project (KEY, DEMONSTRATION). */
    record Key(FundTier tier, long subjectId) {
    }

    /**
     * A subject's place on its board.
     *
     * @param rank  on the board (ties share a rank); absent when the subject is on the board no more
     * @param score the board's score; absent likewise
     */
    record Place(Key key, String name, Integer rank, BigDecimal score) {
    }

    /** One entry or exit. */
    record Move(TierMovement movement, Place place) {
    }

    /** Every subject on the boards, in every tier it could be in, and which of them are members. */
    record Boards(Map<Key, Place> placed, Map<Key, Place> members) {
    }

    /**
     * The members read off the stars board and, when {@code projects} is not null, the project board.
     *
     * @param projects the project board, or null when it does not count on this basis (nothing published)
     */
    static Boards of(StarBoard.Board stars, ProjectStandingsView projects) {
        Map<Key, Place> placed = new LinkedHashMap<>();
        Map<Key, Place> members = new LinkedHashMap<>();
        for (StarBoard.Placed line : stars.entries()) {
            StarBoard.Star star = line.star();
            Place place = new Place(new Key(FundTier.STARS, star.contestantId()), star.name(), line.rank(),
                    star.score());
            placed.put(place.key(), place);
            if (line.inTier()) {
                members.put(place.key(), place);
            }
        }
        if (projects != null) {
            for (ProjectStandingsView.Entry entry : projects.entries()) {
                for (FundTier tier : List.of(FundTier.DEMONSTRATION, FundTier.KEY)) {
                    Place place = new Place(new Key(tier, entry.projectId()), entry.name(), entry.rank(),
                            entry.score());
                    placed.put(place.key(), place);
                    if (entry.tier() != null && entry.tier().name().equals(tier.name())) {
                        members.put(place.key(), place);
                    }
                }
            }
        }
        return new Boards(placed, members);
    }

    /**
     * The exits (members recorded before, members no more) then the entries (members now, not recorded before), each
     * in tier order, then board order (rank, subject id); a subject off the boards altogether leaves with no rank.
     *
     * @param recorded the members as last recorded → their names then
     */
    static List<Move> moves(Map<Key, String> recorded, Boards now) {
        List<Move> moves = new ArrayList<>();
        recorded.forEach((key, name) -> {
            if (!now.members().containsKey(key)) {
                Place place = now.placed().get(key);
                moves.add(new Move(TierMovement.LEFT, place != null ? place : new Place(key, name, null, null)));
            }
        });
        now.members().forEach((key, place) -> {
            if (!recorded.containsKey(key)) {
                moves.add(new Move(TierMovement.ENTERED, place));
            }
        });
        moves.sort(Comparator.comparing((Move move) -> move.movement() == TierMovement.ENTERED)
                .thenComparing(move -> move.place().key().tier())
                .thenComparing(move -> move.place().rank(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(move -> move.place().key().subjectId()));
        return moves;
    }
}
