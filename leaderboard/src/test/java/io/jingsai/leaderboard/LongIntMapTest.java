package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongIntMapTest {

    /** Clustered keys (multiples of a power of two, plus extremes) stress probing and backward-shift deletion. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agreesWithHashMap(long seed) {
        var random = new Random(seed);
        var map = new LongIntMap(4);
        var reference = new HashMap<Long, Integer>();
        for (int op = 0; op < 50_000; op++) {
            long key = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(64) * 1024L;
                case 1 -> Long.MIN_VALUE + random.nextInt(8);
                case 2 -> Long.MAX_VALUE - random.nextInt(8);
                default -> random.nextInt(3_000) - 1_500;
            };
            if (random.nextInt(3) == 0) {
                assertThat(map.remove(key)).isEqualTo(reference.getOrDefault(key, -1));
                reference.remove(key);
            } else {
                int value = random.nextInt(1_000_000);
                map.put(key, value);
                reference.put(key, value);
            }
            assertThat(map.get(key)).isEqualTo(reference.getOrDefault(key, -1));
            assertThat(map.size()).isEqualTo(reference.size());
        }
        reference.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
    }
}
