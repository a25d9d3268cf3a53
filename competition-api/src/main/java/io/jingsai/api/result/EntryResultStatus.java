package io.jingsai.api.result;

import io.jingsai.scoring.marking.AspectStatus;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.marking.ResultStatus;

/**
 * An entry's result as the chief judge's desk needs to tell it apart: the engine's status, except that an incomplete
 * result with an aspect whose judges disagree beyond the allowed spread is {@link #NEEDS_REVIEW} (re-mark it).
 */
public enum EntryResultStatus {
    /** Every aspect scored, nothing pending: eligible for awards. */
    COMPLETE,
    /** Provisional: aspects are missing marks or held out; the total counts them as nothing. */
    INCOMPLETE,
    /** Provisional, and at least one aspect needs review before it counts. */
    NEEDS_REVIEW,
    /** An approved disqualification: total zero, no award. */
    DISQUALIFIED;

    static EntryResultStatus of(EntryResult result) {
        if (result.status() == ResultStatus.COMPLETE) {
            return COMPLETE;
        }
        if (result.status() == ResultStatus.DISQUALIFIED) {
            return DISQUALIFIED;
        }
        boolean review = result.aspects().stream().anyMatch(aspect -> aspect.status() == AspectStatus.NEEDS_REVIEW);
        return review ? NEEDS_REVIEW : INCOMPLETE;
    }
}
