package io.jingsai.api.programme;

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

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/programmes/{programmeId}/projects")
@Tag(name = "Competition projects", description = "Competitions run at key construction projects or enterprises "
        + "(竞赛项目), ranked into the key and demonstration tiers")
class ProjectController {

    private final ProjectService projects;

    ProjectController(ProjectService projects) {
        this.projects = projects;
    }

    @PostMapping
    @Operation(operationId = "createProject", summary = "Register a competition project",
            description = "Registers a competition project (竞赛项目) of the programme, hosted by an enterprise, with "
                    + "its aspect, key area and KPI indicators (checked by the scoring engine). A name the programme "
                    + "already has is a 409, and so is a CLOSED programme.")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    Mono<ResponseEntity<ProjectView>> register(@PathVariable long programmeId,
                                               @Valid @RequestBody ProjectCommand command) {
        return projects.register(programmeId, command).map(view -> ETags.created("/api/programmes/" + programmeId + "/projects/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProject", summary = "One competition project",
            description = "The project with this id in the programme, with its version as ETag.")
    Mono<ResponseEntity<ProjectView>> find(@PathVariable long programmeId, @PathVariable long id) {
        return projects.find(programmeId, id).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listProjects", summary = "The programme's projects, filtered and paged",
            description = "q matches a part of the name; aspect, keyArea, regionCode (a province, city or county and "
                    + "everything inside it) and tierStatus filter. Sort by name (pinyin), aspect, regionCode, "
                    + "tierStatus or createdAt; default name.")
    Mono<PageView<ProjectView>> list(@PathVariable long programmeId,
                                     @RequestParam(required = false) String q,
                                     @RequestParam(required = false)
                                     @Pattern(regexp = "[A-Z_]{0,32}",
                                             message = "{aspect.code}")
                                     String aspect,
                                     @RequestParam(required = false)
                                     @Pattern(regexp = KeyArea.CODE, message = KeyArea.CODE_RULE)
                                     @Size(max = KeyArea.CODE_LENGTH)
                                     String keyArea,
                                     @RequestParam(required = false) String regionCode,
                                     @RequestParam(required = false) TierStatus tierStatus,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size,
                                     @RequestParam(required = false) String sort) {
        PageQuery paging = PageQuery.of(page, size, sort, ProjectService.SORTABLE, "name");
        return projects.list(programmeId, new ProjectFilter(q, aspect, keyArea, regionCode, tierStatus), paging);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateProject", summary = "Change a competition project",
            description = "Replaces the project's fields. Send If-Match with the ETag you read (412 if someone "
                    + "changed it since).")
    Mono<ResponseEntity<ProjectView>> change(@PathVariable long programmeId, @PathVariable long id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody ProjectCommand command) {
        long version = ETags.ifMatch(ifMatch);
        return projects.change(programmeId, id, version, command).map(view -> ETags.ok(view, view.version()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteProject", summary = "Remove a competition project",
            description = "Removes a project that no event refers to (409 otherwise), with its evaluation (409 once "
                    + "the evaluation is published; the other projects are scored again). Send If-Match with the ETag "
                    + "you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long programmeId, @PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(projects.remove(programmeId, id, version, principal.getName()));
    }
}
