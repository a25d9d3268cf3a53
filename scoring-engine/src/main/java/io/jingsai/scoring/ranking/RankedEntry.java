package io.jingsai.scoring.ranking;

/**
 * An entry with its rank.
 *
 * @param rank     1-based; tied entries share it
 * @param position 1-based display position, unique; among ties it follows the display order
 * @param entry    the entry
 * @param <T>      the entry type
 */
public record RankedEntry<T>(int rank, int position, T entry) {
}
