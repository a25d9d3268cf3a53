package io.jingsai.api.boards;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The events a dashboard may show: those whose boards are public (from MARKING on; blind ones once revealed). */
@RestController
@Tag(name = "Public boards")
class PublicEventController {

    /** A dashboard asks again when it starts; proxies may share the list for a little while. */
    private static final CacheControl CACHING = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

    private final BoardStore store;

    PublicEventController(BoardStore store) {
        this.store = store;
    }

    @GetMapping("/api/public/events")
    @Operation(operationId = "listPublicEvents", summary = "Events with a public board",
            description = "Every event from MARKING on (MARKING, REVIEW, PUBLISHED; a blind event once the chief "
                    + "judge has revealed its identities), newest first: id, name, trade "
                    + "and status, nothing else. For anyone, like the boards themselves.")
    Mono<ResponseEntity<PageView<PublicEventView>>> list(
            @RequestParam(defaultValue = "0") @Parameter(description = "zero-based page",
                    schema = @Schema(minimum = "0", defaultValue = "0")) int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "events per page",
                    schema = @Schema(minimum = "1", maximum = "" + PageQuery.MAX_SIZE, defaultValue = "50")) int size) {
        // The order is fixed (newest first), so there is nothing to sort by but the id; PageQuery checks the rest.
        PageQuery paging = PageQuery.of(page, size, null, Map.of("id", "id"), "id");
        return store.publicEvents(paging).map(events -> ResponseEntity.ok().cacheControl(CACHING).body(events));
    }
}
