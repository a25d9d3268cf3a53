package io.jingsai.api.programme;

import java.security.Principal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Project evaluation", description = "Competition projects evaluated on their KPI indicators, scored by "
        + "the scoring engine and ranked into the key and demonstration tiers (重点、示范性竞赛项目)")
class EvaluationController {

    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/api/programmes/{programmeId}/projects/{id}/evaluation")
    @Operation(operationId = "getProjectEvaluation", summary = "A project's KPI values, evidence and scores",
            description = "Each indicator with its value, evidence note and its own score (out of 100), and the "
                    + "total score (out of 100, two places, by the scoring engine). Before any value is entered: "
                    + "evaluated false, the project's indicators without values, ETag \"0\".")
    Mono<ResponseEntity<EvaluationView>> find(@PathVariable long programmeId, @PathVariable long id) {
        return evaluations.find(programmeId, id).map(view -> ETags.ok(view, view.version()));
    }

    @PutMapping("/api/programmes/{programmeId}/projects/{id}/evaluation")
    @Operation(operationId = "evaluateProject", summary = "Enter a project's KPI values",
            description = "One value with its evidence for each of the project's indicators (400 naming an "
                    + "unknown, repeated or missing indicator). The project is scored with the others of the "
                    + "programme in the same transaction (an indicator without a baseline is scored against the "
                    + "field). Send If-Match with the ETag you read (\"0\" before the first values; 412 if someone "
                    + "changed them since). 409 once the evaluation is PUBLISHED, or for a project without "
                    + "indicators. Recorded in the programme's audit chain.")
    Mono<ResponseEntity<EvaluationView>> enter(@PathVariable long programmeId, @PathVariable long id,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch,
                                               @Valid @RequestBody EvaluationCommand command, Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return evaluations.enter(programmeId, id, version, command, principal.getName())
                .map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping("/api/programmes/{programmeId}/project-evaluation")
    @Operation(operationId = "getProjectEvaluationRound", summary = "Where the evaluation of the projects stands",
            description = "Its status (ENTERED → REVIEWED → PUBLISHED), how many of the projects with indicators "
                    + "have values, and its version as ETag (\"0\" before the first step).")
    Mono<ResponseEntity<EvaluationRoundView>> round(@PathVariable long programmeId) {
        return evaluations.round(programmeId).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/api/programmes/{programmeId}/project-evaluation/transition")
    @Operation(operationId = "moveProjectEvaluation", summary = "Take a step in the evaluation of the projects",
            description = "ENTERED → REVIEWED (公示) → PUBLISHED; back from REVIEWED to ENTERED, or from PUBLISHED to "
                    + "REVIEWED for a correction, with a reason (400 without). Another step is a 409 listing the "
                    + "allowed ones; REVIEWED and PUBLISHED need values for every project with indicators (409). "
                    + "Values change only before PUBLISHED. Send If-Match with the ETag you read. Recorded in the "
                    + "programme's audit chain.")
    @ApiResponse(responseCode = "200", description = "Moved", useReturnTypeSchema = true)
    Mono<ResponseEntity<EvaluationRoundView>> move(@PathVariable long programmeId,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch,
                                                   @Valid @RequestBody EvaluationStep step, Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return evaluations.move(programmeId, version, step, principal.getName())
                .map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping("/api/programmes/{programmeId}/project-standings")
    @Operation(operationId = "getProjectStandings", summary = "The project board: ranks, scores and tiers",
            description = "The evaluated projects ranked by score (ties share a rank, \"1224\"); the key projects "
                    + "are the top quotas.key of them, the demonstration projects the top quotas.demonstration of "
                    + "the key projects. Projects tied at a tier's last place all enter it (INCLUDE_ALL); the "
                    + "overflow is reported per tier. Final only when the evaluation is PUBLISHED.")
    Mono<ProjectStandingsView> standings(@PathVariable long programmeId) {
        return evaluations.standings(programmeId);
    }
}
