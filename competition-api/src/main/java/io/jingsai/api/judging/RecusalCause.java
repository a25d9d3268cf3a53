package io.jingsai.api.judging;

/** Why a judge may not mark an entry (回避). */
public enum RecusalCause {
    /** The entrant (or a member of the team) works for the judge's enterprise. */
    OWN_ENTERPRISE,
    /** The judge declared a conflict of interest with this entry. */
    DECLARED
}
