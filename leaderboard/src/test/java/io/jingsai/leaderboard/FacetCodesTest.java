package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacetCodesTest {

    /**
     * Codes grow from bytes through chars to ints in the middle of the sequence (each phase draws from a larger
     * range), so every widening happens with codes already stored that must survive it: the whole table is compared
     * after every write. A copy into an empty table of the same width must carry the codes too.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void agreesWithAnIntArrayAcrossEveryWidening(long seed) {
        var random = new Random(seed);
        int facets = 1 + random.nextInt(4);
        int cells = 200;
        var codes = new FacetCodes(facets, cells);
        int[] reference = new int[cells * facets];
        int[] phaseMaxima = {0xFF, 0xFF, 0xFFFF, 0xFFFF + 1_000, Integer.MAX_VALUE};
        for (int phase = 0; phase < phaseMaxima.length; phase++) {
            for (int op = 0; op < 150; op++) {
                int cell = random.nextInt(cells);
                int[] values = new int[facets];
                for (int f = 0; f < facets; f++) {
                    values[f] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(phaseMaxima[phase]);
                }
                codes.set(cell, values);
                System.arraycopy(values, 0, reference, cell * facets, facets);
                assertAgree(codes, reference, facets, cells);
            }
            var copy = codes.emptyCopy(cells + 1);
            for (int cell = 0; cell < cells; cell++) {
                copy.copyCell(codes, cell, cells - cell);
            }
            for (int cell = 0; cell < cells; cell++) {
                for (int f = 0; f < facets; f++) {
                    assertThat(copy.get(cells - cell, f)).isEqualTo(reference[cell * facets + f]);
                    assertThat(copy.get(0, f)).isZero();
                }
            }
        }
    }

    private static void assertAgree(FacetCodes codes, int[] reference, int facets, int cells) {
        for (int cell = 0; cell < cells; cell++) {
            int[] expected = new int[facets];
            for (int f = 0; f < facets; f++) {
                expected[f] = reference[cell * facets + f];
                if (codes.get(cell, f) != expected[f]) {
                    assertThat(codes.get(cell, f)).as("cell %d facet %d", cell, f).isEqualTo(expected[f]);
                }
            }
            if (!codes.equalTo(cell, expected)) {
                throw new AssertionError("cell " + cell + " does not equal its own codes");
            }
            expected[facets - 1]++;
            if (codes.equalTo(cell, expected)) {
                throw new AssertionError("cell " + cell + " equals codes it does not hold");
            }
        }
    }
}
