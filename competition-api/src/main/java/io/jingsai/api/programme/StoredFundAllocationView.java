package io.jingsai.api.programme;

import java.time.Instant;
import java.util.List;

/**
 * An allocation of the fund as stored: what was asked, what it paid, from which published results, who and when,
 * and who gains or loses how much since the allocation before it.
 *
 * @param number               1, 2, 3… in the order the programme's allocations were stored
 * @param request              the request as sent (fundFen absent: the programme's fund was allocated)
 * @param fundFen              the amount allocated
 * @param allocatedFen         the sum of every member's part: always fundFen
 * @param starEvents           the published events the stars tier was ranked from
 * @param tiers                as {@code POST …/fund-allocation} answers them
 * @param changesSincePrevious against allocation number − 1; absent for the first
 */
record StoredFundAllocationView(long programmeId, int number, FundAllocationCommand request, long fundFen,
                                long allocatedFen, List<Long> starEvents, List<FundAllocationView.TierPart> tiers,
                                Instant allocatedAt, String allocatedBy, FundChanges changesSincePrevious) {
}
