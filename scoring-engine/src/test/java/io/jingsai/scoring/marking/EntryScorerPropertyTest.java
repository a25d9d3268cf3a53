package io.jingsai.scoring.marking;

import io.jingsai.scoring.ExactValue;
import io.jingsai.scoring.Fraction;
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.Component;
import io.jingsai.scoring.scheme.ComponentKind;
import io.jingsai.scoring.scheme.Criterion;
import io.jingsai.scoring.scheme.MarkingScheme;
import io.jingsai.scoring.scheme.PanelAggregation;
import io.jingsai.scoring.scheme.SubCriterion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryScorer} against {@link ReferenceScorer}, an independent brute-force model, on seeded random schemes
 * (1-8 aspects of every kind, every panel rule, factors, allowed marks, with or without components, several spreads,
 * panel minimums and roundings) and seeded random entries (panels of 0-9 marks, mixed scales, ties, marks out of range,
 * below zero or beyond the held digits, missing aspects, multipliers, judgement scores that are not 0-3 or too far
 * apart, deductions pending and approved, disqualifications pending and approved, and marks that do not fit the scheme:
 * unknown aspects, repeated mark sets, marks on a deduction module, deductions outside one), in scheme order or not.
 */
class EntryScorerPropertyTest {

    static final List<String> LEVELS = List.of("poor", "fair", "good", "excellent");
    static final String[] MAX_MARKS = {"5", "10", "9.75", "20", "100", "0.5", "3"};

    static LongStream seeds() {
        return LongStream.range(0, 500);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithTheReferenceScorerInEveryField(long seed) {
        Random random = new Random(seed);
        MarkingScheme scheme = randomScheme(random);
        EntryScorer scorer = new EntryScorer(scheme);
        ReferenceScorer reference = new ReferenceScorer(scheme);
        List<EntryMarks> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(randomEntry(scheme, random, false));
        }
        // twice, the second time in reverse: results remembered by sum are read back for other entries
        for (int pass = 0; pass < 2; pass++) {
            for (EntryMarks entry : batch) {
                assertAgrees(scorer.score(entry), reference.score(entry), entry);
            }
            Collections.reverse(batch);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void reorderingJudgesAspectsAndDeductionsNeverChangesAResult(long seed) {
        Random random = new Random(seed);
        MarkingScheme scheme = randomScheme(random);
        EntryScorer scorer = new EntryScorer(scheme);
        EntryMarks marks = randomEntry(scheme, random, false);
        EntryResult result = scorer.score(marks);
        EntryResult reordered = scorer.score(shuffled(marks, random));

        assertThat(reordered.total()).isEqualTo(result.total());
        assertThat(reordered.exactTotal()).isEqualTo(result.exactTotal());
        assertThat(reordered.status()).isEqualTo(result.status());
        assertThat(reordered.aspects()).isEqualTo(result.aspects());
        assertThat(reordered.problems()).containsExactlyInAnyOrderElementsOf(result.problems());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aCompleteTotalStaysWithinZeroAndTheDeclaredTotal(long seed) {
        Random random = new Random(seed);
        MarkingScheme scheme = randomScheme(random, false);
        EntryScorer scorer = new EntryScorer(scheme);
        List<EntryResult> complete = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            EntryResult result = scorer.score(randomEntry(scheme, random, true));
            if (result.status() == ResultStatus.COMPLETE) {
                complete.add(result);
            }
        }
        assertThat(complete).as("entries without faults are complete").isNotEmpty();
        Rounding rounding = scheme.rounding();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(rounding.scale());
        for (EntryResult result : complete) {
            assertThat(result.holds()).isEmpty();
            assertThat(result.aspects()).allMatch(a -> a.status() == AspectStatus.SCORED);
            assertThat(result.exactTotal()).isGreaterThanOrEqualTo(ExactValue.ZERO)
                    .isLessThanOrEqualTo(ExactValue.of(scheme.declaredTotal()));
            // the published figure is within one unit of its last place of the exact total, whatever the mode
            Fraction gap = Fraction.of(result.total()).minus(Fraction.of(result.exactTotal()));
            assertThat(gap.compareTo(Fraction.of(unit)) < 0 && gap.compareTo(Fraction.of(unit.negate())) > 0).isTrue();
        }
    }

    static void assertAgrees(EntryResult actual, ReferenceScorer.Result expected, EntryMarks entry) {
        String context = entry.toString();
        assertThat(actual.status()).as(context).isEqualTo(expected.status());
        assertThat(actual.aspects()).as(context).extracting(AspectResult::aspectId)
                .isEqualTo(expected.aspects().stream().map(ReferenceScorer.Aspect::id).toList());
        for (ReferenceScorer.Aspect aspect : expected.aspects()) {
            AspectResult result = actual.aspect(aspect.id());
            assertThat(result.status()).as(context + " " + aspect.id()).isEqualTo(aspect.status());
            assertThat(result.exactMark() == null ? null : Fraction.of(result.exactMark()))
                    .as(context + " " + aspect.id()).isEqualTo(aspect.mark());
        }
        assertThat(Fraction.of(actual.exactTotal())).as(context).isEqualTo(expected.total());
        assertThat(actual.total()).as(context).isEqualTo(expected.published());
        assertThat(actual.components()).as(context).isEqualTo(expected.components());
        assertThat(actual.problems().stream().map(p -> p.aspectId() + " " + p.rule()).sorted().toList()).as(context)
                .isEqualTo(expected.problems());
        assertThat(actual.applied()).as(context).containsExactlyInAnyOrderElementsOf(expected.applied());
        assertThat(actual.eligibleForAwards()).isEqualTo(expected.status() == ResultStatus.COMPLETE);
    }

    static MarkingScheme randomScheme(Random random) {
        return randomScheme(random, true);
    }

    /** @param scaling whether factors above 1 and trimmed sums may appear (they let a total exceed the declared total) */
    static MarkingScheme randomScheme(Random random, boolean scaling) {
        int count = 1 + random.nextInt(8);
        List<Aspect> aspects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal max = new BigDecimal(MAX_MARKS[random.nextInt(MAX_MARKS.length)]);
            int kind = random.nextInt(10);
            Aspect aspect;
            if (kind < 5) {
                aspect = Aspect.measurement("m" + i, "measurement", max);
                if (random.nextInt(3) > 0) {
                    aspect = aspect.withAggregation(randomRule(random, scaling));
                }
                if (random.nextInt(5) == 0) {
                    aspect = aspect.withFactor(scaling && random.nextBoolean() ? new BigDecimal("1.5") : new BigDecimal("0.6"));
                }
                if (random.nextInt(6) == 0) {
                    aspect = aspect.withAllowedMarks(List.of(BigDecimal.ZERO, max));
                }
            } else if (kind < 8) {
                aspect = Aspect.judgement("j" + i, "judgement", max, LEVELS);
            } else {
                aspect = Aspect.deduction("d" + i, "safety", max, max.divide(BigDecimal.valueOf(1 + random.nextInt(3)), 2,
                        RoundingMode.DOWN).max(new BigDecimal("0.01")));
            }
            aspects.add(aspect);
        }
        MarkingScheme.Builder builder;
        if (count >= 2 && random.nextBoolean()) {
            int split = 1 + random.nextInt(count - 1);
            List<Aspect> theory = aspects.subList(0, split);
            List<Aspect> practical = aspects.subList(split, count);
            String[][] weights = {{"0.3", "0.7"}, {"0.25", "0.75"}, {"0.5", "0.5"}};
            String[] w = weights[random.nextInt(weights.length)];
            builder = MarkingScheme.builder("random", new BigDecimal("100"))
                    .component(new Component("theory", ComponentKind.THEORY, new BigDecimal(w[0]), maxOf(theory)))
                    .component(new Component("practical", ComponentKind.PRACTICAL, new BigDecimal(w[1]), maxOf(practical)))
                    .criterion(new Criterion("T", "theory", "theory", List.of(new SubCriterion("T1", "t", theory))))
                    .criterion(new Criterion("P", "practical", "practical", List.of(new SubCriterion("P1", "p", practical))));
        } else {
            builder = MarkingScheme.builder("random", maxOf(aspects))
                    .criterion(new Criterion("A", "all", null, List.of(new SubCriterion("A1", "all", aspects))));
        }
        RoundingMode[] modes = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.CEILING};
        return builder.defaultAggregation(randomRule(random, scaling))
                .judgementSpread(random.nextInt(3))
                .minimumJudgementPanel(3 + random.nextInt(2))
                .rounding(new Rounding(random.nextInt(4), modes[random.nextInt(modes.length)]))
                .build();
    }

    private static BigDecimal maxOf(List<Aspect> aspects) {
        return aspects.stream().map(Aspect::maxMark).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @param sums whether trimmed sums may appear (a sum of several marks exceeds the aspect's max mark) */
    static PanelAggregation randomRule(Random random, boolean sums) {
        return switch (random.nextInt(sums ? 6 : 4)) {
            case 0 -> PanelAggregation.mean();
            case 1 -> PanelAggregation.median();
            case 2, 3 -> PanelAggregation.trimmedMean(1 + random.nextInt(2));
            default -> PanelAggregation.trimmedSum(1 + random.nextInt(2));
        };
    }

    /**
     * @param clean no faults: every aspect marked by enough judges, in range, within the spread, no multiplier, no
     *              pending approvals or marks that do not fit the scheme
     */
    static EntryMarks randomEntry(MarkingScheme scheme, Random random, boolean clean) {
        List<AspectMarks> sets = new ArrayList<>();
        List<Deduction> deductions = new ArrayList<>();
        for (Aspect aspect : scheme.aspects()) {
            if (aspect.type() == AspectType.DEDUCTION) {
                for (int d = random.nextInt(4); d > 0; d--) {
                    BigDecimal points = random.nextBoolean() ? null : BigDecimal.valueOf(1 + random.nextInt(60), 1);
                    boolean approved = clean || random.nextInt(6) > 0;
                    deductions.add(new Deduction(aspect.id(), points, "violation " + d, "j" + d,
                            approved ? EntryScorerTest.CHIEF : null));
                }
                if (!clean && random.nextInt(15) == 0) {
                    sets.add(AspectMarks.ofValues(aspect.id(), "1")); // marks on a deduction module
                }
                continue;
            }
            if (!clean && random.nextInt(12) == 0) {
                continue; // missing
            }
            sets.add(aspect.type() == AspectType.JUDGEMENT ? judgementMarks(scheme, aspect, random, clean)
                    : measurementMarks(scheme, aspect, random, clean));
        }
        if (!clean) {
            if (random.nextInt(12) == 0 && !sets.isEmpty()) {
                AspectMarks again = sets.get(random.nextInt(sets.size()));
                sets.add(new AspectMarks(again.aspectId(), again.marks(), null)); // a second set for one aspect
            }
            if (random.nextInt(12) == 0) {
                sets.add(AspectMarks.ofValues("zz", "1")); // an aspect the scheme does not have
            }
            if (random.nextInt(15) == 0) {
                Aspect target = scheme.aspects().get(random.nextInt(scheme.aspects().size()));
                String id = random.nextBoolean() ? "zz" : target.id();
                deductions.add(new Deduction(id, null, "misfiled", "j9", EntryScorerTest.CHIEF));
            }
        }
        if (random.nextBoolean()) {
            Collections.shuffle(sets, random);
        }
        Disqualification dq = null;
        int d = clean ? 9 : random.nextInt(10);
        if (d == 0) {
            dq = new Disqualification("damaged equipment twice", "j1", null);
        } else if (d == 1) {
            dq = new Disqualification("damaged equipment twice", "j1", EntryScorerTest.CHIEF);
        }
        return new EntryMarks("e" + random.nextInt(1000), sets, deductions, dq);
    }

    private static AspectMarks measurementMarks(MarkingScheme scheme, Aspect aspect, Random random, boolean clean) {
        PanelAggregation rule = aspect.aggregation() == null ? scheme.defaultAggregation() : aspect.aggregation();
        int n = clean ? rule.minimumMarks() + random.nextInt(4)
                : random.nextInt(8) == 0 ? random.nextInt(rule.minimumMarks() + 1) : rule.minimumMarks() + random.nextInt(5);
        boolean mixed = random.nextInt(3) == 0;
        int scale = random.nextInt(3);
        List<JudgeMark> marks = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            BigDecimal mark = aspect.allowedMarks().isEmpty()
                    ? randomMark(random, mixed ? random.nextInt(3) : scale, aspect.maxMark())
                    : aspect.allowedMarks().get(random.nextInt(2));
            if (!clean) {
                int fault = random.nextInt(150);
                if (fault < 3) {
                    mark = mark.add(aspect.maxMark()).add(BigDecimal.ONE); // above the max mark
                } else if (fault < 5) {
                    mark = mark.negate().subtract(new BigDecimal("0.5")); // below zero
                } else if (fault < 6) {
                    mark = mark.add(new BigDecimal("1E-11")); // more places than a mark may have
                } else if (fault < 7) {
                    mark = new BigDecimal("12345678901"); // more digits than a mark may have
                } else if (fault < 9) {
                    mark = mark.setScale(11); // trailing zeros only: still the same mark
                } else if (fault < 11 && !aspect.allowedMarks().isEmpty()) {
                    mark = aspect.maxMark().divide(BigDecimal.valueOf(2)); // not an allowed mark
                }
            }
            marks.add(new JudgeMark("j" + j, mark));
        }
        BigDecimal multiplier = null;
        if (!clean && random.nextInt(5) == 0) {
            multiplier = random.nextBoolean() ? new BigDecimal("1.00") : BigDecimal.valueOf(10 + random.nextInt(30), 1);
        }
        return new AspectMarks(aspect.id(), marks, multiplier);
    }

    private static AspectMarks judgementMarks(MarkingScheme scheme, Aspect aspect, Random random, boolean clean) {
        int min = scheme.minimumJudgementPanel();
        int n = clean ? min + random.nextInt(3) : min - 1 + random.nextInt(5);
        int base = random.nextInt(3);
        int width = clean ? Math.min(scheme.judgementSpread(), 1) + 1 : random.nextInt(6) == 0 ? 3 : 2;
        List<JudgeMark> scores = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            BigDecimal score = BigDecimal.valueOf(Math.min(3, base + random.nextInt(width)));
            if (random.nextInt(25) == 0) {
                score = score.setScale(1 + random.nextInt(2)); // 2.0: still a score
            } else if (!clean && random.nextInt(40) == 0) {
                score = random.nextBoolean() ? new BigDecimal("2.5") : random.nextBoolean() ? new BigDecimal("4")
                        : new BigDecimal("-1");
            }
            scores.add(new JudgeMark("j" + j, score));
        }
        BigDecimal multiplier = !clean && random.nextInt(25) == 0 ? new BigDecimal("1.5") : null;
        return new AspectMarks(aspect.id(), scores, multiplier);
    }

    /** A mark in [0, max] at the given scale, often the middle value so that ties are common. */
    static BigDecimal randomMark(Random random, int scale, BigDecimal max) {
        long steps = max.movePointRight(scale).longValue();
        long unscaled = random.nextInt(3) == 0 ? steps / 2 : (long) (random.nextDouble() * (steps + 1));
        return BigDecimal.valueOf(Math.min(unscaled, steps), scale);
    }

    static EntryMarks shuffled(EntryMarks marks, Random random) {
        List<AspectMarks> aspects = new ArrayList<>();
        for (AspectMarks aspect : marks.aspects()) {
            List<JudgeMark> judged = new ArrayList<>(aspect.marks());
            Collections.shuffle(judged, random);
            aspects.add(new AspectMarks(aspect.aspectId(), judged, aspect.multiplier()));
        }
        Collections.shuffle(aspects, random);
        List<Deduction> deductions = new ArrayList<>(marks.deductions());
        Collections.shuffle(deductions, random);
        return new EntryMarks(marks.entryId(), aspects, deductions, marks.disqualification());
    }
}
