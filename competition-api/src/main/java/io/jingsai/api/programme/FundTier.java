package io.jingsai.api.programme;

/**
 * The tiers the incentive fund rewards, in the order it serves them (most exclusive first): that order is also the
 * tie order of the tiers' remainders. Each project is paid in its most exclusive tier only: the KEY tier's members
 * are the key projects that are not demonstration projects.
 */
public enum FundTier {
    /** 示范性竞赛项目: the demonstration projects of the published project evaluation. */
    DEMONSTRATION,
    /** 重点竞赛项目: the other key projects of the published project evaluation. */
    KEY,
    /** 竞赛标兵: the stars tier of the board of published events. */
    STARS
}
