package io.jingsai.api.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry's stored result, as the scoring engine made it from the current marks of every judge.
 *
 * @param registrationNumber absent for judges of a blind event until identities are revealed
 * @param total        the published total, rounded once by the scheme's rule (provisional unless COMPLETE)
 * @param exactTotal   the exact total in lowest terms, such as {@code 1769/20}
 * @param components   component id → published component score; empty when the scheme has no components
 * @param aspects      every aspect of the scheme, in scheme order
 * @param sheets       how many judges' score sheets the marks come from
 * @param rulesVersion the version of the event whose rules computed it
 * @param version      changes with every recomputation; the result-change events name it
 */
record ResultView(long eventId, long registrationId, Integer registrationNumber, String stationNumber,
                  EntryResultStatus status, BigDecimal total, String exactTotal, Map<String, BigDecimal> components,
                  List<AspectResultView> aspects, int sheets, long rulesVersion, Instant computedAt, long version) {

    /** The result as a blind event shows it to judges: by station, nothing that tells who. */
    ResultView withoutIdentity() {
        return new ResultView(eventId, registrationId, null, stationNumber, status, total, exactTotal, components,
                aspects, sheets, rulesVersion, computedAt, version);
    }

    static ResultView of(ResultStore.Stored stored) {
        ComputedResult result = stored.result();
        ResultStore.Entry entry = stored.entry();
        return new ResultView(entry.eventId(), entry.id(), entry.number(), entry.station(), result.status(),
                result.total(), result.exactTotal(), result.components(), result.aspects(), result.sheets(),
                stored.rulesVersion(), stored.computedAt(), stored.version());
    }
}
