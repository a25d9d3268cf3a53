package io.jingsai.api.judge;

import java.time.Instant;

/**
 * A judge as organizers see them. {@code phone} and {@code email} are masked ({@code contactMasked}) unless the
 * caller asked for them with {@code reveal=contact}.
 */
public record JudgeView(long id, String name, Long enterpriseId, Qualification qualification, String phone, String email,
                 boolean contactMasked, long version, Instant createdAt, Instant updatedAt) {
}
