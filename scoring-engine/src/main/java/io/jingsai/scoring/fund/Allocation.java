package io.jingsai.scoring.fund;

/**
 * Money allocated to one key, in fen (0.01 yuan).
 *
 * @param key the tier or entry
 * @param fen the amount, {@code >= 0}
 */
public record Allocation<K>(K key, long fen) {
}
