package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A part of a programme's public star board, read in one consistent state.
 *
 * @param split   the split of the stars quota whose board this is; null for the programme-wide board
 * @param version changes whenever what the board shows changes (also its ETag); compare it, do not parse it
 * @param total   contestants on the board, or on its part of one trade or region when filtered
 * @param offset  the 0-based offset of the first entry shown
 * @param entries in display order: score higher first, ties by contestant id
 */
record StarPageView(long programmeId, String split, String version, int total, int offset, List<Line> entries) {

    StarPageView {
        entries = List.copyOf(entries);
    }

    /**
     * One contestant on the board: where he stands and what the public may know (no ID numbers, no phones).
     *
     * @param rank        standard competition ranking ("1224"), within the filtered part when filtered
     * @param position    1-based, unique
     * @param score       the star rule's combination of the contestant's standardised scores
     * @param star        in the stars tier of the board (of the split's board for a split; tiers belong to the board
     *                    even when it is filtered by trade or region)
     * @param provisional one of the scores is from an event still marking
     * @param events      the standardised scores combined, by event id
     */
    @Schema(name = "PublicStarLine")
    record Line(int rank, int position, long contestantId, String name, String enterprise, long tradeId,
                String trade, String tradeEn, String regionCode, BigDecimal score, boolean star, boolean provisional,
                List<EventScore> events) {
    }

    /** A standardised score in one event; provisional while the event is still marking. */
    @Schema(name = "PublicStarEventScore")
    record EventScore(long eventId, BigDecimal score, boolean provisional) {
    }
}
