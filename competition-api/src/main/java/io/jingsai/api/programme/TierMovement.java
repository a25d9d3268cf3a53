package io.jingsai.api.programme;

/** An entry into a tier, or an exit from it. */
public enum TierMovement {
    ENTERED, LEFT
}
