package io.jingsai.leaderboard;

import io.jingsai.scoring.ranking.RankStyle;
import java.util.Optional;

/**
 * Where an entry stands on a board (or a filtered view) at the moment of one consistent read.
 *
 * <p>{@code position} is the 1-based place in display order and is unique; {@code rank} is shared by ties
 * ({@link RankStyle}). In a filtered view both are counted within the view, while {@code tier} is always the
 * entry's tier on the main board: tiers and their quotas belong to the main board.
 *
 * @param id         the entry's id
 * @param displayKey the entry's display key
 * @param key        the entry's ranking values
 * @param rank       1-based rank, shared by ties
 * @param position   1-based display position, unique
 * @param tier       the most exclusive tier (first in the board's tier list) the entry belongs to, if any
 */
public record Standing(long id, long displayKey, SortKey key, int rank, int position, Optional<String> tier) {
}
