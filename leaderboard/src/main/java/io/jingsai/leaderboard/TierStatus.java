package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import java.util.Optional;

/**
 * The state of one tier at the moment of a read.
 *
 * <p>{@code members} counts the entries in the tier; they are always positions {@code 1..members} of the board.
 * With {@link CutOffPolicy#INCLUDE_ALL} (and {@link CutOffPolicy#BREAK_BY_CHAIN}, see {@link Tier}) a tie at the
 * cut-off can make {@code members} exceed {@code quota} ({@link #overflow()}); with {@link CutOffPolicy#EXCLUDE_ALL}
 * it can leave places empty ({@link #vacancies()}), as can a board with fewer entries than the quota.
 *
 * @param tier    the tier's name
 * @param quota   the tier's quota
 * @param policy  the tier's cut-off policy
 * @param members entries in the tier
 * @param cutOff  the key of the last member (the lowest key still in the tier); empty if the tier is empty
 */
public record TierStatus(String tier, int quota, CutOffPolicy policy, int members, Optional<SortKey> cutOff) {

    /** Members beyond the quota (ties included at the cut-off), or 0. */
    public int overflow() {
        return Math.max(0, members - quota);
    }

    /** Places of the quota left empty, or 0. */
    public int vacancies() {
        return Math.max(0, quota - members);
    }
}
