package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.jingsai.api.event.EventStatus;
import io.jingsai.scoring.award.CutOffPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The competition stars board of a programme: contestants ranked across its events and trades by standardised score,
 * one line each, with the stars tier.
 *
 * @param basis        which events count: LIVE, FINAL or PUBLISHED
 * @param splitBy      what the board's split is of (REGION, KEY_AREA); null on the programme-wide board
 * @param split        the split's key (a division code or a key-area code); null on the programme-wide board
 * @param provisional  true when a counted event is still marking: its scores are its complete results so far
 * @param published    true when every counted event is PUBLISHED: the board is final (what the fund uses)
 * @param combination  how a contestant's scores in several events combine
 * @param cutOffPolicy what happens to contestants tied at the tier's last place
 * @param tier         the stars tier: quota and how it was filled
 * @param events       every event of the programme, whether counted and how its results were standardised
 * @param entries      best first; contestants without a standardised score in a counted event are not on the board
 */
record StarStandingsView(long programmeId, StarBasis basis, StarSplitBy splitBy, String split, boolean provisional,
                         boolean published,
                         StarCombination combination, CutOffPolicy cutOffPolicy, TierFill tier,
                         List<EventCounted> events, List<Entry> entries) {

    /**
     * How a count tier was filled: the stars tier here, the enterprises tier on the enterprises board.
     *
     * @param members   entries in the tier
     * @param overflow  places beyond the quota, taken by entries tied at its last place (INCLUDE_ALL, BREAK_BY_CHAIN)
     * @param shortfall places left empty: tied entries left out (EXCLUDE_ALL), or fewer on the board than the quota
     */
    record TierFill(int quota, int members, int overflow, int shortfall) {
    }

    /**
     * An event of the programme.
     *
     * @param counted        whether the basis counts it (it has results and its status is one the basis takes)
     * @param finalStandings its scores are those of its final standings (marking has closed)
     * @param standardised   false when its eligible results were too few or did not spread ({@code flag} says
     *                       which: TOO_FEW_RESULTS, NO_SPREAD): it then gives nobody a score
     * @param results        eligible results standardised (or counted); 0 when not counted
     */
    record EventCounted(long eventId, String name, long tradeId, EventStatus status, boolean counted,
                        boolean finalStandings, boolean standardised, String flag, int results) {
    }

    /**
     * @param rank        standard competition ranking ("1224"): equal scores share a rank
     * @param position    unique, in display order (ties by contestant id)
     * @param score       the combination of the contestant's standardised scores
     * @param star        in the stars tier
     * @param provisional one of the scores is from an event still marking
     * @param events      the scores combined, by event id
     */
    @Schema(name = "StarStandingsEntry")
    record Entry(int rank, int position, long contestantId, String name, long enterpriseId, long tradeId,
                 BigDecimal score, boolean star, boolean provisional, List<EventScore> events) {
    }

    /** A contestant's standardised score in one event; provisional while the event is still marking. */
    @Schema(name = "StarStandingsEventScore")
    record EventScore(long eventId, long registrationId, BigDecimal standardisedScore, boolean provisional) {
    }
}
