package io.jingsai.api.programme;

/**
 * The four tiers of the 十百千万 programme as their members are honoured: a project in its most exclusive tier only (a
 * demonstration project is not also a KEY member), as the fund pays and the tier history records it.
 */
public enum ProgrammeTier {
    /** 示范性竞赛项目: a project. */
    DEMONSTRATION,
    /** 重点竞赛项目 that is not a demonstration project: a project. */
    KEY,
    /** 竞赛标兵: a contestant. */
    STARS,
    /** 万家企业: an enterprise. */
    ENTERPRISES
}
