package io.jingsai.api.judging;

/**
 * One entry a judge of the panel may not mark, and why.
 *
 * @param reason the reason given with a declared conflict; absent for the own-enterprise rule
 */
record RecusalView(long judgeId, long registrationId, int registrationNumber, RecusalCause cause, String reason) {
}
