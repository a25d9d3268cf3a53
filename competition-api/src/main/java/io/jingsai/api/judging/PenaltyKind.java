package io.jingsai.api.judging;

/** What a judge records against an entry: a deduction inside a DEDUCTION module, or a disqualification. */
enum PenaltyKind {
    DEDUCTION, DISQUALIFICATION
}
