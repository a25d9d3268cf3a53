package io.jingsai.api.judge;

/** The level at which a judge (裁判) is qualified to officiate. */
public enum Qualification {
    /** 国家级裁判 */
    NATIONAL,
    /** 省级裁判 */
    PROVINCIAL,
    /** 市级裁判 */
    MUNICIPAL,
    /** 企业级裁判 */
    ENTERPRISE
}
