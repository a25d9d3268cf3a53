package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.jingsai.api.account.Caller;
import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.judging.SheetStore.Sheet;
import io.jingsai.api.result.EntryResults;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The next versions of one judge's score sheets, written once for both shapes of a sheet (an entry's marks, one
 * aspect's marks across entries): the sheet rows and their marks, one statement for all of them; then, entry
 * by entry in the order given, the entry's result recomputed and the sheet's change appended to the event's audit
 * chain (who, the marks before and after, the reason). The caller has checked everything but whether a first sheet
 * is one (the insert refuses a judge's second first sheet: 409) and holds the entries' locks, so that each result
 * sees every committed mark.
 */
@Component
class SheetWriter {

    private final SheetStore store;
    private final EntryResults results;
    private final AuditTrail audit;
    private final Clock clock;

    SheetWriter(SheetStore store, EntryResults results, AuditTrail audit, Clock clock) {
        this.store = store;
        this.results = results;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Whose sheets change, as what, and why.
     *
     * @param judgeId the judge whose sheets they are
     * @param action  how the audit chain names the change of a sheet that exists already (a first sheet is
     *                {@code scoreSheet.submitted})
     * @param reason  why, or null
     */
    record Writing(long judgeId, String action, String reason) {
    }

    /**
     * One sheet's next version.
     *
     * @param current the judge's current sheet for the entry, or null for a first sheet
     * @param before  the current sheet's marks (none for a first sheet)
     * @param after   the marks of the next version, the whole sheet
     */
    record Change(long registrationId, Sheet current, List<ScoreSheetView.MarkView> before,
                  List<ScoreSheetView.MarkView> after) {

        Change {
            before = List.copyOf(before);
            after = List.copyOf(after);
        }
    }

    /**
     * Writes the changes; completes with each sheet as stored now, in the order of {@code changes}. A change without
     * a current sheet for an entry the judge has a sheet for is refused, 409 {@code scoreSheet.exists}.
     */
    Mono<List<Sheet>> write(EventRules rules, Writing writing, Caller caller, List<Change> changes) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SheetStore.Next> sheets = changes.stream()
                .map(change -> new SheetStore.Next(change.registrationId(), change.current(), change.after()))
                .toList();
        return store.write(rules.eventId(), writing.judgeId(), sheets, now, caller.username())
                .flatMap(stored -> Flux.range(0, changes.size())
                        .concatMap(i -> settled(rules, writing, caller, changes.get(i), stored.get(i)))
                        .then()
                        .thenReturn(stored));
    }

    /** The entry's result recomputed with the new marks, and the change audited. */
    private Mono<Void> settled(EventRules rules, Writing writing, Caller caller, Change change, Sheet stored) {
        long judgeId = writing.judgeId();
        Map<String, Object> before = change.current() == null ? null
                : state(judgeId, change.current().version(), change.before());
        return results.recompute(rules, change.registrationId())
                .then(audit.record(new AuditRecord(AuditChain.event(rules.eventId()), caller.username(),
                        change.current() == null ? "scoreSheet.submitted" : writing.action(),
                        "registration/" + change.registrationId(), writing.reason(), before,
                        state(judgeId, stored.version(), change.after()))));
    }

    private static Map<String, Object> state(long judgeId, long version, List<ScoreSheetView.MarkView> marks) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        marks.forEach(mark -> values.put(mark.aspectId(), mark.value()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("judgeId", judgeId);
        state.put("version", version);
        state.put("marks", values);
        return state;
    }
}
