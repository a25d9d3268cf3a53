package io.jingsai.api.judge;

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
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/judges")
@Tag(name = "Judges", description = "Judges (裁判) with their enterprise, for recusal; phone and e-mail are masked "
        + "unless revealed explicitly")
class JudgeController {

    private static final String REVEAL_CONTACT = "contact";

    private final JudgeService judges;

    JudgeController(JudgeService judges) {
        this.judges = judges;
    }

    @PostMapping
    @Operation(summary = "Register a judge")
    Mono<ResponseEntity<JudgeView>> register(@Valid @RequestBody JudgeCommand command) {
        return judges.register(command).map(view -> ETags.created("/api/judges/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One judge; phone and e-mail are masked unless reveal=contact")
    Mono<ResponseEntity<JudgeView>> find(@PathVariable long id, @RequestParam(required = false) String reveal) {
        if (reveal != null && !REVEAL_CONTACT.equals(reveal)) {
            throw RejectedRequestException.of("reveal", "the only value is contact");
        }
        return judges.find(id, reveal != null).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(summary = "Judges, filtered by name part, enterprise and qualification")
    Mono<PageView<JudgeView>> list(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) Long enterpriseId,
                                   @RequestParam(required = false) Qualification qualification,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, size, sort, JudgeService.SORTABLE, "name");
        return judges.list(q, enterpriseId, qualification, paging);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a judge; send If-Match")
    Mono<ResponseEntity<JudgeView>> change(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody JudgeCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return judges.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a judge with no marks; send If-Match")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(judges.remove(id, version));
    }
}
