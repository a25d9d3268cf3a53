package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A part of a programme's public project board (key and demonstration projects), read in one consistent state.
 *
 * @param version     changes whenever what the whole board shows changes (also its ETag); compare it, do not parse it
 * @param evaluation  the status of the programme's project evaluation
 * @param released    the evaluation is REVIEWED (public review, 公示) or PUBLISHED: only then has the board entries
 * @param provisional the evaluation is REVIEWED: values may still be corrected
 * @param published   the evaluation is PUBLISHED: the board is final
 * @param total       projects on the board, or on its filtered part
 * @param offset      the 0-based offset of the first entry shown
 * @param entries     in display order: score higher first, ties by project id
 * @param regions     the division codes {@code regionCode} finds lines with on the whole board: each line's region
 *                    and the prefecture and province enclosing it, in code order
 */
record PublicProjectsView(long programmeId, String version, EvaluationStatus evaluation, boolean released,
                          boolean provisional, boolean published, int total, int offset, List<Line> entries,
                          List<String> regions) {

    PublicProjectsView {
        entries = List.copyOf(entries);
        regions = List.copyOf(regions);
    }

    /**
     * One evaluated project: where it stands and what the public may know of it.
     *
     * @param rank           standard competition ranking ("1224") on the programme's whole board, filtered or not
     * @param position       1-based and unique on the whole board
     * @param hostEnterprise the name of the enterprise hosting the project
     * @param aspect         one of the six aspects' codes (/api/reference/aspects)
     * @param keyArea        the programme's key-area code; absent when the project has none
     * @param keyAreaName    its name as the programme states it (keyAreaNameEn in English, absent if not given)
     * @param regionCode     the project's administrative division code
     * @param score          the evaluation's score, two places
     * @param tier           DEMONSTRATION, KEY (a key project that is not a demonstration one), or absent
     */
    @Schema(name = "PublicProjectLine")
    record Line(int rank, int position, long projectId, String name, String hostEnterprise, String aspect,
                String keyArea, String keyAreaName, String keyAreaNameEn, String regionCode, BigDecimal score,
                ProjectTier tier) {
    }
}
