package io.jingsai.api.judge;

import java.security.Principal;

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

import io.jingsai.api.privacy.PersonalDataAccess;
import io.jingsai.api.privacy.RevealRequest;
import io.jingsai.api.privacy.RevealSubjects;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/judges")
@Tag(name = "Judges", description = "Judges (裁判) with their enterprise, for recusal; phone and e-mail are masked "
        + "unless revealed explicitly, with a reason, and every reveal is audited")
class JudgeController {

    private static final String REVEAL_CONTACT = "contact";

    private final JudgeService judges;
    private final PersonalDataAccess access;

    JudgeController(JudgeService judges, PersonalDataAccess access) {
        this.judges = judges;
        this.access = access;
    }

    @PostMapping
    @Operation(operationId = "createJudge", summary = "Register a judge",
            description = "Registers a judge (裁判) with a qualification and, for recusal, the enterprise they work "
                    + "for (optional).")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    Mono<ResponseEntity<JudgeView>> register(@Valid @RequestBody JudgeCommand command) {
        return judges.register(command).map(view -> ETags.created("/api/judges/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getJudge", summary = "One judge",
            description = "The judge with this id, with its version as ETag; phone and e-mail are masked unless "
                    + "reveal=contact asks for them, with a reason; every reveal is recorded in the reveal audit.")
    Mono<ResponseEntity<JudgeView>> find(@PathVariable long id,
                                         @Parameter(description = "contact shows the full phone and e-mail (needs a "
                                                 + "reason)", schema = @Schema(allowableValues = REVEAL_CONTACT))
                                         @RequestParam(required = false) String reveal,
                                         @Parameter(description = RevealRequest.REASON_DESCRIPTION,
                                                 schema = @Schema(maxLength = RevealRequest.REASON_MAX))
                                         @RequestParam(required = false) String reason,
                                         Principal caller) {
        RevealRequest request = RevealRequest.of(reveal, reason, REVEAL_CONTACT);
        Mono<JudgeView> found = request == null ? judges.find(id)
                : judges.reveal(id, access.requireRevealer(caller, RevealSubjects.JUDGE, id), request);
        return found.map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listJudges", summary = "Judges, filtered and paged",
            description = "q matches a part of the name; enterpriseId and qualification filter. Sort by name "
                    + "(pinyin), qualification or createdAt; default name.")
    Mono<PageView<JudgeView>> list(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) @Positive Long enterpriseId,
                                   @RequestParam(required = false) Qualification qualification,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, size, sort, JudgeService.SORTABLE, "name");
        return judges.list(q, enterpriseId, qualification, paging);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateJudge", summary = "Change a judge",
            description = "Replaces the judge's fields. Send If-Match with the ETag you read (412 if someone changed "
                    + "it since).")
    Mono<ResponseEntity<JudgeView>> change(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody JudgeCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return judges.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteJudge", summary = "Remove a judge",
            description = "Removes a judge who has given no marks (409 otherwise). Send If-Match with the ETag you "
                    + "read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(judges.remove(id, version));
    }
}
