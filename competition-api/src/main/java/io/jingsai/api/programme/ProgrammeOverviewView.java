package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.jingsai.scoring.award.CutOffPolicy;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A programme's four tiers (十百千万) as its public boards show them: the stars tier from the live star board, the
 * project tiers from the released project board, the enterprises tier from the published enterprises board (each
 * read in one consistent state of its own).
 *
 * @param version        changes whenever what one of the programme's public boards shows changes (also its ETag)
 * @param countedEvents  public events whose results count (from MARKING on; a blind one once revealed)
 * @param contestants    contestants on the star board
 * @param provisional    a counted event is still marking (the star board's scores are provisional)
 * @param published      every counted event is PUBLISHED (the star board is final)
 * @param tiers          demonstration projects, key projects, stars, enterprises, most exclusive first
 * @param starSplitBy    what the stars quota is split by, one more star board per split; null when it is not split
 * @param starSplits     the splits' star boards and their stars tiers, in the programme's order; empty when not split
 * @param keyAreas       the programme's key areas (重点领域), the values of the project board's {@code keyArea} filter
 */
record ProgrammeOverviewView(long programmeId, String name, int year, String organizer, String version,
                             int countedEvents, int contestants, boolean provisional, boolean published,
                             List<Tier> tiers, StarSplitBy starSplitBy, List<StarSplitBoard> starSplits,
                             List<KeyArea> keyAreas) {

    /**
     * The star board of one split of the stars quota ({@code ?split=key} on the star board's routes).
     *
     * @param key         a division code (REGION) or a key-area code of the programme (KEY_AREA)
     * @param nameZh      the key area's name; null for a region
     * @param nameEn      the key area's English name, when it has one
     * @param contestants contestants on the split's board
     * @param stars       the split's stars tier: its quota, members, overflow, vacancies and cut-off
     */
    @Schema(name = "PublicStarSplit")
    record StarSplitBoard(String key, String nameZh, String nameEn, int contestants, Tier stars) {
    }

    /**
     * One tier.
     *
     * @param kept      whether the public boards show this tier: the stars and enterprises tiers always, the
     *                  project tiers once the evaluation is released (REVIEWED or PUBLISHED); a tier not kept shows
     *                  its quota only
     * @param members   in the tier; ties at the cut-off may make it exceed the quota (INCLUDE_ALL)
     * @param overflow  members beyond the quota
     * @param vacancies places left empty (EXCLUDE_ALL, or fewer on the board than the quota)
     * @param cutOff    the lowest score still in the tier; absent while the tier is empty or not kept
     */
    @Schema(name = "PublicProgrammeTier")
    record Tier(String tier, int quota, boolean kept, CutOffPolicy cutOffPolicy, int members, int overflow,
                int vacancies, BigDecimal cutOff) {

        /** A tier the public boards do not show yet: its quota only. */
        static Tier notKept(String tier, int quota) {
            return new Tier(tier, quota, false, null, 0, 0, 0, null);
        }
    }
}
