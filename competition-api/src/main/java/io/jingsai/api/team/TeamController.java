package io.jingsai.api.team;

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
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/teams")
@Tag(name = "Teams", description = "Teams (班组) of contestants of one enterprise, entered as one")
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @PostMapping
    @Operation(operationId = "createTeam", summary = "Form a team",
            description = "Forms a team (班组) of contestants of one enterprise, in order (the first is the leader), "
                    + "each once. A name the enterprise already uses for a team is a 409.")
    @ApiResponse(responseCode = "201", description = "Formed", useReturnTypeSchema = true)
    Mono<ResponseEntity<TeamView>> form(@Valid @RequestBody TeamCommand command) {
        return teams.form(command).map(view -> ETags.created("/api/teams/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTeam", summary = "One team",
            description = "The team with this id and its members in order, with its version as ETag.")
    Mono<ResponseEntity<TeamView>> find(@PathVariable long id) {
        return teams.find(id).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listTeams", summary = "Teams, filtered and paged",
            description = "q matches a part of the name; enterpriseId filters. Sort by name (pinyin) or createdAt; "
                    + "default name.")
    Mono<PageView<TeamView>> list(@RequestParam(required = false) String q,
                                  @RequestParam(required = false) @Positive Long enterpriseId,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size,
                                  @RequestParam(required = false) String sort) {
        return teams.list(q, enterpriseId, PageQuery.of(page, size, sort, TeamService.SORTABLE, "name"));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateTeam", summary = "Change a team",
            description = "Replaces the team's fields and its member list. Send If-Match with the ETag you read "
                    + "(412 if someone changed it since).")
    Mono<ResponseEntity<TeamView>> change(@PathVariable long id,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody TeamCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return teams.change(id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteTeam", summary = "Disband a team",
            description = "Removes a team registered for no event (409 otherwise); its contestants stay. Send "
                    + "If-Match with the ETag you read.")
    @ApiResponse(responseCode = "204", description = "Disbanded")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(teams.remove(id, version));
    }
}
