package io.jingsai.api.programme;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

import io.jingsai.api.account.Caller;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Programmes", description = "Yearly campaigns (竞赛活动): key areas, tier quotas, incentive fund, status")
class ProgrammeController {

    private final ProgrammeService programmes;

    ProgrammeController(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @PostMapping
    @Operation(operationId = "createProgramme", summary = "Set up a programme",
            description = "Sets up a yearly campaign (竞赛活动) with its key areas, 十百千万 tier quotas and incentive "
                    + "fund; it starts in PLANNING. A programme of the same name in the same year is a 409.")
    @ApiResponse(responseCode = "201", description = "Set up", useReturnTypeSchema = true)
    Mono<ResponseEntity<ProgrammeView>> create(@Valid @RequestBody ProgrammeCommand command) {
        return programmes.create(command).map(view -> ETags.created("/api/programmes/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProgramme", summary = "One programme",
            description = "The programme with this id, with its version as ETag.")
    Mono<ResponseEntity<ProgrammeView>> find(@PathVariable long id) {
        return programmes.find(id).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listProgrammes", summary = "Programmes, filtered and paged",
            description = "q matches a part of the name; year, status and regionCode (a province, city or county and "
                    + "everything inside it) filter. Sort by name (pinyin), year, regionCode, status or createdAt; "
                    + "default year,desc;name.")
    Mono<PageView<ProgrammeView>> list(@RequestParam(required = false) String q,
                                       @RequestParam(required = false)
                                       @Min(ProgrammeCommand.FIRST_YEAR) @Max(ProgrammeCommand.LAST_YEAR) Integer year,
                                       @RequestParam(required = false) ProgrammeStatus status,
                                       @RequestParam(required = false) String regionCode,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size,
                                       @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, size, sort, ProgrammeService.SORTABLE, "year,desc;name");
        return programmes.list(new ProgrammeFilter(q, year, status, regionCode), paging);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateProgramme", summary = "Change a programme",
            description = "Replaces the programme's fields; a missing status keeps the current one. Send If-Match "
                    + "with the ETag you read (412 if someone changed it since). A status it cannot move to, or "
                    + "removing a key area a project uses, is a 409. Closing (CLOSED, final) is a 409 "
                    + "programme.notFinal, each reason in errors, while an event is not PUBLISHED or evaluated "
                    + "projects wait for the evaluation's publication; it issues the certificates of the tier "
                    + "members on the PUBLISHED basis.")
    Mono<ResponseEntity<ProgrammeView>> change(@PathVariable long id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               @Valid @RequestBody ProgrammeCommand command,
                                               @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        long version = ETags.ifMatch(ifMatch);
        return programmes.change(id, version, command, caller.username()).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteProgramme", summary = "Remove a programme",
            description = "Removes a programme without projects or events (409 otherwise). Send If-Match with the "
                    + "ETag you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(programmes.remove(id, version));
    }
}
