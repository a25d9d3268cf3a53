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
    @Operation(summary = "Trades (工种), public; q matches a part of either name or the code")
    Mono<PageView<TradeView>> list(@RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size,
                                   @RequestParam(required = false) String sort) {
        return trades.list(q, PageQuery.of(page, size, sort, TradeService.SORTABLE, "nameZh"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One trade, public")
    Mono<ResponseEntity<TradeView>> find(@PathVariable long id) {
        return trades.find(id).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping
    @Operation(summary = "Add a trade (organizers); 409 if the name or code exists")
    Mono<ResponseEntity<TradeView>> add(@Valid @RequestBody TradeCommand command) {
        return trades.add(command).map(view -> ETags.created("/api/reference/trades/" + view.id(), view, view.version()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a trade or set its code; send If-Match")
    Mono<ResponseEntity<TradeView>> change(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody TradeCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return trades.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a trade nothing uses; send If-Match")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(trades.remove(id, version));
    }
}
