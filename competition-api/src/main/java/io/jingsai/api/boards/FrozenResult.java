package io.jingsai.api.boards;

import java.math.BigDecimal;
import java.util.Map;

import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.result.CurrentResults.CurrentResult;
import io.jingsai.api.result.EntryResultStatus;

/**
 * An entry's result as a freeze stores it (as JSON, in {@code board_freeze.results}): what a board needs to name,
 * rank and show the entry. Its own record, so that the stored form does not follow every change of the results'
 * values.
 */
record FrozenResult(long registrationId, int registrationNumber, String stationNumber,
                    RegistrationStatus registrationStatus, EntryResultStatus status, BigDecimal total,
                    Map<String, BigDecimal> keys, boolean eligible, boolean started, long version) {

    static FrozenResult of(CurrentResult result) {
        return new FrozenResult(result.registrationId(), result.registrationNumber(), result.stationNumber(),
                result.registrationStatus(), result.status(), result.total(), result.standing().keys(),
                result.standing().eligible(), result.standing().started(), result.version());
    }

    CurrentResult result(long eventId) {
        return new CurrentResult(eventId, registrationId, registrationNumber, stationNumber, registrationStatus,
                status, total, new Standing(registrationNumber, keys, eligible, started), version);
    }
}
