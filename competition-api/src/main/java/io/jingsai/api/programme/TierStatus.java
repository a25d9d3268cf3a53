package io.jingsai.api.programme;

/** Which board a competition project is on; results move it later. Every project starts as a candidate. */
public enum TierStatus {
    /** 候选 */
    CANDIDATE,
    /** 重点竞赛项目 */
    KEY,
    /** 示范性竞赛项目: the best of the key projects */
    DEMONSTRATION
}
