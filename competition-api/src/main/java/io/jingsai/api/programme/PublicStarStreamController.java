package io.jingsai.api.programme;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.boards.BoardSettings;
import io.jingsai.api.boards.BoardStreams;
import io.jingsai.api.boards.StreamFrame;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A programme's live star boards (the programme-wide one, or a split's) as server-sent events, as the event boards
 * stream theirs. */
@RestController
@Tag(name = "Public programme boards")
class PublicStarStreamController {

    private final ProgrammeBoards boards;
    private final BoardSettings settings;

    PublicStarStreamController(ProgrammeBoards boards, BoardSettings settings) {
        this.boards = boards;
        this.settings = settings;
    }

    @GetMapping(value = "/api/public/programmes/{programmeId}/stars/stream",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamPublicStars", summary = "A programme's live star board as server-sent events",
            description = "Starts with a comment, then a 'snapshot' event (the leading lines, the total and the stars "
                    + "tier), then 'change' events, at most one per tick, each turning the state before it into its "
                    + "own (sequence; the stars tier when it changed). Every event has an id: reconnect with it as "
                    + "Last-Event-ID to get only what you missed, or a fresh snapshot when that is no longer known. "
                    + "A client that reads slowly skips ahead to a snapshot of the latest state. Comments every so "
                    + "often keep the stream open. The stream ends when the programme's board is set up again (its "
                    + "rules changed): reconnect. For anyone, like the star board itself.")
    @ApiResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    Mono<ResponseEntity<Flux<StreamFrame>>> stream(
            @PathVariable @Parameter(description = "a programme with a public board; 404 for any other")
            long programmeId,
            @RequestParam(required = false) @Parameter(description = PublicProgrammeController.SPLIT)
            @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE) @Size(max = KeyArea.CODE_LENGTH)
            String split,
            @RequestHeader(value = "Last-Event-ID", required = false)
            @Parameter(description = "the id of the last event received, to resume") String lastEventId) {
        return boards.board(programmeId).map(stars -> PublicProgrammeController.table(stars, split))
                .map(table -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .header("X-Accel-Buffering", "no") // proxies must pass events on at once
                        .body(BoardStreams.of("stars " + programmeId + (split == null ? "" : " " + split),
                                events(table, lastEventId), settings.heartbeat())));
    }

    /** Nothing when the board was replaced just now: the stream ends at once and the client reconnects. */
    private static Flux<StreamFrame> events(StarTable table, String lastEventId) {
        return table.changes().map(changes -> changes.events(lastEventId)).orElseGet(Flux::empty);
    }
}
