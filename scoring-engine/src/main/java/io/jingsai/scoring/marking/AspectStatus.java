package io.jingsai.scoring.marking;

/**
 * The state of one aspect of one entry. Only {@link #SCORED} aspects count towards totals; every other state holds
 * the aspect out and makes the result {@link ResultStatus#INCOMPLETE}.
 */
public enum AspectStatus {
    /** Marked and aggregated. */
    SCORED,
    /** Judgement scores spread above the allowance: re-mark before it counts. */
    NEEDS_REVIEW,
    /** The marks break the rule: wrong panel size, a mark out of range or not allowed, a judgement score not 0-3. */
    REJECTED,
    /** No marks yet. */
    MISSING,
    /** A deduction in this module awaits the chief judge's approval. */
    PENDING_APPROVAL
}
