package io.jingsai.api.result;

import java.security.Principal;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.Caller;
import io.jingsai.api.bulk.SheetDownloads;
import io.jingsai.api.event.BlindMarking;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.web.ETags;
import io.jingsai.api.web.ProblemMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Results", description = "Entries' results, recomputed from the judges' marks in the transaction that "
        + "changes them; the event's standings (provisional, then final with awards), what later changes changed for whom, "
        + "and the files organizers print")
class ResultController {

    private final ResultService results;
    private final ResultExports exports;
    private final SheetDownloads downloads;
    private final BlindMarking blindMarking;

    ResultController(ResultService results, ResultExports exports, SheetDownloads downloads,
                     BlindMarking blindMarking) {
        this.results = results;
        this.exports = exports;
        this.downloads = downloads;
        this.blindMarking = blindMarking;
    }

    @GetMapping("/api/events/{eventId}/results")
    @Operation(operationId = "listResults", summary = "The event's standings: provisional, or final with awards",
            description = "Every entry with a result (withdrawn entries aside), ranked by the event's tie-break "
                    + "chain and rank style; ties share a rank and are shown in registration-number order. While "
                    + "the event is marking they are provisional (provisional: true): ranks only, results that are "
                    + "not COMPLETE ranked on their provisional totals. Once marking has closed (REVIEW, PUBLISHED) "
                    + "they are final: each entry also has its award band, titles and standardised score, given by "
                    + "the event's rules; observers, disqualified and incomplete entries never take award places. "
                    + "For organizers and the chief judge; in a blind event, until identities are revealed, the "
                    + "chief judge sees no registration numbers.")
    Mono<StandingsView> standings(@PathVariable long eventId, Principal principal) {
        return stationsOnly(eventId, principal).flatMap(stationsOnly -> results.standings(eventId)
                .map(standings -> stationsOnly ? standings.withoutIdentity() : standings));
    }

    @GetMapping("/api/events/{eventId}/results/changes")
    @Operation(operationId = "listStandingChanges", summary = "What result changes changed for whom after review",
            description = "From the moment the event first goes out for public review (公示), every entry whose rank, "
                    + "award or titles a later change of a result changed (a correction, a withdrawal, or marking "
                    + "reopened and the event out for review again): before and after, when, and the result "
                    + "changes that caused it, oldest first. Empty before review. Each change is also in the event's "
                    + "audit chain. For organizers and the chief judge (without registration numbers in a blind "
                    + "event until identities are revealed).")
    Mono<StandingChangesView> changes(@PathVariable long eventId, Principal principal) {
        return stationsOnly(eventId, principal).flatMap(stationsOnly -> results.changes(eventId)
                .map(changes -> stationsOnly ? changes.withoutIdentity() : changes));
    }

    @GetMapping("/api/events/{eventId}/results/export")
    @Operation(operationId = "exportResults", summary = "The event's results as organizers publish them",
            description = "The standings of listResults as an xlsx or csv file: rank, station number, registration "
                    + "number, entrant, enterprise, each component, total, award, titles and standardised score "
                    + "(award, titles and standardised score stay empty while the standings are provisional). "
                    + "Headers in the request's language. No ID numbers. For organizers and the chief judge; in a "
                    + "blind event, until identities are revealed, the chief judge's file leaves registration "
                    + "number, entrant and enterprise empty.")
    Mono<ResponseEntity<byte[]>> export(@PathVariable long eventId,
                                        @RequestParam(defaultValue = "xlsx") String format, Locale locale,
                                        Principal principal) {
        SheetFormat sheet = SheetDownloads.format(format);
        Locale language = ProblemMessages.language(locale);
        return stationsOnly(eventId, principal)
                .flatMap(stationsOnly -> exports.results(eventId, language, stationsOnly))
                .flatMap(table -> downloads.export("event-" + eventId + "-results", sheet, table.columns(),
                        Flux.fromIterable(table.rows())));
    }

    @GetMapping("/api/events/{eventId}/results/judge-sheets")
    @Operation(operationId = "exportJudgeSheets", summary = "Each judge's score sheet, to print and sign",
            description = "For each judge of the panel (and any judge with sheets in the event), every entry the "
                    + "judge marked, by registration and station number, with the judge's current mark for each "
                    + "aspect, the sheet's version and time, and a line to sign and date (签字确认): in xlsx one "
                    + "worksheet per judge, in csv one block per judge. For organizers and the chief judge (without "
                    + "registration numbers in a blind event until identities are revealed).")
    Mono<ResponseEntity<byte[]>> judgeSheets(@PathVariable long eventId,
                                             @RequestParam(defaultValue = "xlsx") String format, Locale locale,
                                             Principal principal) {
        SheetFormat sheet = SheetDownloads.format(format);
        return downloads.exportTabs("event-" + eventId + "-judge-sheets", sheet, stationsOnly(eventId, principal)
                .flatMap(stationsOnly -> exports.judgeSheets(eventId, ProblemMessages.language(locale),
                        stationsOnly)));
    }

    @GetMapping("/api/events/{eventId}/registrations/{id}/result")
    @Operation(operationId = "getEntryResult", summary = "One entry's result",
            description = "The entry's stored result: status, published and exact totals, components and every "
                    + "aspect, with its version as ETag. 404 until a judge has marked the entry. In a blind event, "
                    + "until identities are revealed, the chief judge sees no registration number.")
    Mono<ResponseEntity<ResultView>> result(@PathVariable long eventId, @PathVariable long id, Principal principal) {
        return stationsOnly(eventId, principal).flatMap(stationsOnly -> results.result(eventId, id)
                        .map(view -> stationsOnly ? view.withoutIdentity() : view))
                .map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/api/events/{eventId}/results/recomputation")
    @Operation(operationId = "recomputeResults", summary = "Check every stored result against its marks",
            description = "Recomputes every result of the event from the marks alone, with the event's rules, and "
                    + "lists each entry whose stored result differs (none is expected: results are stored with "
                    + "their marks). Changes nothing. Administrators only.")
    Mono<RecomputationView> recompute(@PathVariable long eventId) {
        return results.recomputation(eventId);
    }

    /** Whether the caller reads this event's entries by station only (a judge of an unrevealed blind event). */
    private Mono<Boolean> stationsOnly(long eventId, Principal principal) {
        return blindMarking.hidesIdentitiesFrom(eventId, Caller.of(principal).orElse(null));
    }
}
