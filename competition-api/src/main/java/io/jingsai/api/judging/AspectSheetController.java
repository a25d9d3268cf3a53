package io.jingsai.api.judging;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.Caller;
import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.shared.IdempotentRequests.Answer;
import io.jingsai.api.web.IdempotentAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = ScoreSheetController.TAG, description = ScoreSheetController.TAG_DESCRIPTION)
class AspectSheetController {

    private final AspectSheetService sheets;

    AspectSheetController(AspectSheetService sheets) {
        this.sheets = sheets;
    }

    @PostMapping("/api/events/{eventId}/aspects/{aspectId}/marks")
    @Operation(operationId = "markAspect", summary = "Mark one aspect across many entries",
            description = "A judge, signed in as themself, gives their mark for one aspect of the scheme to many "
                    + "entries in one request (walking the hall, one aspect at every station): accepted together, "
                    + "or not at all. Each mark becomes the next version of the judge's sheet for its entry, their "
                    + "other marks for it kept, and recomputes the entry's result, as a replaced sheet does. Only "
                    + "while the event is MARKING (409 otherwise), by a judge on its panel (403). Each mark names the "
                    + "version of one's sheet for the entry (sheetVersion, as the worklist gives it; left out for an "
                    + "entry without one): 409 naming marks[i].sheetVersion if the sheet is not at it. An entry one "
                    + "is recused from is 403, a withdrawn or absent entry 409, an aspect the scheme does not mark, "
                    + "a value it does not take, an entry named twice or not of the event 400: each naming every "
                    + "mark concerned, nothing written. Each sheet's change is recorded in the event's audit chain.")
    @ApiResponse(responseCode = "200", description = "Accepted; every entry's result is recomputed",
            useReturnTypeSchema = true)
    Mono<ResponseEntity<AspectSheetView>> mark(@PathVariable long eventId,
                                               @PathVariable @Parameter(description = "the aspect of the event's "
                                                       + "scheme, such as P1b") String aspectId,
                                               @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                               @Parameter(in = ParameterIn.HEADER, required = true,
                                                       description = ScoreSheetController.KEY_DESCRIPTION)
                                               String idempotencyKey,
                                               @Valid @RequestBody AspectSheetCommand sheet,
                                               @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
        return sheets.mark(eventId, aspectId, caller, key, sheet).map(AspectSheetController::answer);
    }

    /**
     * As {@link IdempotentAnswers#response} but without an ETag: the answer is about many sheets, and each mark
     * carries the version of its own.
     */
    private static ResponseEntity<AspectSheetView> answer(Answer<AspectSheetView> answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status());
        if (answer.replayed()) {
            builder.header(IdempotentAnswers.REPLAYED, "true");
        }
        return builder.body(answer.body());
    }
}
