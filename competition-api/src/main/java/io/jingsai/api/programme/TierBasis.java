package io.jingsai.api.programme;

/**
 * The two memberships of a programme's tiers the history follows: what the live boards show, and what the incentive
 * fund pays.
 */
public enum TierBasis {
    /** The stars tier of the LIVE stars board (provisional results included); the project tiers as scored now. */
    LIVE(StarBasis.LIVE),
    /** The stars tier of the board of PUBLISHED events; the project tiers once the evaluation is PUBLISHED. */
    PUBLISHED(StarBasis.PUBLISHED);

    private final StarBasis stars;

    TierBasis(StarBasis stars) {
        this.stars = stars;
    }

    StarBasis stars() {
        return stars;
    }

    /** Whether the project board counts on this basis while the evaluation is {@code status}. */
    boolean countsProjects(EvaluationStatus status) {
        return this == LIVE || status == EvaluationStatus.PUBLISHED;
    }
}
