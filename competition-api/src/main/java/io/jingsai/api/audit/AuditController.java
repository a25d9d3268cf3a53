package io.jingsai.api.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.RejectedRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/audit/chains")
@Tag(name = "Audit trail", description = "The append-only, hash-chained record of audited acts, one chain per event, "
        + "per programme and for the system, and its verification")
class AuditController {

    private static final String CHAIN = "event-<id>, programme-<id> or system";

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "listAuditChains", summary = "The audit trail's chains, paged",
            description = "Each chain with its length and the hash of its last entry. Sort by chain; default chain.")
    Mono<PageView<ChainView>> chains(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size,
                                     @RequestParam(required = false) String sort) {
        return audit.chains(PageQuery.of(page, size, sort, AuditService.CHAIN_SORT, "chain"));
    }

    @GetMapping("/{chain}")
    @Operation(operationId = "getAuditChain", summary = "One chain's head",
            description = "The chain's length and the hash of its last entry.")
    Mono<ChainView> chain(@PathVariable @Parameter(description = CHAIN) String chain) {
        return audit.chain(named(chain));
    }

    @GetMapping("/{chain}/entries")
    @Operation(operationId = "listAuditEntries", summary = "A chain's entries, paged",
            description = "Who did what, when, to what and why, with the states before and after and the hashes "
                    + "that link the entries. Sort by position; default position.")
    Mono<PageView<AuditEntryView>> entries(@PathVariable @Parameter(description = CHAIN) String chain,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size,
                                           @RequestParam(required = false) String sort) {
        return audit.entries(named(chain), PageQuery.of(page, size, sort, AuditService.ENTRY_SORT, "position"));
    }

    @GetMapping("/{chain}/verification")
    @Operation(operationId = "verifyAuditChain", summary = "Verify a chain",
            description = "Recomputes every entry's hash from its content and the entry before it, up to the chain's "
                    + "head as it was when the check began, and names the first entry that is missing, altered or "
                    + "out of place.")
    Mono<ChainVerification> verify(@PathVariable @Parameter(description = CHAIN) String chain) {
        return audit.verify(named(chain));
    }

    private static AuditChain named(String chain) {
        return AuditChain.parse(chain).orElseThrow(() -> RejectedRequestException.of("chain", "audit.chainName"));
    }
}
