package io.jingsai.api.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.jingsai.api.judging.PanelPlanner.Recusal;
import io.jingsai.api.judging.PanelPlanner.Shortfall;

/**
 * The planner against independent oracles: on small problems, every possible plan enumerated (the least sum of
 * squares of the workloads, whether a plan within one entry exists at all); on larger ones, a max-flow with lower
 * bounds that decides whether workloads within one entry are possible. Every plan is also checked for what it must
 * always be: exactly k judges per entry, none recused, the same for the same seed whatever the input order.
 */
class PanelPlannerTest {

    /** A planning problem: judges and entries with ids spread out (never positions), recusals, judges per entry. */
    record Problem(List<Long> judges, List<Long> entries, Set<Recusal> recused, int perEntry) {

        boolean mayMark(long judge, long entry) {
            return !recused.contains(new Recusal(judge, entry));
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 300).map(i -> 7_919L * i + 20_261_204L);
    }

    static LongStream fewerSeeds() {
        return LongStream.range(0, 40).map(i -> 104_729L * i + 3L);
    }

    // --- small problems: against every plan there is ------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aPlanIsOneOfTheMostEvenOfAllPlansAndNeverARecusedJudge(long seed) {
        Random random = new Random(seed);
        Problem problem = problem(random, 1 + random.nextInt(5), random.nextInt(6), random.nextDouble() * 0.6);
        Enumeration all = Enumeration.of(problem);

        List<Shortfall> shortfalls = PanelPlanner.shortfalls(problem.judges(), problem.entries(), problem.recused(),
                problem.perEntry());
        assertThat(shortfalls.isEmpty()).as("a plan is possible exactly when some plan exists").isEqualTo(all.any);
        assertThat(shortfalls).isEqualTo(expectedShortfalls(problem));
        if (!all.any) {
            assertThatThrownBy(() -> plan(problem, seed)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        SortedMap<Long, List<Long>> plan = plan(problem, seed);
        assertValid(problem, plan);
        int[] loads = loads(problem, plan);
        assertThat(sumOfSquares(loads)).as("the least sum of squares of all plans").isEqualTo(all.leastSumOfSquares);
        assertThat(spread(loads) <= 1).as("within one entry exactly when some plan is").isEqualTo(all.withinOne);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSameSeedGivesTheSamePlanInWhateverOrderTheProblemComes(long seed) {
        Random random = new Random(seed);
        Problem problem = possible(random, 3 + random.nextInt(8), 1 + random.nextInt(20), random.nextDouble() * 0.3);
        List<Long> judges = new ArrayList<>(problem.judges());
        List<Long> entries = new ArrayList<>(problem.entries());
        Collections.shuffle(judges, random);
        Collections.shuffle(entries, random);
        Problem reordered = new Problem(judges, entries, new HashSet<>(problem.recused()), problem.perEntry());

        assertThat(plan(reordered, seed)).isEqualTo(plan(problem, seed)).isEqualTo(plan(problem, seed));
    }

    // --- larger problems: against a max-flow ----------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void workloadsDifferByAtMostOneExactlyWhenAFlowSaysTheyCan(long seed) {
        Random random = new Random(seed);
        Problem problem = possible(random, 4 + random.nextInt(12), 10 + random.nextInt(50),
                random.nextDouble() * 0.7);
        SortedMap<Long, List<Long>> plan = plan(problem, seed);
        assertValid(problem, plan);
        int total = problem.entries().size() * problem.perEntry();
        int judges = problem.judges().size();
        boolean possible = BoundedFlow.feasible(problem, total / judges, (total + judges - 1) / judges);
        assertThat(spread(loads(problem, plan)) <= 1).as("within one entry exactly when the flow says so")
                .isEqualTo(possible);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("fewerSeeds")
    void withoutRecusalsEveryJudgeHasTheFloorOrTheCeilingOfTheAverage(long seed) {
        Random random = new Random(seed);
        Problem problem = problem(random, 1 + random.nextInt(40), random.nextInt(300), 0);
        SortedMap<Long, List<Long>> plan = plan(problem, seed);
        assertValid(problem, plan);
        int total = problem.entries().size() * problem.perEntry();
        int judges = problem.judges().size();
        assertThat(Arrays.stream(loads(problem, plan)).boxed().toList()).allSatisfy(load -> assertThat(load)
                .isBetween(total / judges, (total + judges - 1) / judges));
    }

    /** Judges and entrants of thirty enterprises, recused from their own: a large provincial event. */
    @Test
    void aLargeEventIsPlannedEvenlyWithinSeconds() {
        Random random = new Random(2026L);
        List<Long> judges = LongStream.rangeClosed(1, 60).map(i -> 1_000 + i).boxed().toList();
        List<Long> entries = LongStream.rangeClosed(1, 1_000).map(i -> 50_000 + i).boxed().toList();
        Map<Long, Integer> enterprise = new HashMap<>();
        judges.forEach(judge -> enterprise.put(judge, random.nextInt(30)));
        entries.forEach(entry -> enterprise.put(entry, random.nextInt(30)));
        Set<Recusal> recused = new HashSet<>();
        for (long judge : judges) {
            for (long entry : entries) {
                if (enterprise.get(judge).equals(enterprise.get(entry))) {
                    recused.add(new Recusal(judge, entry));
                }
            }
        }
        Problem problem = new Problem(judges, entries, recused, 5);

        long started = System.nanoTime();
        SortedMap<Long, List<Long>> plan = plan(problem, 99L);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertValid(problem, plan);
        assertThat(spread(loads(problem, plan))).isLessThanOrEqualTo(1);
        assertThat(took).as("1,000 entries × 5 of 60 judges").isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void differentSeedsUsuallyGiveDifferentPlans() {
        Random random = new Random(11L);
        Problem problem = problem(random, 10, 30, 0.1);
        problem = new Problem(problem.judges(), problem.entries(), problem.recused(), 3);
        Set<SortedMap<Long, List<Long>>> plans = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            plans.add(plan(problem, seed));
        }
        assertThat(plans).hasSizeGreaterThanOrEqualTo(18);
    }

    // --- edge cases -----------------------------------------------------------------------------------------------

    @Test
    void edgeCases() {
        assertThat(PanelPlanner.plan(List.of(1L, 2L), List.of(), Set.of(), 2, 1L)).isEmpty();
        assertThat(PanelPlanner.shortfalls(List.of(), List.of(5L, 6L), Set.of(), 1))
                .containsExactly(new Shortfall(5L, 0), new Shortfall(6L, 0));
        assertThat(PanelPlanner.shortfalls(List.of(1L, 2L), List.of(5L), Set.of(new Recusal(1L, 5L),
                new Recusal(9L, 5L), new Recusal(2L, 9L)), 2)).containsExactly(new Shortfall(5L, 1));
        assertThat(PanelPlanner.plan(List.of(1L, 2L, 3L), List.of(5L), Set.of(new Recusal(1L, 5L),
                new Recusal(7L, 5L)), 2, 4L)).containsExactly(Map.entry(5L, List.of(2L, 3L)));
        assertThatThrownBy(() -> PanelPlanner.plan(List.of(1L, 1L), List.of(5L), Set.of(), 1, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PanelPlanner.plan(List.of(1L), List.of(5L, 5L), Set.of(), 1, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PanelPlanner.plan(List.of(1L), List.of(5L), Set.of(), 0, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PanelPlanner.plan(List.of(1L), List.of(5L), Set.of(), 2, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- problems and checks --------------------------------------------------------------------------------------

    private static Problem problem(Random random, int judgeCount, int entryCount, double recusalRate) {
        List<Long> judges = distinctIds(random, judgeCount);
        List<Long> entries = distinctIds(random, entryCount);
        Set<Recusal> recused = new HashSet<>();
        for (long judge : judges) {
            for (long entry : entries) {
                if (random.nextDouble() < recusalRate) {
                    recused.add(new Recusal(judge, entry));
                }
            }
        }
        return new Problem(judges, entries, recused, 1 + random.nextInt(judgeCount));
    }

    /**
     * A problem that has plans, at most four judges per entry: the first drawn whose entries all have enough judges,
     * the recusals thinning with every draw.
     */
    private static Problem possible(Random random, int judgeCount, int entryCount, double recusalRate) {
        for (double rate = recusalRate; ; rate *= 0.8) {
            Problem drawn = problem(random, judgeCount, entryCount, rate);
            Problem problem = new Problem(drawn.judges(), drawn.entries(), drawn.recused(),
                    1 + random.nextInt(Math.min(4, judgeCount)));
            if (expectedShortfalls(problem).isEmpty()) {
                return problem;
            }
        }
    }

    private static List<Long> distinctIds(Random random, int count) {
        Set<Long> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(1 + (long) random.nextInt(1_000_000));
        }
        return new ArrayList<>(ids);
    }

    private static SortedMap<Long, List<Long>> plan(Problem problem, long seed) {
        return PanelPlanner.plan(problem.judges(), problem.entries(), problem.recused(), problem.perEntry(), seed);
    }

    private static List<Shortfall> expectedShortfalls(Problem problem) {
        List<Shortfall> expected = new ArrayList<>();
        problem.entries().stream().sorted().forEach(entry -> {
            int judges = (int) problem.judges().stream().filter(judge -> problem.mayMark(judge, entry)).count();
            if (judges < problem.perEntry()) {
                expected.add(new Shortfall(entry, judges));
            }
        });
        return expected;
    }

    private static void assertValid(Problem problem, SortedMap<Long, List<Long>> plan) {
        assertThat(plan.keySet()).containsExactlyInAnyOrderElementsOf(problem.entries());
        plan.forEach((entry, judges) -> {
            assertThat(judges).as("entry %d", entry).hasSize(problem.perEntry()).doesNotHaveDuplicates()
                    .isSorted().isSubsetOf(problem.judges());
            assertThat(judges).as("entry %d: no recused judge", entry)
                    .allSatisfy(judge -> assertThat(problem.mayMark(judge, entry)).isTrue());
        });
    }

    private static int[] loads(Problem problem, SortedMap<Long, List<Long>> plan) {
        int[] loads = new int[problem.judges().size()];
        plan.values().forEach(judges -> judges.forEach(judge -> loads[problem.judges().indexOf(judge)]++));
        return loads;
    }

    private static long sumOfSquares(int[] loads) {
        long sum = 0;
        for (int load : loads) {
            sum += (long) load * load;
        }
        return sum;
    }

    private static int spread(int[] loads) {
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (int load : loads) {
            max = Math.max(max, load);
            min = Math.min(min, load);
        }
        return loads.length == 0 ? 0 : max - min;
    }

    /** Every plan of a small problem: each entry takes any k of the judges who may mark it. */
    private static final class Enumeration {

        boolean any;
        boolean withinOne;
        long leastSumOfSquares = Long.MAX_VALUE;

        static Enumeration of(Problem problem) {
            Enumeration all = new Enumeration();
            List<List<List<Integer>>> choices = new ArrayList<>();
            for (long entry : problem.entries()) {
                List<Integer> eligible = new ArrayList<>();
                for (int judge = 0; judge < problem.judges().size(); judge++) {
                    if (problem.mayMark(problem.judges().get(judge), entry)) {
                        eligible.add(judge);
                    }
                }
                choices.add(subsets(eligible, problem.perEntry()));
            }
            all.walk(choices, 0, new int[problem.judges().size()]);
            return all;
        }

        private void walk(List<List<List<Integer>>> choices, int entry, int[] loads) {
            if (entry == choices.size()) {
                any = true;
                withinOne |= spread(loads) <= 1;
                leastSumOfSquares = Math.min(leastSumOfSquares, sumOfSquares(loads));
                return;
            }
            for (List<Integer> judges : choices.get(entry)) {
                judges.forEach(judge -> loads[judge]++);
                walk(choices, entry + 1, loads);
                judges.forEach(judge -> loads[judge]--);
            }
        }

        private static List<List<Integer>> subsets(List<Integer> items, int size) {
            List<List<Integer>> subsets = new ArrayList<>();
            if (size == 0) {
                subsets.add(List.of());
                return subsets;
            }
            for (int first = 0; first <= items.size() - size; first++) {
                for (List<Integer> rest : subsets(items.subList(first + 1, items.size()), size - 1)) {
                    List<Integer> subset = new ArrayList<>(List.of(items.get(first)));
                    subset.addAll(rest);
                    subsets.add(subset);
                }
            }
            return subsets;
        }
    }

    /**
     * Whether every entry can have exactly k judges who may mark it with every judge's workload in [low, high]: a
     * circulation with lower bounds (source → entry exactly k, entry → judge at most 1, judge → sink low..high),
     * decided by Edmonds–Karp on a capacity matrix.
     */
    private static final class BoundedFlow {

        static boolean feasible(Problem problem, int low, int high) {
            int entries = problem.entries().size();
            int judges = problem.judges().size();
            int source = 0;
            int sink = entries + judges + 1;
            int superSource = sink + 1;
            int superSink = sink + 2;
            int[][] capacity = new int[sink + 3][sink + 3];
            int[] excess = new int[sink + 3];
            for (int e = 0; e < entries; e++) {
                excess[1 + e] += problem.perEntry();
                excess[source] -= problem.perEntry();
                for (int j = 0; j < judges; j++) {
                    if (problem.mayMark(problem.judges().get(j), problem.entries().get(e))) {
                        capacity[1 + e][1 + entries + j] = 1;
                    }
                }
            }
            for (int j = 0; j < judges; j++) {
                capacity[1 + entries + j][sink] = high - low;
                excess[sink] += low;
                excess[1 + entries + j] -= low;
            }
            capacity[sink][source] = Integer.MAX_VALUE / 2;
            int demand = 0;
            for (int node = 0; node <= sink; node++) {
                if (excess[node] > 0) {
                    capacity[superSource][node] = excess[node];
                    demand += excess[node];
                } else if (excess[node] < 0) {
                    capacity[node][superSink] = -excess[node];
                }
            }
            return maxFlow(capacity, superSource, superSink) == demand;
        }

        private static int maxFlow(int[][] capacity, int from, int to) {
            int flow = 0;
            int nodes = capacity.length;
            while (true) {
                int[] parent = new int[nodes];
                Arrays.fill(parent, -1);
                parent[from] = from;
                ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
                while (!queue.isEmpty() && parent[to] == -1) {
                    int node = queue.poll();
                    for (int next = 0; next < nodes; next++) {
                        if (parent[next] == -1 && capacity[node][next] > 0) {
                            parent[next] = node;
                            queue.add(next);
                        }
                    }
                }
                if (parent[to] == -1) {
                    return flow;
                }
                int push = Integer.MAX_VALUE;
                for (int node = to; node != from; node = parent[node]) {
                    push = Math.min(push, capacity[parent[node]][node]);
                }
                for (int node = to; node != from; node = parent[node]) {
                    capacity[parent[node]][node] -= push;
                    capacity[node][parent[node]] += push;
                }
                flow += push;
            }
        }
    }
}
