package io.jingsai.api.judge;

import java.time.Instant;

/** A judge as organizers see them. */
record JudgeView(long id, String name, Long enterpriseId, Qualification qualification, String phone, String email,
                 long version, Instant createdAt, Instant updatedAt) {
}
