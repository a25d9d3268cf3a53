package io.jingsai.api.judging;

/**
 * One entry a judge of the panel may not mark, and why.
 *
 * @param registrationNumber absent for judges of a blind event until identities are revealed
 * @param cause              absent for judges of a blind event, until identities are revealed, where it is the
 *                           judge's own enterprise (which would tell the entrant's)
 * @param reason             the reason given with a declared conflict; absent for the own-enterprise rule
 */
record RecusalView(long judgeId, long registrationId, Integer registrationNumber, RecusalCause cause, String reason) {

    /** The recusal as a blind event shows it to judges: who stands aside from which entry, nothing that tells who. */
    RecusalView withoutIdentity() {
        return new RecusalView(judgeId, registrationId, null, cause == RecusalCause.OWN_ENTERPRISE ? null : cause,
                reason);
    }
}
