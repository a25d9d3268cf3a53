package io.jingsai.api.judging;

/** A deduction or disqualification counts only once APPROVED by the chief judge; a REJECTED one never counts. */
enum PenaltyStatus {
    PENDING, APPROVED, REJECTED
}
