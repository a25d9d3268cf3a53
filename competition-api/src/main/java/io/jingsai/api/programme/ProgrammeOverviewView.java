package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

import io.jingsai.scoring.award.CutOffPolicy;

/**
 * A programme's four tiers (十百千万) on its public board, read in one consistent state.
 *
 * @param version        changes whenever what the programme's public board shows changes (also its ETag)
 * @param countedEvents  public events whose results count (from MARKING on; a blind one once revealed)
 * @param contestants    contestants on the star board
 * @param provisional    a counted event is still marking
 * @param published      every counted event is PUBLISHED
 * @param tiers          demonstration projects, key projects, stars, enterprises, most exclusive first
 */
record ProgrammeOverviewView(long programmeId, String name, int year, String organizer, String version,
                             int countedEvents, int contestants, boolean provisional, boolean published,
                             List<Tier> tiers) {

    /**
     * One tier.
     *
     * @param kept      whether the public board keeps this tier yet (the stars tier; the project and enterprise
     *                  tiers are not on public boards yet, so only their quotas are shown)
     * @param members   in the tier; ties at the cut-off may make it exceed the quota (INCLUDE_ALL)
     * @param overflow  members beyond the quota
     * @param vacancies places left empty (EXCLUDE_ALL, or fewer on the board than the quota)
     * @param cutOff    the lowest score still in the tier; absent while the tier is empty or not kept
     */
    record Tier(String tier, int quota, boolean kept, CutOffPolicy cutOffPolicy, int members, int overflow,
                int vacancies, BigDecimal cutOff) {
    }
}
