package io.jingsai.api.contestant;

import java.util.List;

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

import io.jingsai.api.bulk.SheetDownloads;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/contestants")
@Tag(name = "Contestants", description = "Individual workers (选手); ID numbers are masked unless revealed explicitly")
class ContestantController {

    private static final String REVEAL_ID_NUMBER = "idNumber";

    private final ContestantService contestants;
    private final ContestantExport export;
    private final SheetDownloads downloads;

    ContestantController(ContestantService contestants, ContestantExport export, SheetDownloads downloads) {
        this.contestants = contestants;
        this.export = export;
        this.downloads = downloads;
    }

    @PostMapping
    @Operation(summary = "Register a contestant; birth date and sex come from the ID number")
    Mono<ResponseEntity<ContestantView>> register(@Valid @RequestBody ContestantCommand command) {
        return contestants.register(command).map(view -> ETags.created("/api/contestants/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contestant; reveal=idNumber shows the full ID number, birth date and phone")
    Mono<ResponseEntity<ContestantView>> find(@PathVariable long id, @RequestParam(required = false) String reveal) {
        if (reveal != null && !REVEAL_ID_NUMBER.equals(reveal)) {
            throw RejectedRequestException.of("reveal", "oneOf", List.of(REVEAL_ID_NUMBER));
        }
        return contestants.find(id, reveal != null).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(summary = "Contestants (masked), filtered by name part, enterprise, trade and region (of the enterprise); sorted by name in pinyin")
    Mono<PageView<ContestantView>> list(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) @Positive Long enterpriseId,
                                        @RequestParam(required = false) @Positive Long tradeId,
                                        @RequestParam(required = false) String regionCode,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size,
                                        @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, size, sort, ContestantService.SORTABLE, "name");
        return contestants.list(new ContestantFilter(q, enterpriseId, tradeId, regionCode), paging);
    }

    @GetMapping("/export")
    @Operation(summary = "Contestants as an xlsx or csv file, filtered by enterprise and trade; "
            + "reveal=idNumber exports full ID numbers and phones (re-importable)")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "xlsx") String format,
                                        @RequestParam(required = false) @Positive Long enterpriseId,
                                        @RequestParam(required = false) @Positive Long tradeId,
                                        @RequestParam(required = false) String reveal) {
        if (reveal != null && !REVEAL_ID_NUMBER.equals(reveal)) {
            throw RejectedRequestException.of("reveal", "oneOf", List.of(REVEAL_ID_NUMBER));
        }
        return downloads.export("contestants", SheetDownloads.format(format), ContestantExport.COLUMNS,
                export.rows(enterpriseId, tradeId, reveal != null));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a contestant; send If-Match")
    Mono<ResponseEntity<ContestantView>> change(@PathVariable long id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody ContestantCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return contestants.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a contestant who is in no team and no event; send If-Match")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(contestants.remove(id, version));
    }
}
