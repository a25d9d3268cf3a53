package io.jingsai.api.judging;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
@RequestMapping("/api/events/{eventId}")
@Tag(name = "Deductions and disqualifications", description = "Deductions (扣分) and disqualifications (取消资格) "
        + "that judges record against entries, effective once the event's chief judge approves them")
class PenaltyController {

    private static final String KEY_DESCRIPTION = "required: a key of your choosing (1 to 255 visible ASCII "
            + "characters, a UUID say), new for each deduction or disqualification; send the same key again to "
            + "retry, and you get the first answer, never a second record. 422 if the key was used for another "
            + "request.";

    private final PenaltyService penalties;

    PenaltyController(PenaltyService penalties) {
        this.penalties = penalties;
    }

    @PostMapping("/registrations/{id}/penalties")
    @Operation(operationId = "recordPenalty", summary = "Record a deduction or a disqualification of an entry",
            description = "A judge, signed in as themself, on the event's panel and not recused from the entry (403 "
                    + "otherwise), while the event is MARKING and the entry competes (409 otherwise), records a "
                    + "DEDUCTION on a DEDUCTION aspect of the scheme (points: the aspect's points per violation "
                    + "when left out) or a DISQUALIFICATION (one per entry unless rejected: 409), with a reason. It "
                    + "is PENDING until the chief judge decides; meanwhile the entry's result is held back "
                    + "(INCOMPLETE) and publication is refused. The result is recomputed and the record joins the "
                    + "event's audit chain.")
    @ApiResponse(responseCode = "201", description = "Recorded, pending approval", useReturnTypeSchema = true)
    Mono<ResponseEntity<PenaltyView>> record(@PathVariable long eventId, @PathVariable long id,
                                             @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                             @Parameter(in = ParameterIn.HEADER, required = true,
                                                     description = KEY_DESCRIPTION) String idempotencyKey,
                                             @Valid @RequestBody PenaltyCommand command,
                                             @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
        return penalties.record(eventId, id, caller, key, command).map(IdempotentAnswers::response);
    }

    @GetMapping("/penalties")
    @Operation(operationId = "listPenalties", summary = "The event's deductions and disqualifications",
            description = "Every deduction and disqualification of the event, oldest first; pending=true lists "
                    + "only those waiting for the chief judge, pending=false only those decided.")
    Mono<PenaltiesView> list(@PathVariable long eventId, @RequestParam(required = false) Boolean pending) {
        return penalties.list(eventId, pending);
    }

    @GetMapping("/penalties/{id}")
    @Operation(operationId = "getPenalty", summary = "One deduction or disqualification",
            description = "With its version as ETag: 0 while pending, 1 once decided.")
    Mono<ResponseEntity<PenaltyView>> find(@PathVariable long eventId, @PathVariable long id) {
        return penalties.find(eventId, id).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/penalties/{id}/decision")
    @Operation(operationId = "decidePenalty", summary = "Approve or reject a deduction or disqualification",
            description = "Only the event's chief judge, signed in as themself (403 otherwise), while the event is "
                    + "MARKING (409 otherwise), decides a PENDING one once (409 if already decided): APPROVED makes "
                    + "it count, REJECTED (a reason is required) keeps it on record without effect. The entry's "
                    + "result is recomputed and the decision joins the event's audit chain.")
    Mono<ResponseEntity<PenaltyView>> decide(@PathVariable long eventId, @PathVariable long id,
                                             @Valid @RequestBody PenaltyDecision decision,
                                             @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return penalties.decide(eventId, id, caller, decision).map(view -> ETags.ok(view, view.version()));
    }

}
