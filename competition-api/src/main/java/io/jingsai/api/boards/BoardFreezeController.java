package io.jingsai.api.boards;

import java.security.Principal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events/{eventId}/board")
@Tag(name = "Board freeze", description = "Freezing an event's public board near the end (封榜): the public board "
        + "and its stream then show the results as they were, organizers and the chief judge read the live board "
        + "here, until an organizer releases it or the results go out for public review")
class BoardFreezeController {

    private static final String FREEZE = "/freeze";

    private final BoardFreezeService freezes;
    private final EventBoards boards;

    BoardFreezeController(BoardFreezeService freezes, EventBoards boards) {
        this.freezes = freezes;
        this.boards = boards;
    }

    @GetMapping
    @Operation(operationId = "getLiveEventBoard", summary = "A page of an event's live board",
            description = "The board as the public board shows it while it is not frozen, with every result that "
                    + "arrived since a freeze. For organizers of the event and its chief judge. An event before "
                    + "MARKING has an empty board. The version is the ETag: 304 to a matching If-None-Match.")
    Mono<ResponseEntity<BoardPageView>> live(
            @PathVariable long eventId,
            @RequestParam(defaultValue = "0") @Parameter(description = "entries to skip",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int offset,
            @RequestParam(defaultValue = "50") @Parameter(description = "entries to show",
                    schema = @Schema(minimum = "1", maximum = "" + BoardPaging.MAX_LIMIT, defaultValue = "50"))
            int limit) {
        BoardPaging.page(offset, limit);
        return boards.livePage(eventId, offset, limit)
                .map(page -> ResponseEntity.ok().eTag("\"" + page.version() + "\"").body(page));
    }

    @GetMapping(FREEZE)
    @Operation(operationId = "getBoardFreeze", summary = "Whether an event's public board is frozen",
            description = "Frozen since when, or the freeze scheduled, and who changed it last; the version is the "
                    + "ETag.")
    Mono<ResponseEntity<BoardFreezeView>> state(@PathVariable long eventId) {
        return freezes.view(eventId).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping(FREEZE)
    @Operation(operationId = "freezeBoard", summary = "Freeze an event's public board (封榜)",
            description = "While the event is MARKING (409 otherwise), an organizer freezes its public board: from "
                    + "now on the public board, top and around answer the results as they are now, and the stream "
                    + "says so and sends nothing more, on every instance, until the board is released. With an "
                    + "'at' still to come, the freeze is scheduled and taken then. 409 if the board is frozen or a "
                    + "freeze is scheduled already. Recorded in the event's audit chain.")
    @ApiResponse(responseCode = "201", description = "Frozen, or scheduled", useReturnTypeSchema = true)
    Mono<ResponseEntity<BoardFreezeView>> freeze(@PathVariable long eventId,
                                                 @Valid @RequestBody(required = false) BoardFreezeCommand command,
                                                 Principal principal) {
        return freezes.freeze(eventId, command == null ? null : command.at(), principal.getName())
                .map(view -> ETags.created("/api/events/" + eventId + "/board" + FREEZE, view, view.version()));
    }

    @DeleteMapping(FREEZE)
    @Operation(operationId = "releaseBoard", summary = "Release an event's frozen board, or cancel its freeze",
            description = "The public board and its stream show the live board again (the stream sends what "
                    + "changed meanwhile), on every instance; a freeze scheduled is cancelled. 409 if the board is "
                    + "neither frozen nor scheduled to be. Results going out for public review (REVIEW) or "
                    + "publication release it too. Send If-Match with the freeze's ETag. Recorded in the event's "
                    + "audit chain.")
    @ApiResponse(responseCode = "204", description = "Released")
    Mono<ResponseEntity<Void>> release(@PathVariable long eventId,
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(freezes.release(eventId, version, principal.getName()));
    }
}
