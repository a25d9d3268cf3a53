package io.jingsai.scoring.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.award.TitleRule;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import io.jingsai.scoring.standardisation.StandardScale;

/**
 * The checks report as values exactly what the engine's constructors refuse: the constructors are the oracle. For
 * random input (seeded), a check finds nothing exactly when the constructor builds the object, and where the
 * constructor words its refusal, the first problem says the same.
 */
class RuleChecksTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    /** Each engine constructor states its rules through its check: it refuses exactly what the check reports. */
    @ParameterizedTest
    @MethodSource("seeds")
    void checksAgreeWithTheEnginesConstructors(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            int scale = random.nextInt(14) - 2;
            RoundingMode mode = pick(random, RoundingMode.values());
            agree(RuleChecks.rounding(scale, mode), () -> new Rounding(scale, mode));

            TeamRule.Kind kind = pick(random, TeamRule.Kind.values());
            int n = random.nextInt(4) - 1;
            agree(RuleChecks.teamRule(kind, n), () -> new TeamRule(kind, n));

            String name = pick(random, new String[] {"一等奖", " ", "", null});
            int starters = random.nextInt(4) - 1;
            agree(RuleChecks.awardBand(name, starters), () -> new AwardBand(name, new BandQuota.Count(1), starters));

            int places = random.nextInt(4) - 1;
            agree(RuleChecks.places(places), () -> new BandQuota.Count(places));

            BigDecimal share = BigDecimal.valueOf(random.nextInt(30) - 5, 1);
            agree(RuleChecks.share(share, mode), () -> new BandQuota.Share(share, mode));

            int maxRank = random.nextInt(4) - 1;
            agree(RuleChecks.title(name, maxRank), () -> new TitleRule<Object>(name, maxRank, entry -> true));

            Order order = pick(random, Order.values());
            agree(RuleChecks.tieBreakKey(name, order), () -> new TieBreakKey<Object>(name, order, entry -> null));

            StandardScale.Centre centre = pick(random, StandardScale.Centre.values());
            StandardScale.Spread spread = pick(random, StandardScale.Spread.values());
            BigDecimal centreValue = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(500);
            BigDecimal points = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(5) - 2);
            int minimum = random.nextInt(5);
            agree(RuleChecks.standardScale(centre, spread, centreValue, points, minimum),
                    () -> new StandardScale(centre, spread, centreValue, points, minimum, Rounding.DEFAULT));

            planAgrees(random);
        }
    }

    private static void planAgrees(Random random) {
        List<AwardBand> bands = new ArrayList<>();
        for (int b = random.nextInt(4); b > 0; b--) {
            BandQuota quota = switch (random.nextInt(3)) {
                case 0 -> new BandQuota.Count(2);
                case 1 -> new BandQuota.Share(new BigDecimal("0.4"), RoundingMode.HALF_UP);
                default -> new BandQuota.Threshold(BigDecimal.TEN);
            };
            bands.add(AwardBand.of(List.of("一等奖", "二等奖", "三等奖").get(random.nextInt(3)), quota));
        }
        CutOffPolicy cutOff = pick(random, CutOffPolicy.values());
        boolean hasChain = random.nextBoolean();
        boolean hasScore = random.nextBoolean();
        TieBreakChain<Object> chain = hasChain ? TieBreakChain.of(TieBreakKey.descending("total", e -> null)) : null;
        List<ValidationProblem> problems = RuleChecks.awardPlan(bands, cutOff, hasChain, hasScore);
        agree(problems, () -> new AwardPlan<Object>(bands, cutOff, chain, hasScore ? e -> BigDecimal.ONE : null,
                e -> true, e -> true, List.of()));
    }

    @Test
    void everyProblemOfOneObjectIsReportedWithItsPathAndRule() {
        assertThat(RuleChecks.rounding(11, RoundingMode.UNNECESSARY))
                .extracting(ValidationProblem::path, ValidationProblem::rule, ValidationProblem::values)
                .containsExactly(tuple("scale", "number.range", List.of("0", "10")),
                        tuple("mode", "rounding.unnecessary", List.of()));
        assertThat(RuleChecks.standardScale(null, null, null, BigDecimal.ZERO, 1))
                .extracting(ValidationProblem::path, ValidationProblem::rule)
                .containsExactly(tuple("centre", "oneOf"), tuple("spread", "oneOf"), tuple("centreValue", "required"),
                        tuple("pointsPerSpread", "positive"), tuple("minimumResults", "min"));
        assertThat(RuleChecks.teamRule(TeamRule.Kind.MEAN, 2))
                .extracting(ValidationProblem::path, ValidationProblem::rule, ValidationProblem::values)
                .containsExactly(tuple("n", "teamScore.noN", List.of("MEAN")));
        assertThat(RuleChecks.teamRule(null, 0)).singleElement()
                .extracting(ValidationProblem::values).isEqualTo(List.of(List.of("SUM", "MEAN", "BEST_N")));
        assertThat(RuleChecks.cumulativeShare(new BigDecimal("1.5"), RoundingMode.UNNECESSARY))
                .extracting(ValidationProblem::path, ValidationProblem::rule)
                .containsExactly(tuple("cumulativeShare", "awards.share"),
                        tuple("shareRounding", "awards.shareRounding"));
    }

    @Test
    void aPlanReportsEachRepeatedNameAtItsBandAndSharesOverAllEntries() {
        List<AwardBand> bands = List.of(
                AwardBand.of("一等奖", new BandQuota.Share(new BigDecimal("0.6"), RoundingMode.HALF_UP)),
                AwardBand.of("二等奖", new BandQuota.Share(new BigDecimal("0.5"), RoundingMode.DOWN)),
                AwardBand.of("一等奖", new BandQuota.Threshold(BigDecimal.TEN)));

        assertThat(RuleChecks.awardPlan(bands, CutOffPolicy.BREAK_BY_CHAIN, false, false))
                .extracting(ValidationProblem::path, ValidationProblem::rule, ValidationProblem::values)
                .containsExactly(
                        tuple("bands[2].name", "awards.bandTwice", List.of("一等奖")),
                        tuple("bands[2]", "awards.thresholdWithoutScore", List.of("一等奖")),
                        tuple("cutOff", "awards.breakWithoutChain", List.of()));
        assertThat(RuleChecks.sharesWithinField(bands))
                .extracting(ValidationProblem::path, ValidationProblem::rule, ValidationProblem::values)
                .containsExactly(tuple("bands", "awards.sharesOverAll", List.of("1.1")));
        assertThat(RuleChecks.sharesWithinField(bands.subList(1, 3))).isEmpty();
        assertThat(RuleChecks.awardPlan(bands.subList(0, 1), CutOffPolicy.BREAK_BY_CHAIN, true, false)).isEmpty();
    }

    @Test
    void aConstructorCanRequireACheckAndThrowsItsFirstProblem() {
        RuleChecks.require(RuleChecks.places(0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleChecks.require(RuleChecks.title(" ", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("title must not be blank");
    }

    @Test
    void problemsMoveUnderAContainingPath() {
        ValidationProblem problem = RuleChecks.places(-1).get(0);
        assertThat(problem.under("rules.awards.bands[0]").path()).isEqualTo("rules.awards.bands[0].places");
        ValidationProblem whole = RuleChecks.awardPlan(List.of(AwardBand.of("a", new BandQuota.Count(1)),
                AwardBand.of("a", new BandQuota.Count(1))), CutOffPolicy.INCLUDE_ALL, false, true).get(0);
        assertThat(whole.under("rules.awards").path()).isEqualTo("rules.awards.bands[1].name");
        assertThat(new ValidationProblem("", "x", List.of(), "m", Severity.ERROR).under("scheme").path())
                .isEqualTo("scheme");
        assertThat(new ValidationProblem("[2]", "x", List.of(), "m", Severity.ERROR).under("allowedMarks").path())
                .isEqualTo("allowedMarks[2]");
    }

    /** No problem exactly when the constructor builds; its refusal, when worded, is the first problem's wording. */
    private static void agree(List<ValidationProblem> problems, Supplier<Object> construct) {
        RuntimeException refusal = null;
        try {
            construct.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            refusal = e;
        }
        assertThat(problems.isEmpty()).as("checks %s, constructor refused with %s", problems, refusal)
                .isEqualTo(refusal == null);
        if (refusal instanceof IllegalArgumentException) {
            assertThat(problems.get(0).message()).isEqualTo(refusal.getMessage());
        }
    }

    private static <T> T pick(Random random, T[] values) {
        return random.nextInt(values.length + 1) == 0 ? null : values[random.nextInt(values.length)];
    }
}
