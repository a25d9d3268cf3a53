package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.List;

/**
 * An allocation of the incentive fund, computed from published results only.
 *
 * @param fundFen      the amount allocated
 * @param allocatedFen the sum of every member's part: always equal to {@code fundFen}
 * @param starEvents   the published events the stars tier was ranked from
 * @param tiers        in the order DEMONSTRATION, KEY, STARS (of those asked for)
 */
record FundAllocationView(long programmeId, long fundFen, long allocatedFen, List<Long> starEvents,
                          List<TierPart> tiers) {

    /**
     * @param weight  the weight asked for
     * @param counted false when the tier has no members (nothing published yet): its weight is then left out and the
     *                fund goes to the other tiers
     * @param fen     the tier's part
     * @param members best first, as the tier's board ranks them
     */
    record TierPart(FundTier tier, BigDecimal weight, boolean counted, long fen, List<Member> members) {
    }

    /**
     * @param id     the contestant (STARS) or project (DEMONSTRATION, KEY)
     * @param rank   on the tier's board (ties share a rank)
     * @param weight the member's weight within the tier
     * @param fen    the member's part
     */
    record Member(long id, String name, int rank, BigDecimal weight, long fen) {
    }
}
