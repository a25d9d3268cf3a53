package io.jingsai.api.judging;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events/{eventId}/registrations/{id}/record")
@Tag(name = "Entry records", description = "What officials record about an entry besides the judges' marks (赛务记录): "
        + "its completion time, a tie-break key, and declared difficulties, which multiply their aspects' marks")
class EntryRecordController {

    private final EntryRecordService records;

    EntryRecordController(EntryRecordService records) {
        this.records = records;
    }

    @GetMapping
    @Operation(operationId = "getEntryRecord", summary = "An entry's record by officials",
            description = "The current record with its version as ETag; 404 while nothing is recorded.")
    Mono<ResponseEntity<EntryRecordView>> find(@PathVariable long eventId, @PathVariable long id) {
        return records.find(eventId, id).map(view -> ETags.ok(view, view.version()));
    }

    @PutMapping
    @Operation(operationId = "keepEntryRecord", summary = "Keep an entry's record",
            description = "The event's organizers and chief judge keep the whole record while the event is OPEN or "
                    + "MARKING (403 for anyone else, 409 in other statuses): the first time without If-Match (412 "
                    + "with one), then naming the version replaced in If-Match (428 without, 412 when stale). During "
                    + "public review (REVIEW) only the chief judge corrects it, giving a reason (400 at reason). "
                    + "Difficulties name MEASUREMENT aspects of the scheme, each once (400 at difficulty[i].aspectId); "
                    + "completion times are kept to the millisecond. The entry's result is recomputed in the same "
                    + "transaction, and the change is recorded in the event's audit chain. Idempotency-Key is required, as "
                    + "for score sheets.")
    Mono<ResponseEntity<EntryRecordView>> keep(@PathVariable long eventId, @PathVariable long id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch,
                                               @RequestHeader(value = IdempotencyKey.HEADER, required = false)
                                               @Parameter(in = ParameterIn.HEADER, required = true,
                                                       description = "required: a key of your choosing, new for "
                                                               + "each change; a retry with the same key gets the "
                                                               + "first answer") String idempotencyKey,
                                               @Valid @RequestBody EntryRecordCommand command,
                                               @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        Long version = ifMatch == null ? null : ETags.ifMatch(ifMatch);
        IdempotencyKey key = IdempotencyKey.of(idempotencyKey);
        return records.keep(eventId, id, version, caller, key, command).map(IdempotentAnswers::response);
    }
}
