package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A part of a programme's public enterprises board (万家企业), read in one consistent state: the organizers'
 * enterprises standings on the PUBLISHED basis, names and regions only.
 *
 * @param version     changes whenever what the whole board shows changes (also its ETag); compare it, do not parse it
 * @param basis       always PUBLISHED: stars, awards and projects count once the organizers published them, so
 *                    nothing on it is provisional
 * @param published   every counted event and the project evaluation are PUBLISHED: the board is final
 * @param total       enterprises on the board, or on its filtered part
 * @param offset      the 0-based offset of the first entry shown
 * @param entries     in display order: index higher first, ties by enterprise id
 * @param regions     the division codes {@code regionCode} finds lines with on the whole board: each line's region
 *                    and the prefecture and province enclosing it, in code order
 */
record PublicEnterprisesView(long programmeId, String version, StarBasis basis, boolean published,
                             int total, int offset, List<Line> entries, List<String> regions) {

    PublicEnterprisesView {
        entries = List.copyOf(entries);
        regions = List.copyOf(regions);
    }

    /**
     * One enterprise taking part.
     *
     * @param rank     standard competition ranking ("1224") on the programme's whole board, filtered or not
     * @param position 1-based and unique on the whole board
     * @param index    the exact sum of the index's parts (the programme's enterpriseIndex weights)
     * @param inTier   in the enterprises tier (万家企业) of the whole board
     */
    @Schema(name = "PublicEnterpriseLine")
    record Line(int rank, int position, long enterpriseId, String name, String regionCode, BigDecimal index,
                boolean inTier) {
    }
}
