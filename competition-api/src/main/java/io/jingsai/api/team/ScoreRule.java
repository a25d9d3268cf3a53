package io.jingsai.api.team;

/** How a team's score comes from its members' scores. */
public enum ScoreRule {
    /** The members' scores added up. */
    SUM,
    /** The members' mean score (exact until the event's one rounding). */
    MEAN
}
