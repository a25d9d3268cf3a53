package io.jingsai.api.boards;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Public boards", description = "Live boards of events for everyone, from MARKING on: ranks, names, "
        + "enterprises and published totals, nothing personal beyond a name; as pages, and as a stream of changes. "
        + "While an organizer has the board frozen (封榜), they show the results as they were then (frozenSince), "
        + "until it is released or the results go out for public review")
class PublicBoardController {

    private static final int MAX_LIMIT = BoardPaging.MAX_LIMIT;
    private static final int MAX_K = BoardPaging.MAX_K;
    private static final String BOARD = "/api/public/events/{eventId}/board";
    private static final String EVENT = "an event from MARKING on (a blind one once its identities are revealed); "
            + "404 for any other, as for one that does not exist";
    /** Dashboards and proxies may keep a page this long, and then ask again with its ETag. */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    private final EventBoards boards;
    private final BoardSettings settings;

    PublicBoardController(EventBoards boards, BoardSettings settings) {
        this.boards = boards;
        this.settings = settings;
    }

    @GetMapping(BOARD)
    @Operation(operationId = "getEventBoard", summary = "A page of an event's live board",
            description = "Every entry that is not withdrawn and has a result, ranked by the event's tie-break chain "
                    + "and rank style as its standings are; results still missing marks or held for review rank "
                    + "on their provisional totals and say so. The version is the ETag: 304 to a matching "
                    + "If-None-Match. A frozen board says since when (frozenSince) and keeps its version until it is "
                    + "released.")
    Mono<ResponseEntity<BoardPageView>> page(
            @PathVariable @Parameter(description = EVENT) long eventId,
            @RequestParam(defaultValue = "0") @Parameter(description = "entries to skip",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int offset,
            @RequestParam(defaultValue = "50") @Parameter(description = "entries to show",
                    schema = @Schema(minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "50")) int limit) {
        BoardPaging.page(offset, limit);
        return boards.board(eventId).map(board -> cached(board.page(offset, limit)));
    }

    @GetMapping(BOARD + "/top")
    @Operation(operationId = "getEventBoardTop", summary = "The leading entries of an event's live board",
            description = "The first k entries in display order (ties may take more ranks' worth), with the board's "
                    + "version as ETag.")
    Mono<ResponseEntity<BoardPageView>> top(
            @PathVariable @Parameter(description = EVENT) long eventId,
            @RequestParam(defaultValue = "10") @Parameter(description = "how many entries",
                    schema = @Schema(minimum = "1", maximum = "" + MAX_K, defaultValue = "10")) int k) {
        BoardPaging.check().within("k", k, 1, MAX_K).refuse();
        return boards.board(eventId).map(board -> cached(board.top(k)));
    }

    @GetMapping(BOARD + "/around/{registrationNumber}")
    @Operation(operationId = "getEventBoardAround", summary = "An entry and its neighbours on an event's live board",
            description = "The entry with this registration number and up to k entries before and after it; 404 "
                    + "if it is not on the board (no result yet, or withdrawn).")
    Mono<ResponseEntity<BoardPageView>> around(
            @PathVariable @Parameter(description = EVENT) long eventId,
            @PathVariable @Parameter(description = "the entry's registration number") long registrationNumber,
            @RequestParam(defaultValue = "5") @Parameter(description = "entries either side",
                    schema = @Schema(minimum = "0", maximum = "" + MAX_K, defaultValue = "5")) int k) {
        BoardPaging.check().within("k", k, 0, MAX_K).refuse();
        return boards.board(eventId).map(board -> board.around(registrationNumber, k)
                .map(PublicBoardController::cached)
                .orElseThrow(() -> NotFoundException.because("notFound.boardEntry", registrationNumber, eventId)));
    }

    @GetMapping(value = BOARD + "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamEventBoard", summary = "An event's live board as server-sent events",
            description = "Starts with a comment, then a 'snapshot' event (the leading entries and the total), then "
                    + "'change' events, at most one per tick, each turning the state before it into its own "
                    + "(sequence). Every event has an id: reconnect with it as Last-Event-ID to get only what you "
                    + "missed, or a fresh snapshot when that is no longer known. A client that reads slowly skips "
                    + "ahead to a snapshot of the latest state. Comments every so often keep the stream open. When "
                    + "the board is frozen (封榜), a 'change' with frozenSince says so (it may change nothing else) and "
                    + "none follows until the board is released: then a 'change' turns the frozen board into the "
                    + "live one. A snapshot of a frozen board has frozenSince too.")
    @ApiResponse(responseCode = "200", description = "The stream; it never ends by itself",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @Schema(type = "string")))
    Mono<ResponseEntity<Flux<StreamFrame>>> stream(
            @PathVariable @Parameter(description = EVENT) long eventId,
            @RequestHeader(value = "Last-Event-ID", required = false)
            @Parameter(description = "the id of the last event received, to resume") String lastEventId) {
        return boards.board(eventId).map(board -> ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no") // proxies must pass events on at once
                .body(BoardStreams.of(board, lastEventId, settings.heartbeat())));
    }

    private static ResponseEntity<BoardPageView> cached(BoardPageView view) {
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").cacheControl(CACHING).body(view);
    }
}
