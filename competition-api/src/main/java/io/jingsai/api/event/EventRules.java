package io.jingsai.api.event;

import java.time.Duration;
import java.util.Optional;

import io.jingsai.scoring.award.AwardPlan;
import io.jingsai.scoring.indicator.TeamRule;
import io.jingsai.scoring.marking.EntryResult;
import io.jingsai.scoring.marking.EntryScorer;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.standardisation.StandardScale;

/**
 * An event's scheme and rules as the scoring engine's objects, compiled once per version of the event (see
 * {@link EventRulebook}): what other features use to score, rank and award an event's entries. Immutable and
 * thread-safe.
 */
public interface EventRules {

    long eventId();

    /** The version of the event these rules were compiled from (its ETag). */
    long version();

    /** Scores an entry's marks under the event's marking scheme. */
    EntryScorer scorer();

    /** The scheme's aspect with this id; empty for an id the scheme does not have (a problem to report). */
    Optional<Aspect> aspect(String aspectId);

    /** TEAM events: how members' scores make the team's score; empty for INDIVIDUAL events. */
    Optional<TeamRule> teamRule();

    /** Whether judges' marks are z-score normalised per judge before aggregation. */
    boolean normaliseJudges();

    /**
     * The tie-break chain, rank style and what a remaining tie does; display order among exact ties is the
     * registration number. Boards sort by the same rule.
     */
    RankingRule<Standing> ranking();

    /** Award bands, cut-off policy (breaking by the ranking's chain) and titles. */
    AwardPlan<Standing> awards();

    /** How the event's totals map onto the common scale shared with other trades. */
    StandardScale standardisation();

    /**
     * An entry as ranking and awards see it.
     *
     * @param completionTime how long the entry took, or null when none was recorded (it then ranks last on that key)
     * @param started        false for an absent or withdrawn entry: neither a starter nor eligible
     */
    Standing standing(int registrationNumber, EntryResult result, Duration completionTime, boolean started);
}
