package io.jingsai.api.judging;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.Caller;
import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.web.ETags;
import io.jingsai.api.web.IdempotentAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events/{eventId}/registrations/{id}/score-sheets")
@Tag(name = ScoreSheetController.TAG, description = ScoreSheetController.TAG_DESCRIPTION)
class ScoreSheetController {

    static final String TAG = "Score sheets";
    static final String TAG_DESCRIPTION = "Judges' marks: each judge's score sheet (评分表) for each entry, "
            + "submitted and replaced safely (Idempotency-Key, versions), or one aspect's marks across many entries "
            + "at once; every accepted sheet recomputes the entry's result";
    static final String KEY_DESCRIPTION = "required: a key of your choosing (1 to 255 visible ASCII "
            + "characters, a UUID say), new for each sheet you send; send the same key again to retry, and you get "
            + "the first answer, never a second write. 422 if the key was used for another request.";

    private final ScoreSheetService sheets;

    ScoreSheetController(ScoreSheetService sheets) {
        this.sheets = sheets;
    }

    @PostMapping
    @Operation(operationId = "submitScoreSheet", summary = "Submit one's score sheet for an entry",
            description = "A judge, signed in as themself, gives all of their marks for the entry in one request: "
                    + "accepted together, with the entry's result recomputed, or not at all. Only while the event "
                    + "is MARKING (409 otherwise), by a judge on the event's panel who is not recused from the entry "
                    + "(403 otherwise). Each mark is checked against the marking scheme (400 naming marks[i] and the "
                    + "rule). A judge's sheet for an entry is submitted once (409 then: replace it with PUT). "
                    + "Recorded in the event's audit chain.")
    @ApiResponse(responseCode = "201", description = "Accepted; the result is recomputed",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<ScoreSheetView>> submit(@PathVariable long eventId, @PathVariable long id,
                                                @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                                @Parameter(in = ParameterIn.HEADER, required = true,
                                                        description = KEY_DESCRIPTION) String idempotencyKey,
                                                @Valid @RequestBody ScoreSheetCommand sheet,
                                                @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
        return sheets.submit(eventId, id, caller, key, sheet).map(IdempotentAnswers::response);
    }

    @GetMapping("/{judgeId}")
    @Operation(operationId = "getScoreSheet", summary = "A judge's score sheet for an entry",
            description = "The judge's current sheet with its version as ETag. Judges read their own; organizers "
                    + "and the chief judge every judge's.")
    Mono<ResponseEntity<ScoreSheetView>> find(@PathVariable long eventId, @PathVariable long id,
                                              @PathVariable long judgeId,
                                              @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return sheets.sheet(eventId, id, judgeId, caller).map(view -> ETags.ok(view, view.version()));
    }

    @PutMapping("/{judgeId}")
    @Operation(operationId = "replaceScoreSheet", summary = "Replace one's score sheet for an entry",
            description = "While the event is MARKING, the judge (only themself: 403 for another judge's sheet) "
                    + "replaces all of their marks for the entry, naming the version replaced in If-Match (412 if it "
                    + "is no longer current), under the same rules as a submission. Once marking has closed (REVIEW, "
                    + "public review), only the event's chief judge corrects a judge's sheet, and must give a reason "
                    + "(400 at reason; 403 for anyone else); a correction recomputes the result like any mark. The "
                    + "marks replaced are kept, and recorded with the new ones and the reason in the event's audit "
                    + "chain.")
    Mono<ResponseEntity<ScoreSheetView>> replace(@PathVariable long eventId, @PathVariable long id,
                                                 @PathVariable long judgeId,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                 String ifMatch,
                                                 @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                                 @Parameter(in = ParameterIn.HEADER, required = true,
                                                         description = KEY_DESCRIPTION) String idempotencyKey,
                                                 @Valid @RequestBody ScoreSheetCommand sheet,
                                                 @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        long version = ETags.ifMatch(ifMatch);
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
        return sheets.replace(eventId, id, judgeId, version, caller, key, sheet)
                .map(IdempotentAnswers::response);
    }

}
