package io.jingsai.scoring.ranking;

/** The direction of a tie-break key: which value ranks first. */
public enum Order {
    /** Smaller first (e.g. completion time). */
    ASCENDING,
    /** Larger first (e.g. total, practical score). */
    DESCENDING
}
