package io.jingsai.api.enterprise;

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

@RestController
@RequestMapping("/api/enterprises")
@Tag(name = "Enterprises", description = "Employers of contestants and judges, identified by their credit code")
class EnterpriseController {

    private final EnterpriseService enterprises;

    EnterpriseController(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @PostMapping
    @Operation(operationId = "createEnterprise", summary = "Register an enterprise",
            description = "Registers an employer of contestants and judges. The credit code is verified (GB 32100 "
                    + "check characters) and must not be registered yet (409).")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    Mono<ResponseEntity<EnterpriseView>> register(@Valid @RequestBody EnterpriseCommand command) {
        return enterprises.register(command).map(view -> ETags.created("/api/enterprises/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEnterprise", summary = "One enterprise",
            description = "The enterprise with this id, with its version as ETag.")
    Mono<ResponseEntity<EnterpriseView>> find(@PathVariable long id) {
        return enterprises.find(id).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listEnterprises", summary = "Enterprises, filtered and paged",
            description = "q matches a part of the name or the start of the credit code; regionCode a province, city "
                    + "or county code and everything inside it (610000 matches 61xxxx); ownership one kind. Sort by "
                    + "name (pinyin), creditCode, regionCode or createdAt; default name.")
    Mono<PageView<EnterpriseView>> list(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) String regionCode,
                                        @RequestParam(required = false) Ownership ownership,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size,
                                        @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, size, sort, EnterpriseService.SORTABLE, "name");
        return enterprises.list(new EnterpriseFilter(q, regionCode, ownership), paging);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateEnterprise", summary = "Change an enterprise",
            description = "Replaces the enterprise's fields. Send If-Match with the ETag you read (412 if someone "
                    + "changed it since); a credit code another enterprise has is a 409.")
    Mono<ResponseEntity<EnterpriseView>> change(@PathVariable long id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody EnterpriseCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return enterprises.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteEnterprise", summary = "Remove an enterprise",
            description = "Removes an enterprise that no contestant, team, judge or project refers to (409 "
                    + "otherwise). Send If-Match with the ETag you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(enterprises.remove(id, version));
    }
}
