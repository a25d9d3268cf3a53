package io.jingsai.api.enterprise;

/** Form of ownership of an enterprise (所有制), as union statistics group them. */
public enum Ownership {
    /** 国有 */
    STATE_OWNED,
    /** 集体 */
    COLLECTIVE,
    /** 民营 / 私营 */
    PRIVATE,
    /** 外资 */
    FOREIGN,
    /** 港澳台资 */
    HONG_KONG_MACAO_TAIWAN,
    /** 混合所有制 */
    MIXED,
    /** 其他 */
    OTHER
}
