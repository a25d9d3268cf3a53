package io.jingsai.api.certificate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.result.EntryResultStatus;

/**
 * A contestant's own result, as they look it up with their registration number and verification code: who they are
 * in public (name, enterprise and its region, the trade), their entry's result and place, and the number of their
 * certificate. Nothing personal beyond the name: no ID number, phone, birth date or sex.
 *
 * @param entrant            the contestant's name, or the team's
 * @param regionCode         the region (administrative division code) of the entrant's enterprise
 * @param registrationStatus WITHDRAWN and ABSENT entries keep their result but are not ranked
 * @param provisional        true while the event is marking: ranks only, no awards yet
 * @param published          true once the results are published (final); REVIEW is public review (公示), when
 *                           places may still change
 * @param result             null while the entry has no result (no judge has marked it yet)
 * @param certificateNumber  once the results are published, the number of the entry's certificate if it won an award
 *                           or a title; else null
 */
record OwnResultView(long eventId, String eventName, EventStatus eventStatus, String tradeName, String tradeNameEn,
                     int registrationNumber, String entrant, String enterprise, String regionCode,
                     RegistrationStatus registrationStatus, boolean provisional, boolean published, Result result,
                     String certificateNumber) {

    /**
     * @param total      the published total (provisional unless {@code status} is COMPLETE)
     * @param components component id → published component score; empty when the scheme has none
     * @param rank       tied entries share it; null for an entry that is not ranked (withdrawn, absent)
     * @param award      the award band won, or null
     * @param titles     the titles earned
     */
    record Result(EntryResultStatus status, BigDecimal total, Map<String, BigDecimal> components, Integer rank,
                  String award, List<String> titles) {

        Result {
            titles = List.copyOf(titles);
        }
    }
}
