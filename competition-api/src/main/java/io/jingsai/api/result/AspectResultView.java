package io.jingsai.api.result;

import java.math.BigDecimal;

import io.jingsai.scoring.marking.AspectResult;
import io.jingsai.scoring.marking.AspectStatus;

/**
 * One aspect of an entry's result.
 *
 * @param status    SCORED counts; NEEDS_REVIEW, REJECTED, MISSING and PENDING_APPROVAL hold the aspect out
 * @param mark      the mark rounded once by the scheme's rule, for display; absent unless scored
 * @param exactMark the exact mark in lowest terms ({@code 157/3}); absent unless scored
 */
record AspectResultView(String aspectId, AspectStatus status, BigDecimal mark, String exactMark) {

    static AspectResultView of(AspectResult aspect) {
        return new AspectResultView(aspect.aspectId(), aspect.status(), aspect.mark(),
                aspect.exactMark() == null ? null : ExactFraction.of(aspect.exactMark()));
    }
}
