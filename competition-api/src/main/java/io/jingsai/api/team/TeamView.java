package io.jingsai.api.team;

import java.time.Instant;
import java.util.List;

/** A team with its members' contestant ids in order (the first is the leader). */
record TeamView(long id, String name, long enterpriseId, Long tradeId, ScoreRule scoreRule, List<Long> memberIds,
                long version, Instant createdAt, Instant updatedAt) {
}
