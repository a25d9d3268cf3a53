package io.jingsai.api.programme;

import java.time.Instant;

/** A stored allocation in the list: its number, amount, members paid, who and when. */
record FundAllocationSummary(int number, long fundFen, int members, Instant allocatedAt, String allocatedBy) {
}
