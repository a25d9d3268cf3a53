package io.jingsai.api.programme;

/** The tiers of the project board; a project in neither has no tier. */
public enum ProjectTier {
    /** 示范性竞赛项目: the best of the key projects. */
    DEMONSTRATION,
    /** 重点竞赛项目: the top of the project board. */
    KEY
}
