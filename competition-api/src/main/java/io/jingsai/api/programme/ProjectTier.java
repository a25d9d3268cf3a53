package io.jingsai.api.programme;

/** The tiers of the project board; a project in neither has no tier. */
public enum ProjectTier {
    /** 示范性竞赛项目: the best of the key projects. */
    DEMONSTRATION,
    /** 重点竞赛项目: the top of the project board. */
    KEY;

    /**
     * Whether a project whose most exclusive tier is {@code tier} is a member of this one: the key tier holds the
     * demonstration projects too (they are its best); a project in neither ({@code null}) is in none.
     */
    boolean holds(ProjectTier tier) {
        return tier == this || (this == KEY && tier == DEMONSTRATION);
    }
}
