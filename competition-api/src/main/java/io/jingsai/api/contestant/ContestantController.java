package io.jingsai.api.contestant;

import java.security.Principal;
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
import io.jingsai.api.privacy.PersonalDataAccess;
import io.jingsai.api.privacy.RevealRequest;
import io.jingsai.api.privacy.RevealSubjects;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/contestants")
@Tag(name = "Contestants", description = "Individual workers (选手); ID numbers and phones are masked unless revealed "
        + "explicitly, with a reason, and every reveal is audited")
class ContestantController {

    private static final String REVEAL_ID_NUMBER = "idNumber";
    private static final String REVEAL = "idNumber shows the full ID number, birth date and phone (needs a reason)";

    private final ContestantService contestants;
    private final ContestantExport export;
    private final SheetDownloads downloads;
    private final PersonalDataAccess access;

    ContestantController(ContestantService contestants, ContestantExport export, SheetDownloads downloads,
                         PersonalDataAccess access) {
        this.contestants = contestants;
        this.export = export;
        this.downloads = downloads;
        this.access = access;
    }

    @PostMapping
    @Operation(operationId = "createContestant", summary = "Register a contestant",
            description = "Registers a worker of an enterprise in a trade. The ID number is verified (GB 11643 check "
                    + "character, a real birth date not in the future) and gives the birth date and sex; it must not "
                    + "be registered yet (409). The answer shows the ID number masked.")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    Mono<ResponseEntity<ContestantView>> register(@Valid @RequestBody ContestantCommand command) {
        return contestants.register(command).map(view -> ETags.created("/api/contestants/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getContestant", summary = "One contestant",
            description = "The contestant with this id, with its version as ETag. The ID number and phone are masked "
                    + "and the birth date hidden unless reveal=idNumber asks for them, with a reason; every reveal "
                    + "is recorded in the reveal audit (who, when, why).")
    Mono<ResponseEntity<ContestantView>> find(@PathVariable long id,
                                              @Parameter(description = REVEAL,
                                                      schema = @Schema(allowableValues = REVEAL_ID_NUMBER))
                                              @RequestParam(required = false) String reveal,
                                              @Parameter(description = RevealRequest.REASON_DESCRIPTION,
                                                      schema = @Schema(maxLength = RevealRequest.REASON_MAX))
                                              @RequestParam(required = false) String reason,
                                              Principal caller) {
        RevealRequest request = RevealRequest.of(reveal, reason, REVEAL_ID_NUMBER);
        Mono<ContestantView> found = request == null ? contestants.find(id) : contestants.reveal(id,
                access.requireRevealer(caller, RevealSubjects.CONTESTANT, id), request);
        return found.map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listContestants", summary = "Contestants, filtered and paged",
            description = "ID numbers masked. q matches a part of the name; enterpriseId, tradeId and regionCode (of "
                    + "the enterprise, a province, city or county and everything inside it) filter. Sort by name "
                    + "(pinyin), birthDate or createdAt; default name.")
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
    @Operation(operationId = "exportContestants", summary = "Contestants as a spreadsheet",
            description = "All contestants, or those of one enterprise or trade, as an xlsx or csv file with the "
                    + "import template's columns. ID numbers and phones are masked unless reveal=idNumber asks for "
                    + "them, with a reason, which makes the file re-importable; such an export is recorded in the "
                    + "reveal audit with its filter.")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "xlsx") String format,
                                        @RequestParam(required = false) @Positive Long enterpriseId,
                                        @RequestParam(required = false) @Positive Long tradeId,
                                        @Parameter(description = REVEAL,
                                                schema = @Schema(allowableValues = REVEAL_ID_NUMBER))
                                        @RequestParam(required = false) String reveal,
                                        @Parameter(description = RevealRequest.REASON_DESCRIPTION,
                                                schema = @Schema(maxLength = RevealRequest.REASON_MAX))
                                        @RequestParam(required = false) String reason,
                                        Principal caller) {
        SheetFormat sheet = SheetDownloads.format(format);
        RevealRequest request = RevealRequest.of(reveal, reason, REVEAL_ID_NUMBER);
        Flux<List<String>> rows = request == null ? export.rows(enterpriseId, tradeId, false)
                : export.revealed(access.requireRevealer(caller, RevealSubjects.CONTESTANT_EXPORT, null),
                        enterpriseId, tradeId, request);
        return downloads.export("contestants", sheet, ContestantExport.COLUMNS, rows);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateContestant", summary = "Change a contestant",
            description = "Replaces the contestant's fields; birth date and sex follow a new ID number. Send If-Match "
                    + "with the ETag you read (412 if someone changed it since); an ID number another contestant "
                    + "has is a 409.")
    Mono<ResponseEntity<ContestantView>> change(@PathVariable long id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody ContestantCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return contestants.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteContestant", summary = "Remove a contestant",
            description = "Removes a contestant who is in no team and registered for no event (409 otherwise). Send "
                    + "If-Match with the ETag you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(contestants.remove(id, version));
    }
}
