package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Grows trees deep enough to split and merge inner nodes, and checks structure, order and counting against a
 * {@link TreeSet} after batches of random operations.
 */
class OrderTreeTest {

    /** Slots 0..n-1 with a primary and a secondary key each; full order breaks ties by slot number. */
    private static final class Keys implements OrderTree.SlotOrder {
        final long[] primary;
        final long[] secondary;

        Keys(int n) {
            primary = new long[n];
            secondary = new long[n];
        }

        @Override
        public int compareKey(int a, int b) {
            return Long.compare(secondary[a], secondary[b]);
        }

        @Override
        public int compareFull(int a, int b) {
            int c = compareKey(a, b);
            return c != 0 ? c : Integer.compare(a, b);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void growsToThreeLevelsAndShrinksToEmpty(long seed) {
        var random = new Random(seed);
        int n = 12_000;
        var keys = new Keys(n);
        var tree = new OrderTree(keys);
        Comparator<Integer> order = Comparator.<Integer>comparingLong(s -> keys.primary[s])
                .thenComparing((a, b) -> keys.compareFull(a, b));
        var reference = new TreeSet<Integer>(order);
        for (int s = 0; s < n; s++) {
            keys.primary[s] = random.nextInt(500);
            keys.secondary[s] = random.nextInt(3);
        }
        List<Integer> shuffled = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            shuffled.add(s);
        }
        java.util.Collections.shuffle(shuffled, random);
        var absent = new java.util.ArrayDeque<Integer>(shuffled);
        int step = 0;
        while (!absent.isEmpty()) { // grow, with some removals on the way
            int s = absent.removeLast();
            // a slot that comes back carries new data, as the board reuses slots of removed entries
            keys.primary[s] = random.nextInt(500);
            keys.secondary[s] = random.nextInt(3);
            tree.insert(keys.primary[s], s);
            reference.add(s);
            if (random.nextInt(4) == 0) {
                int victim = pick(reference, random);
                assertThat(tree.remove(keys.primary[victim], victim)).isTrue();
                reference.remove(victim);
                absent.addFirst(victim);
            }
            if (++step % 2_000 == 0) {
                check(tree, reference, keys, random);
            }
        }
        check(tree, reference, keys, random);
        while (!reference.isEmpty()) { // shrink to nothing
            int victim = pick(reference, random);
            assertThat(tree.remove(keys.primary[victim], victim)).isTrue();
            assertThat(tree.remove(keys.primary[victim], victim)).as("second removal").isFalse();
            reference.remove(victim);
            if (++step % 2_000 == 0) {
                check(tree, reference, keys, random);
            }
        }
        check(tree, reference, keys, random);
        assertThat(tree.size()).isZero();
    }

    /**
     * Re-keys elements with {@code locate} + {@code moveLocated} on a three-level tree: small moves (mostly inside a
     * leaf), exact ties with an element up to ±80 places away (the leaf's edges and the neighbouring leaves),
     * changes of the secondary key only, and jumps anywhere. The returned position and the ties reported before
     * it must match a {@link TreeSet}; the structure is checked every 500 moves.
     */
    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void movesAgreeWithTreeSet(long seed) {
        var random = new Random(seed);
        int n = 8_000; // about 180 leaves: a root, a few inner nodes, leaves
        var keys = new Keys(n);
        var tree = new OrderTree(keys, 0);
        var reference = new TreeSet<Integer>(Comparator.<Integer>comparingLong(s -> keys.primary[s])
                .thenComparing((a, b) -> keys.compareFull(a, b)));
        for (int s = 0; s < n; s++) {
            keys.primary[s] = random.nextInt(1_600);
            keys.secondary[s] = random.nextInt(3);
            tree.insert(keys.primary[s], s);
            reference.add(s);
        }
        check(tree, reference, keys, random);
        int[] inOrder = reference.stream().mapToInt(Integer::intValue).toArray();
        int toldTies = 0;
        for (int step = 1; step <= 12_000; step++) {
            int s = random.nextInt(n);
            long newPrimary = keys.primary[s];
            long newSecondary = keys.secondary[s];
            switch (random.nextInt(4)) {
                case 0 -> newPrimary += random.nextInt(7) - 3;
                case 1 -> {
                    int position = reference.headSet(s).size();
                    int other = inOrder[Math.floorMod(position + random.nextInt(161) - 80, n)];
                    newPrimary = keys.primary[other];
                    newSecondary = keys.secondary[other];
                }
                case 2 -> newSecondary = random.nextInt(3);
                default -> newPrimary = random.nextInt(1_600);
            }
            if (step % 3 != 0) {
                // fetching ahead is a hint only: the right leaf, a wrong one, or none must give the same moves
                tree.fetchAhead(step % 3 == 1 ? newPrimary : random.nextInt(1_600));
            }
            tree.locate(keys.primary[s], s);
            reference.remove(s);
            keys.primary[s] = newPrimary;
            keys.secondary[s] = newSecondary;
            reference.add(s);
            int position = tree.moveLocated(newPrimary, s);
            assertThat(position).isEqualTo(reference.headSet(s).size());
            int expectedTies = 0;
            for (Integer before = reference.lower(s); before != null && sameKey(keys, before, s);
                    before = reference.lower(before)) {
                expectedTies++;
            }
            // the exact count, or -1 ("cannot tell") where the run of ties reached the start of the element's leaf
            // as it was when the count was taken (a split or a share may since have moved the element)
            int ties = tree.tiesBefore();
            assertThat(ties == expectedTies || ties == -1)
                    .as("tiesBefore %s, expected %s", ties, expectedTies).isTrue();
            toldTies += ties == expectedTies ? 1 : 0;
            if (step % 500 == 0) {
                check(tree, reference, keys, random);
                inOrder = reference.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        // a leaf tells the ties of all but the few elements whose run of ties starts their leaf (a leaf holds about
        // 45 elements here, a run 1 or 2; about 3.5 % of moves), or that a split or a share moved afterwards
        assertThat(toldTies).as("moves whose ties the leaf told").isGreaterThan(12_000 * 9 / 10);
        // removals and re-inserts still work on a tree reshaped by moves
        List<Integer> victims = new ArrayList<>(reference);
        java.util.Collections.shuffle(victims, random);
        for (int victim : victims.subList(0, 6_000)) {
            assertThat(tree.remove(keys.primary[victim], victim)).isTrue();
            reference.remove(victim);
        }
        check(tree, reference, keys, random);
    }

    /**
     * A bulk-loaded tree holds the same order as one built by inserting the same elements one by one (in random
     * order), answers every positional and counting query the same, and stays valid under further removals.
     */
    @Test
    void bulkLoadOrdersAsInsertsDo() {
        var random = new Random(7);
        int n = 30_000;
        var keys = new Keys(n);
        long[] primaries = new long[n];
        int[] slots = new int[n];
        for (int s = 0; s < n; s++) {
            keys.primary[s] = random.nextInt(1_000);
            keys.secondary[s] = random.nextInt(2);
            primaries[s] = keys.primary[s];
            slots[s] = s;
        }
        PairSort.sort(primaries, slots, n, keys);
        var tree = new OrderTree(keys);
        tree.bulkLoad(primaries, slots, n);
        var inserted = new OrderTree(keys);
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            order.add(s);
        }
        java.util.Collections.shuffle(order, random);
        for (int s : order) {
            inserted.insert(keys.primary[s], s);
        }
        assertThat(tree.height()).isEqualTo(3);
        assertThat(tree.checkInvariants()).isEqualTo(inserted.checkInvariants());
        for (int probe = 0; probe < 2_000; probe++) {
            int s = random.nextInt(n);
            int i = random.nextInt(n);
            assertThat(tree.slotAt(i)).isEqualTo(inserted.slotAt(i));
            for (int bias : new int[] {OrderTree.BEFORE_TIES, OrderTree.EXACT, OrderTree.AFTER_TIES}) {
                assertThat(tree.countBefore(keys.primary[s], s, bias))
                        .isEqualTo(inserted.countBefore(keys.primary[s], s, bias));
            }
        }
        // and it stays valid under further changes
        var reference = new TreeSet<Integer>(Comparator.<Integer>comparingLong(s -> keys.primary[s])
                .thenComparing((a, b) -> keys.compareFull(a, b)));
        for (int s : slots) {
            reference.add(s);
        }
        for (int i = 0; i < 20_000; i++) {
            int victim = pick(reference, random);
            tree.remove(keys.primary[victim], victim);
            reference.remove(victim);
        }
        check(tree, reference, keys, random);
    }

    private static int pick(TreeSet<Integer> set, Random random) {
        Integer s = set.ceiling(random.nextInt(Integer.MAX_VALUE) % 12_000);
        if (s == null) {
            s = set.first();
        }
        return s;
    }

    private static boolean sameKey(Keys keys, int a, int b) {
        return keys.primary[a] == keys.primary[b] && keys.secondary[a] == keys.secondary[b];
    }

    private static void check(OrderTree tree, TreeSet<Integer> reference, Keys keys, Random random) {
        int[] expected = reference.stream().mapToInt(Integer::intValue).toArray();
        assertThat(tree.size()).isEqualTo(expected.length);
        assertThat(tree.checkInvariants()).isEqualTo(expected);
        for (int probe = 0; probe < 40 && expected.length > 0; probe++) {
            int i = random.nextInt(expected.length);
            int s = expected[i];
            assertThat(tree.slotAt(i)).isEqualTo(s);
            assertThat(tree.countBefore(keys.primary[s], s, OrderTree.EXACT)).isEqualTo(i);
            int better = i;
            while (better > 0 && sameKey(keys, expected[better - 1], s)) {
                better--;
            }
            int upTo = i + 1;
            while (upTo < expected.length && sameKey(keys, expected[upTo], s)) {
                upTo++;
            }
            assertThat(tree.countBefore(keys.primary[s], s, OrderTree.BEFORE_TIES)).isEqualTo(better);
            assertThat(tree.countBefore(keys.primary[s], s, OrderTree.AFTER_TIES)).isEqualTo(upTo);
        }
    }
}
