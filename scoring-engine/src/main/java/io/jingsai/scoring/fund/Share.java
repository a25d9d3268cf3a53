package io.jingsai.scoring.fund;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A claim on a fund: a key (tier, entry) and its weight.
 *
 * @param key    what receives the money; keys should be distinct
 * @param weight {@code >= 0}; a zero weight receives nothing
 * @throws IllegalArgumentException if the weight is missing or negative
 */
public record Share<K>(K key, BigDecimal weight) {

    public Share {
        Objects.requireNonNull(key, "key");
        if (weight == null || weight.signum() < 0) {
            throw new IllegalArgumentException("weight of " + key + " must be >= 0, got " + weight);
        }
    }

    public static <K> Share<K> of(K key, String weight) {
        return new Share<>(key, new BigDecimal(weight));
    }
}
