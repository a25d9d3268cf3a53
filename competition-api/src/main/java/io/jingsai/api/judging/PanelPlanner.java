package io.jingsai.api.judging;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Automatic panel assignment (分组评分): gives every entry {@code k} judges of a pool so that no judge marks an entry
 * they are recused from, and the judges' workloads (entries each marks) are as even as the recusals allow. Plain
 * Java, no framework; the service reads the pool, the entries and the recusals and stores the answer.
 *
 * <p>What a plan guarantees:
 * <ul>
 *   <li><b>Coverage</b>: every entry gets exactly {@code k} distinct judges of the pool, none recused from it. An
 *       entry with fewer than {@code k} judges it may have makes a plan impossible; {@link #shortfalls} names each
 *       such entry, and {@link #plan} refuses them. Since a judge may take any number of entries, no other
 *       obstacle exists.</li>
 *   <li><b>Balance</b>: the workloads have the least sum of squares of all plans with that coverage. Whenever some
 *       plan has workloads that differ by at most one (always so without recusals, as long as {@code k} is at most
 *       the pool), exactly such plans have the least sum of squares, so the plan found is one of them. When
 *       recusals force a wider gap (a judge who may mark only two entries, say), the rest stay as even as possible.
 *       </li>
 *   <li><b>Determinism</b>: the same pool, entries, recusals, {@code k} and seed give the same plan, whatever order
 *       they come in and on any JVM ({@link Random}'s algorithm is specified); another seed usually gives another
 *       plan among the equally balanced ones.</li>
 * </ul>
 *
 * <p>How: the seed shuffles judges and entries; entries, those with the fewest possible judges first, each take the
 * {@code k} least loaded judges they may have (ties in shuffled order); then, while a judge's load is at least two
 * above another judge's that it can reach by a chain of hand-overs (a judge hands an entry to a judge who may mark
 * it and does not yet), the shortest such chain is applied, which lowers the sum of squares by at least two. No such
 * chain left means no plan of the same coverage has a smaller sum of squares (a convex-cost flow without a negative
 * cycle), so the loop ends at an optimum.
 *
 * <p>Edge cases: no entries gives an empty plan; an empty pool or {@code k} above the pool makes every entry a
 * shortfall; recusals naming judges or entries outside the problem are ignored; ids given twice are refused.
 */
final class PanelPlanner {

    /** A judge who may not mark an entry (own enterprise, a declared conflict). */
    record Recusal(long judgeId, long entryId) {
    }

    /** An entry that cannot have its judges: only {@code judges} of the pool may mark it, fewer than needed. */
    record Shortfall(long entryId, int judges) {
    }

    private PanelPlanner() {
    }

    /** Every entry, by ascending id, that fewer than {@code judgesPerEntry} judges of the pool may mark. */
    static List<Shortfall> shortfalls(Collection<Long> judges, Collection<Long> entries, Set<Recusal> recused,
                                      int judgesPerEntry) {
        long[] judgeIds = distinctSorted(judges, "judges");
        List<Shortfall> shortfalls = new ArrayList<>();
        for (long entry : distinctSorted(entries, "entries")) {
            int eligible = (int) Arrays.stream(judgeIds).filter(judge -> !recused.contains(new Recusal(judge, entry)))
                    .count();
            if (eligible < judgesPerEntry) {
                shortfalls.add(new Shortfall(entry, eligible));
            }
        }
        return shortfalls;
    }

    /**
     * The plan: each entry's judges, entries and judges by ascending id.
     *
     * @throws IllegalArgumentException if {@code judgesPerEntry} is below 1, an id is given twice, or an entry has a
     *                                  {@link #shortfalls shortfall}
     */
    static SortedMap<Long, List<Long>> plan(Collection<Long> judges, Collection<Long> entries, Set<Recusal> recused,
                                            int judgesPerEntry, long seed) {
        if (judgesPerEntry < 1) {
            throw new IllegalArgumentException("an entry needs at least one judge, not " + judgesPerEntry);
        }
        List<Shortfall> shortfalls = shortfalls(judges, entries, recused, judgesPerEntry);
        if (!shortfalls.isEmpty()) {
            throw new IllegalArgumentException("entries short of judges: " + shortfalls);
        }
        Random random = new Random(seed);
        long[] judgeIds = shuffled(distinctSorted(judges, "judges"), random);
        long[] entryIds = shuffled(distinctSorted(entries, "entries"), random);
        Assignment assignment = new Assignment(judgeIds, entryIds, recused, judgesPerEntry);
        assignment.fillLeastLoadedFirst();
        assignment.balance();
        return assignment.byEntry();
    }

    /** The working state: judges and entries by their shuffled position, which is also the order of ties. */
    private static final class Assignment {

        private final long[] judgeIds;
        private final long[] entryIds;
        private final int judgesPerEntry;
        /** For each entry, the judges who may mark it, by position. */
        private final int[][] eligible;
        private final boolean[][] marks;
        private final int[] load;
        private final List<List<Integer>> entriesOf = new ArrayList<>();

        Assignment(long[] judgeIds, long[] entryIds, Set<Recusal> recused, int judgesPerEntry) {
            this.judgeIds = judgeIds;
            this.entryIds = entryIds;
            this.judgesPerEntry = judgesPerEntry;
            this.eligible = new int[entryIds.length][];
            for (int entry = 0; entry < entryIds.length; entry++) {
                long entryId = entryIds[entry];
                eligible[entry] = java.util.stream.IntStream.range(0, judgeIds.length)
                        .filter(judge -> !recused.contains(new Recusal(judgeIds[judge], entryId))).toArray();
            }
            this.marks = new boolean[entryIds.length][judgeIds.length];
            this.load = new int[judgeIds.length];
            for (int judge = 0; judge < judgeIds.length; judge++) {
                entriesOf.add(new ArrayList<>());
            }
        }

        /** Entries with the fewest possible judges first, each to its least loaded judges. */
        void fillLeastLoadedFirst() {
            Integer[] order = new Integer[entryIds.length];
            Arrays.setAll(order, entry -> entry);
            Arrays.sort(order, Comparator.comparingInt((Integer entry) -> eligible[entry].length)
                    .thenComparingInt(entry -> entry));
            for (int entry : order) {
                Integer[] candidates = Arrays.stream(eligible[entry]).boxed().toArray(Integer[]::new);
                Arrays.sort(candidates, Comparator.comparingInt((Integer judge) -> load[judge])
                        .thenComparingInt(judge -> judge));
                for (int i = 0; i < judgesPerEntry; i++) {
                    give(entry, candidates[i]);
                }
            }
        }

        /** Applies improving chains of hand-overs, the most loaded judges first, until none is left. */
        void balance() {
            boolean improved = true;
            while (improved) {
                improved = false;
                int least = Arrays.stream(load).min().orElse(0);
                Integer[] heaviest = new Integer[judgeIds.length];
                Arrays.setAll(heaviest, judge -> judge);
                Arrays.sort(heaviest, Comparator.comparingInt((Integer judge) -> -load[judge])
                        .thenComparingInt(judge -> judge));
                for (int judge : heaviest) {
                    if (load[judge] - least < 2) {
                        break; // nobody is two below this judge, nor below any judge after it
                    }
                    if (handOverFrom(judge)) {
                        improved = true;
                        break;
                    }
                }
            }
        }

        /**
         * Breadth-first over hand-overs from {@code start}: the first judge reached whose load is at least two below
         * takes an entry, each judge on the way passing one on. On a shortest chain every entry is handed over at most
         * once (an entry handed over twice would give a shorter chain), so the hand-overs never clash.
         */
        private boolean handOverFrom(int start) {
            int[] from = new int[judgeIds.length];
            int[] via = new int[judgeIds.length];
            Arrays.fill(from, -1);
            boolean[] reached = new boolean[judgeIds.length];
            reached[start] = true;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int judge = queue.poll();
                for (int entry : entriesOf.get(judge)) {
                    for (int next : eligible[entry]) {
                        if (reached[next] || marks[entry][next]) {
                            continue;
                        }
                        reached[next] = true;
                        from[next] = judge;
                        via[next] = entry;
                        if (load[next] <= load[start] - 2) {
                            handOver(next, from, via);
                            return true;
                        }
                        queue.add(next);
                    }
                }
            }
            return false;
        }

        private void handOver(int end, int[] from, int[] via) {
            for (int judge = end; from[judge] != -1; judge = from[judge]) {
                take(via[judge], from[judge]);
                give(via[judge], judge);
            }
        }

        private void give(int entry, int judge) {
            marks[entry][judge] = true;
            load[judge]++;
            entriesOf.get(judge).add(entry);
        }

        private void take(int entry, int judge) {
            marks[entry][judge] = false;
            load[judge]--;
            entriesOf.get(judge).remove(Integer.valueOf(entry));
        }

        SortedMap<Long, List<Long>> byEntry() {
            SortedMap<Long, List<Long>> plan = new TreeMap<>();
            for (int entry = 0; entry < entryIds.length; entry++) {
                List<Long> judges = new ArrayList<>();
                for (int judge = 0; judge < judgeIds.length; judge++) {
                    if (marks[entry][judge]) {
                        judges.add(judgeIds[judge]);
                    }
                }
                Collections.sort(judges);
                plan.put(entryIds[entry], List.copyOf(judges));
            }
            return plan;
        }
    }

    private static long[] distinctSorted(Collection<Long> ids, String what) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException(what + " name " + sorted[i] + " twice");
            }
        }
        return sorted;
    }

    /** Fisher–Yates with {@link Random#nextInt(int)}, whose results the JDK specifies for a seed. */
    private static long[] shuffled(long[] ids, Random random) {
        long[] shuffled = ids.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        return shuffled;
    }
}
