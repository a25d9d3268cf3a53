package io.jingsai.scoring.indicator;

import io.jingsai.scoring.scheme.RuleChecks;
import io.jingsai.scoring.ExactValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a team's score follows from its members' scores: SUM, MEAN, or BEST_N (sum of the n highest).
 *
 * <p>Exact; the order of members never matters. A team with fewer members than BEST_N needs is an
 * {@link IllegalArgumentException} (the team is not complete), as is an empty team.
 *
 * @param kind the rule
 * @param n    members counted for BEST_N (at least 1); 0 otherwise
 */
public record TeamRule(Kind kind, int n) {

    /** The rules. */
    public enum Kind { SUM, MEAN, BEST_N }

    public TeamRule {
        RuleChecks.require(RuleChecks.teamRule(kind, n));
    }

    public static TeamRule sum() {
        return new TeamRule(Kind.SUM, 0);
    }

    public static TeamRule mean() {
        return new TeamRule(Kind.MEAN, 0);
    }

    public static TeamRule bestOf(int n) {
        return new TeamRule(Kind.BEST_N, n);
    }

    /** The team's exact score. */
    public ExactValue apply(List<BigDecimal> memberScores) {
        if (memberScores == null || memberScores.isEmpty()) {
            throw new IllegalArgumentException("a team needs at least one member's score");
        }
        List<BigDecimal> scores = new ArrayList<>(memberScores);
        scores.forEach(s -> Objects.requireNonNull(s, "member score"));
        return switch (kind) {
            case SUM -> ExactValue.of(sum(scores));
            case MEAN -> ExactValue.ratio(sum(scores), scores.size());
            case BEST_N -> {
                if (scores.size() < n) {
                    throw new IllegalArgumentException("best " + n + " of a team needs " + n + " members' scores, got "
                            + scores.size());
                }
                scores.sort(java.util.Comparator.reverseOrder());
                yield ExactValue.of(sum(scores.subList(0, n)));
            }
        };
    }

    private static BigDecimal sum(List<BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal score : scores) {
            sum = sum.add(score);
        }
        return sum;
    }
}
