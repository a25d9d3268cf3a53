package io.jingsai.leaderboard;

import io.jingsai.scoring.award.CutOffPolicy;
import java.util.Objects;

/**
 * How the boards of one programme are set up: its code, its {@link Quotas}, the {@link CutOffPolicy} of its tiers,
 * and the ranking order of each of the three programme boards. Events get their own order when they are opened.
 *
 * <p>By default every board ranks one score with two decimal places, higher first (for stars: the score
 * standardised across trades; for projects and enterprises: the weighted indicator score), with
 * {@link Quotas#DEFAULT} and {@link CutOffPolicy#INCLUDE_ALL}. Add tie-breaks with the {@code with...} methods.
 *
 * @param programme        the programme's code, non-blank; prefixes board names
 * @param quotas           the tier quotas
 * @param cutOffPolicy     the tie policy of every tier
 * @param starsOrder       ranking of competition stars
 * @param projectsOrder    ranking of competition projects
 * @param enterprisesOrder ranking of enterprises
 */
public record ProgrammePlan(String programme, Quotas quotas, CutOffPolicy cutOffPolicy, RankingOrder starsOrder,
                            RankingOrder projectsOrder, RankingOrder enterprisesOrder) {

    public ProgrammePlan {
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(cutOffPolicy, "cutOffPolicy");
        Objects.requireNonNull(starsOrder, "starsOrder");
        Objects.requireNonNull(projectsOrder, "projectsOrder");
        Objects.requireNonNull(enterprisesOrder, "enterprisesOrder");
        if (programme.isBlank()) {
            throw new IllegalArgumentException("programme code must not be blank");
        }
    }

    /** The default plan of a programme. */
    public static ProgrammePlan of(String programme) {
        RankingOrder score = RankingOrder.score(2);
        return new ProgrammePlan(programme, Quotas.DEFAULT, CutOffPolicy.INCLUDE_ALL, score, score, score);
    }

    /** A copy with other quotas. */
    public ProgrammePlan withQuotas(Quotas quotas) {
        return new ProgrammePlan(programme, quotas, cutOffPolicy, starsOrder, projectsOrder, enterprisesOrder);
    }

    /** A copy with another cut-off policy for every tier. */
    public ProgrammePlan withCutOffPolicy(CutOffPolicy policy) {
        return new ProgrammePlan(programme, quotas, policy, starsOrder, projectsOrder, enterprisesOrder);
    }

    /** A copy with another ranking of stars. */
    public ProgrammePlan withStarsOrder(RankingOrder order) {
        return new ProgrammePlan(programme, quotas, cutOffPolicy, order, projectsOrder, enterprisesOrder);
    }

    /** A copy with another ranking of projects. */
    public ProgrammePlan withProjectsOrder(RankingOrder order) {
        return new ProgrammePlan(programme, quotas, cutOffPolicy, starsOrder, order, enterprisesOrder);
    }

    /** A copy with another ranking of enterprises. */
    public ProgrammePlan withEnterprisesOrder(RankingOrder order) {
        return new ProgrammePlan(programme, quotas, cutOffPolicy, starsOrder, projectsOrder, order);
    }
}
