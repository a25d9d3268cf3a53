package io.jingsai.api.programme;

import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.bulk.SheetDownloads;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.web.ProblemMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Programme standings")
class FundAllocationController {

    private static final String ALLOCATIONS = "/api/programmes/{programmeId}/fund-allocations";

    private final FundAllocations allocations;
    private final FundAllocationExport export;
    private final SheetDownloads downloads;

    FundAllocationController(FundAllocations allocations, FundAllocationExport export, SheetDownloads downloads) {
        this.allocations = allocations;
        this.export = export;
        this.downloads = downloads;
    }

    @PostMapping(ALLOCATIONS)
    @Operation(operationId = "storeFundAllocation", summary = "Allocate the incentive fund and keep the allocation",
            description = "Allocates exactly as allocateFund does (published results only, to the fen, the parts "
                    + "adding up to the fund) and stores it under the programme's next number with the request, "
                    + "the published events the stars were ranked from, who and when. The answer says who gains "
                    + "and who loses how much since the previous allocation (changesSincePrevious: each member's "
                    + "part before and after in fen and the difference, members entering or leaving; the "
                    + "differences add up to 0 when the fund is the same). For organizers.")
    @ApiResponse(responseCode = "201", description = "Allocated and stored", useReturnTypeSchema = true)
    Mono<ResponseEntity<StoredFundAllocationView>> allocate(@PathVariable long programmeId,
                                                            @Valid @RequestBody FundAllocationCommand command,
                                                            Principal principal) {
        return allocations.allocate(programmeId, command, principal.getName())
                .map(view -> ResponseEntity.created(URI.create("/api/programmes/" + programmeId
                        + "/fund-allocations/" + view.number())).body(view));
    }

    @GetMapping(ALLOCATIONS)
    @Operation(operationId = "listFundAllocations", summary = "The programme's stored fund allocations",
            description = "Oldest first: number, fund, members paid, who and when. For organizers.")
    Mono<PageView<FundAllocationSummary>> list(@PathVariable long programmeId,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "20") int size) {
        return allocations.list(programmeId, PageQuery.of(page, size, null, Map.of("number", "number"), "number"));
    }

    @GetMapping(ALLOCATIONS + "/{number}")
    @Operation(operationId = "getFundAllocation", summary = "One stored fund allocation",
            description = "As it was stored, with who gains and who loses how much since the allocation before it "
                    + "(absent for the first). For organizers.")
    Mono<StoredFundAllocationView> find(@PathVariable long programmeId, @PathVariable int number) {
        return allocations.find(programmeId, number);
    }

    @GetMapping(ALLOCATIONS + "/{number}/export")
    @Operation(operationId = "exportFundAllocation", summary = "A stored fund allocation as a file to print",
            description = "Two sheets: every member's part (tier, rank, id, name, weight, amount in yuan), and what "
                    + "changed since the allocation before (part before, after, difference, entered or left). "
                    + "Amounts in yuan with two places, exact from the fen. Headers in the request's language. "
                    + "For organizers.")
    Mono<ResponseEntity<byte[]>> export(@PathVariable long programmeId, @PathVariable int number,
                                        @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        SheetFormat sheet = SheetDownloads.format(format);
        Locale language = ProblemMessages.language(locale);
        return downloads.exportTabs("programme-" + programmeId + "-fund-allocation-" + number, sheet,
                allocations.find(programmeId, number).map(allocation -> export.tabs(allocation, language)));
    }
}
