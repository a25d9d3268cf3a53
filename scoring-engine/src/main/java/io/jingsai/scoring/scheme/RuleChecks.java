package io.jingsai.scoring.scheme;

import static io.jingsai.scoring.scheme.SchemeValidator.isBlank;
import static io.jingsai.scoring.scheme.SchemeValidator.names;
import static io.jingsai.scoring.scheme.ValidationProblem.error;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.jingsai.scoring.award.AwardBand;
import io.jingsai.scoring.award.BandQuota;
import io.jingsai.scoring.award.CutOffPolicy;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.ranking.Order;
import io.jingsai.scoring.standardisation.StandardScale;

/**
 * The rules of an event's other engine objects (rounding, team score, award bands and plan, titles, tie-break keys,
 * the standard scale), each stated once and reported as values, so that a service can check user input before it
 * builds the objects and report every problem with its path and rule key.
 *
 * <p>Each check returns every problem it finds (empty when the object may be built), with paths relative to the
 * checked object, named as its parameters here; {@link ValidationProblem#under} places them in a larger structure.
 * Checks never throw. The objects' constructors refuse what these checks report; a constructor that states a rule
 * itself should call its check and throw on the first problem, so that the rule is written once.
 */
public final class RuleChecks {

    /** The largest scale a rounding may have. */
    public static final int LARGEST_SCALE = 10;
    /** The fewest results a standard scale may require: a spread needs two. */
    public static final int FEWEST_RESULTS = 2;

    private RuleChecks() {
    }

    /**
     * For a constructor that states its rules through these checks: nothing if the check found nothing.
     *
     * @throws IllegalArgumentException with the first problem's message
     */
    public static void require(List<ValidationProblem> found) {
        if (!found.isEmpty()) {
            throw new IllegalArgumentException(found.get(0).message());
        }
    }

    /** {@code Rounding}: a scale in 0..10; a mode that is set and says how to round (not UNNECESSARY). */
    public static List<ValidationProblem> rounding(int scale, RoundingMode mode) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (scale < 0 || scale > LARGEST_SCALE) {
            problems.add(error("scale", "number.range", "rounding scale must be between 0 and " + LARGEST_SCALE
                    + ", got " + scale, "0", String.valueOf(LARGEST_SCALE)));
        }
        if (mode == null) {
            problems.add(error("mode", "oneOf", "must be one of " + names(roundingModes()),
                    names(roundingModes())));
        } else if (mode == RoundingMode.UNNECESSARY) {
            problems.add(error("mode", "rounding.unnecessary",
                    "rounding mode UNNECESSARY cannot round an inexact mark; choose e.g. HALF_UP"));
        }
        return problems;
    }

    /** {@code TeamRule}: a kind; BEST_N counts {@code n >= 1} members, the other kinds take no n ({@code 0}). */
    public static List<ValidationProblem> teamRule(TeamRule.Kind kind, int n) {
        if (kind == null) {
            return List.of(error("kind", "oneOf", "must be one of " + names(TeamRule.Kind.values()),
                    names(TeamRule.Kind.values())));
        }
        if (kind == TeamRule.Kind.BEST_N && n < 1) {
            return List.of(error("n", "teamScore.bestN", "BEST_N needs n >= 1, got " + n));
        }
        if (kind != TeamRule.Kind.BEST_N && n != 0) {
            return List.of(error("n", "teamScore.noN", kind + " takes no n, got " + n, kind.name()));
        }
        return List.of();
    }

    /** {@code AwardBand}: a name that is not blank, a minimum number of starters {@code >= 0}. */
    public static List<ValidationProblem> awardBand(String name, int minimumStarters) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (isBlank(name)) {
            problems.add(error("name", "notBlank", "award band name must not be blank"));
        }
        if (minimumStarters < 0) {
            problems.add(error("minimumStarters", "positiveOrZero", "minimumStarters of band " + name
                    + " must be >= 0, got " + minimumStarters));
        }
        return problems;
    }

    /** {@code BandQuota.Count}: {@code places >= 0}. */
    public static List<ValidationProblem> places(int places) {
        return places >= 0 ? List.of()
                : List.of(error("places", "positiveOrZero", "places must be >= 0, got " + places));
    }

    /** {@code BandQuota.Share}: a share in {@code (0, 1]} and a rounding that says how to round. */
    public static List<ValidationProblem> share(BigDecimal share, RoundingMode shareRounding) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            problems.add(error("share", "awards.share", "share must be in (0, 1], got "
                    + (share == null ? "nothing" : share.toPlainString())));
        }
        if (shareRounding == null || shareRounding == RoundingMode.UNNECESSARY) {
            problems.add(error("shareRounding", "awards.shareRounding",
                    "share rounding must say how to round, UNNECESSARY is not a rule"));
        }
        return problems;
    }

    /**
     * {@code BandQuota.CumulativeShare}: the rule of a share ({@link #share}), reported at {@code cumulativeShare}, the
     * field that holds it.
     */
    public static List<ValidationProblem> cumulativeShare(BigDecimal share, RoundingMode shareRounding) {
        return share(share, shareRounding).stream()
                .map(problem -> !problem.path().equals("share") ? problem : new ValidationProblem("cumulativeShare",
                        problem.rule(), problem.values(), problem.message(), problem.severity()))
                .toList();
    }

    /** {@code TitleRule}: a title that is not blank, earned down to a rank {@code >= 1}. */
    public static List<ValidationProblem> title(String title, int maxRank) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (isBlank(title)) {
            problems.add(error("title", "notBlank", "title must not be blank"));
        }
        if (maxRank < 1) {
            problems.add(error("maxRank", "min", "maxRank of title " + title + " must be >= 1, got " + maxRank,
                    "1"));
        }
        return problems;
    }

    /**
     * {@code AwardPlan}: band names unique ({@code bands[i].name}); a threshold band needs a score to compare
     * ({@code bands[i]}); a cut-off policy, and for BREAK_BY_CHAIN a chain to break by ({@code cutOff}).
     */
    public static List<ValidationProblem> awardPlan(List<AwardBand> bands, CutOffPolicy cutOff, boolean hasChain,
                                                    boolean hasScore) {
        List<ValidationProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            AwardBand band = bands.get(i);
            if (!names.add(band.name())) {
                problems.add(error("bands[" + i + "].name", "awards.bandTwice",
                        "award band name '" + band.name() + "' appears twice", band.name()));
            }
            if (band.quota() instanceof BandQuota.Threshold && !hasScore) {
                problems.add(error("bands[" + i + "]", "awards.thresholdWithoutScore",
                        "band '" + band.name() + "' awards by threshold but the plan has no score", band.name()));
            }
        }
        if (cutOff == null) {
            problems.add(error("cutOff", "oneOf", "must be one of " + names(CutOffPolicy.values()),
                    names(CutOffPolicy.values())));
        } else if (cutOff == CutOffPolicy.BREAK_BY_CHAIN && !hasChain) {
            problems.add(error("cutOff", "awards.breakWithoutChain", "cut-off policy BREAK_BY_CHAIN needs a break chain"));
        }
        return problems;
    }

    /**
     * An event's bands share out at most all eligible entries ({@code bands}). Not a condition of {@code AwardPlan},
     * which gives later bands what is left (a shortfall), but an event whose shares add up to more than all its
     * entries was set up wrongly.
     */
    public static List<ValidationProblem> sharesWithinField(List<AwardBand> bands) {
        BigDecimal shares = BigDecimal.ZERO;
        for (AwardBand band : bands) {
            if (band.quota() instanceof BandQuota.Share share) {
                shares = shares.add(share.share());
            }
        }
        return shares.compareTo(BigDecimal.ONE) <= 0 ? List.of()
                : List.of(error("bands", "awards.sharesOverAll", "band shares add up to " + shares.toPlainString()
                        + ", more than all entries", shares.toPlainString()));
    }

    /** {@code TieBreakKey}: a name that is not blank and an order. */
    public static List<ValidationProblem> tieBreakKey(String name, Order order) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (isBlank(name)) {
            problems.add(error("key", "notBlank", "tie-break key name must not be blank"));
        }
        if (order == null) {
            problems.add(error("order", "oneOf", "must be one of " + names(Order.values()), names(Order.values())));
        }
        return problems;
    }

    /**
     * {@code StandardScale}: a centre, a spread and a centre value; points per spread {@code > 0}; at least
     * {@link #FEWEST_RESULTS} results.
     */
    public static List<ValidationProblem> standardScale(StandardScale.Centre centre, StandardScale.Spread spread,
                                                        BigDecimal centreValue, BigDecimal pointsPerSpread,
                                                        int minimumResults) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (centre == null) {
            problems.add(error("centre", "oneOf", "must be one of " + names(StandardScale.Centre.values()),
                    names(StandardScale.Centre.values())));
        }
        if (spread == null) {
            problems.add(error("spread", "oneOf", "must be one of " + names(StandardScale.Spread.values()),
                    names(StandardScale.Spread.values())));
        }
        if (centreValue == null) {
            problems.add(error("centreValue", "required", "must be set"));
        }
        if (pointsPerSpread == null || pointsPerSpread.signum() <= 0) {
            problems.add(error("pointsPerSpread", "positive", "pointsPerSpread must be > 0, got " + pointsPerSpread));
        }
        if (minimumResults < FEWEST_RESULTS) {
            problems.add(error("minimumResults", "min", "minimumResults must be >= " + FEWEST_RESULTS
                    + " (a spread needs two results), got " + minimumResults, String.valueOf(FEWEST_RESULTS)));
        }
        return problems;
    }

    private static RoundingMode[] roundingModes() {
        return java.util.Arrays.stream(RoundingMode.values()).filter(mode -> mode != RoundingMode.UNNECESSARY)
                .toArray(RoundingMode[]::new);
    }
}
