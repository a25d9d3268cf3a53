package io.jingsai.api.certificate;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Certificates")
class OwnResultController {

    private final OwnResultService ownResults;

    OwnResultController(OwnResultService ownResults) {
        this.ownResults = ownResults;
    }

    @GetMapping("/api/public/events/{eventId}/results/{registrationNumber}")
    @Operation(operationId = "getOwnResult", summary = "A contestant's own result (成绩查询)",
            description = "For the contestant, with the verification code (查询码) the organizers handed out with "
                    + "the registration: their name, enterprise, region and trade, their result (status, total, "
                    + "components), rank, award and titles (provisional while the event is marking, final once "
                    + "published), and their certificate's number. An unknown number, a wrong code, and an event "
                    + "that is not public yet (before MARKING) all answer the same 404. After 10 failed look-ups "
                    + "from one address in one event, each further failure locks that address out of the event for "
                    + "1 s, 2 s, 4 s … up to 15 minutes (429 with Retry-After). Never cached.")
    @ApiResponse(responseCode = "200", description = "The entry's result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "429", description = "Too many failed look-ups from this address in this event",
            headers = @Header(name = "Retry-After", description = "seconds to wait",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<ResponseEntity<OwnResultView>> ownResult(
            @PathVariable @Parameter(description = "an event from MARKING on") long eventId,
            @PathVariable @Parameter(description = "the entry's registration number") long registrationNumber,
            @RequestParam @Parameter(description = "the entry's verification code: 8 letters and digits "
                    + "(spaces, hyphens and small letters allowed; O reads as 0, I and L as 1)",
                    example = "7K3M9QXD") String code,
            ServerHttpRequest request) {
        return ownResults.lookUp(eventId, registrationNumber, code, ClientAddresses.of(request))
                .map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).body(view));
    }
}
