package io.jingsai.api.result;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Results", description = "Entries' results, recomputed from the judges' marks in the transaction that "
        + "changes them, and the event's provisional standings")
class ResultController {

    private final ResultService results;

    ResultController(ResultService results) {
        this.results = results;
    }

    @GetMapping("/api/events/{eventId}/results")
    @Operation(operationId = "listResults", summary = "The event's provisional standings",
            description = "Every entry with a result (withdrawn entries aside), ranked by the event's tie-break "
                    + "chain and rank style; ties share a rank and are shown in registration-number order. Results "
                    + "that are not COMPLETE rank on their provisional totals. For organizers and the chief judge.")
    Mono<StandingsView> standings(@PathVariable long eventId) {
        return results.standings(eventId);
    }

    @GetMapping("/api/events/{eventId}/registrations/{id}/result")
    @Operation(operationId = "getEntryResult", summary = "One entry's result",
            description = "The entry's stored result: status, published and exact totals, components and every "
                    + "aspect, with its version as ETag. 404 until a judge has marked the entry.")
    Mono<ResponseEntity<ResultView>> result(@PathVariable long eventId, @PathVariable long id) {
        return results.result(eventId, id).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/api/events/{eventId}/results/recomputation")
    @Operation(operationId = "recomputeResults", summary = "Check every stored result against its marks",
            description = "Recomputes every result of the event from the marks alone, with the event's rules, and "
                    + "lists each entry whose stored result differs (none is expected: results are stored with "
                    + "their marks). Changes nothing. Administrators only.")
    Mono<RecomputationView> recompute(@PathVariable long eventId) {
        return results.recomputation(eventId);
    }
}
