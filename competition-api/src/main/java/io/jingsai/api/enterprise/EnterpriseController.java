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
    @Operation(summary = "Register an enterprise (409 if its credit code is already registered)")
    Mono<ResponseEntity<EnterpriseView>> register(@Valid @RequestBody EnterpriseCommand command) {
        return enterprises.register(command).map(view -> ETags.created("/api/enterprises/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One enterprise, with its version as ETag")
    Mono<ResponseEntity<EnterpriseView>> find(@PathVariable long id) {
        return enterprises.find(id).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(summary = "Enterprises, filtered and paged; sort by name (pinyin), creditCode, regionCode, createdAt")
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
    @Operation(summary = "Change an enterprise; send If-Match with the ETag you read (412 if stale)")
    Mono<ResponseEntity<EnterpriseView>> change(@PathVariable long id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody EnterpriseCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return enterprises.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an enterprise nothing refers to (409 otherwise); send If-Match")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(enterprises.remove(id, version));
    }
}
