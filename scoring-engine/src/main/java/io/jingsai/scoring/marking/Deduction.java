package io.jingsai.scoring.marking;

import java.math.BigDecimal;

/**
 * A deduction (e.g. a safety violation) inside a DEDUCTION aspect's module. Only approved deductions count; a pending
 * one holds its module out of the total until the chief judge approves it. A module never goes below zero.
 *
 * @param aspectId the DEDUCTION aspect (module) it applies to
 * @param points   points deducted, {@code > 0}; null for the aspect's points per violation
 * @param reason   why, in words a contestant can dispute
 * @param judgeId  who recorded it
 * @param approval the chief judge's approval, or null while pending
 * @throws IllegalArgumentException if the aspect, reason or judge is blank, or points are not positive
 */
public record Deduction(String aspectId, BigDecimal points, String reason, String judgeId, Approval approval) {

    public Deduction {
        Checks.requireText(aspectId, "aspectId of a deduction");
        if (points != null) {
            Checks.requirePositive(points, "deduction points");
        }
        Checks.requireText(reason, "reason of a deduction");
        Checks.requireText(judgeId, "judgeId of a deduction");
    }

    public boolean isApproved() {
        return approval != null;
    }
}
