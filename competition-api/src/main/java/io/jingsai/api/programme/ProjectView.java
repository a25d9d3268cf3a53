package io.jingsai.api.programme;

import java.time.Instant;
import java.util.List;

/** A competition project as the API shows it. */
record ProjectView(long id, long programmeId, String name, long hostEnterpriseId, String aspect, String keyArea,
                   String regionCode, TierStatus tierStatus, List<KpiIndicator> indicators, long version,
                   Instant createdAt, Instant updatedAt) {
}
