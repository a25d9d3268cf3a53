package io.jingsai.api.enterprise;

import java.time.Instant;

/** An enterprise as the API shows it. */
public record EnterpriseView(long id, String name, String creditCode, String regionCode, String industry,
                      Ownership ownership, long version, Instant createdAt, Instant updatedAt) {
}
