package io.jingsai.api.trade;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Trades are public reference data; organizers extend the list. */
@RestController
@RequestMapping("/api/reference/trades")
@Tag(name = "Reference data")
class TradeController {

    private final TradeService trades;

    TradeController(TradeService trades) {
        this.trades = trades;
    }

    @GetMapping
    @Operation(operationId = "listTrades", summary = "Trades, filtered and paged",
            description = "Trades (工种), public: the built-in list and those organizers added. q matches a part of "
                    + "either name or of the code. Sort by nameZh (pinyin), nameEn or code; default nameZh.")
    Mono<PageView<TradeView>> list(@RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size,
                                   @RequestParam(required = false) String sort) {
        return trades.list(q, PageQuery.of(page, size, sort, TradeService.SORTABLE, "nameZh"));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTrade", summary = "One trade",
            description = "The trade with this id, public, with its version as ETag.")
    Mono<ResponseEntity<TradeView>> find(@PathVariable long id) {
        return trades.find(id).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping
    @Operation(operationId = "createTrade", summary = "Add a trade",
            description = "Adds a trade to the reference list (organizers only). A Chinese name or occupation code "
                    + "that another trade has is a 409.")
    @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true)
    Mono<ResponseEntity<TradeView>> add(@Valid @RequestBody TradeCommand command) {
        return trades.add(command).map(view -> ETags.created("/api/reference/trades/" + view.id(), view, view.version()));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateTrade", summary = "Change a trade",
            description = "Renames a trade or sets its occupation code. Send If-Match with the ETag you read (412 if "
                    + "someone changed it since).")
    Mono<ResponseEntity<TradeView>> change(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody TradeCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return trades.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteTrade", summary = "Remove a trade",
            description = "Removes a trade that no contestant, team or event uses (409 otherwise). Send If-Match "
                    + "with the ETag you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(trades.remove(id, version));
    }
}
