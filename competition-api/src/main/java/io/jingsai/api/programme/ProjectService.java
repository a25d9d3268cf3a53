package io.jingsai.api.programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Mono;

/**
 * Competition projects of a programme: names unique in the programme, references that exist (host enterprise,
 * aspect, the programme's key areas), indicators the engine can score; removal only while no event refers to one.
 */
@Service
class ProjectService {

    static final String RESOURCE = "project";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "regionCode", "region_code",
            "tierStatus", "tier_status", "aspect", "aspect_code", "createdAt", "created_at");

    private final ProjectRepository projects;
    private final ProgrammeService programmes;
    private final ProgrammeQueries queries;
    private final ProgrammeMapper mapper;
    private final ProgrammeJson json;
    private final Listing listing;
    private final EvaluationService evaluations;
    private final Clock clock;

    ProjectService(ProjectRepository projects, ProgrammeService programmes, ProgrammeQueries queries,
                   ProgrammeMapper mapper, ProgrammeJson json, Listing listing, EvaluationService evaluations,
                   Clock clock) {
        this.projects = projects;
        this.programmes = programmes;
        this.queries = queries;
        this.mapper = mapper;
        this.json = json;
        this.listing = listing;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @Transactional
    Mono<ProjectView> register(long programmeId, ProjectCommand command) {
        return programmes.loadForProjectChange(programmeId)
                .doOnNext(ProjectService::requireNotClosed)
                .flatMap(programme -> requireValid(programme, command))
                .then(Mono.defer(() -> projects.save(ProjectRow.create(programmeId, command,
                        json.write(command.indicators()), clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    Mono<ProjectView> find(long programmeId, long id) {
        return load(programmeId, id).map(mapper::toView);
    }

    Mono<PageView<ProjectView>> list(long programmeId, ProjectFilter filter, PageQuery page) {
        return programmes.load(programmeId)
                .then(listing.page(ProjectRow.class, filter.criteria(programmeId), page))
                .map(rows -> rows.map(mapper::toView));
    }

    @Transactional
    Mono<ProjectView> change(long programmeId, long id, long expectedVersion, ProjectCommand command) {
        return load(programmeId, id)
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(row -> programmes.loadForProjectChange(programmeId)
                        .flatMap(programme -> requireValid(programme, command))
                        .then(projects.save(row.update(command, json.write(command.indicators()), clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .onErrorMap(OptimisticLockingFailureException.class,
                        e -> StaleVersionException.changedMeanwhile(RESOURCE, id))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long programmeId, long id, long expectedVersion, String actor) {
        return load(programmeId, id)
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(row -> queries.eventsOfProject(id).flatMap(events -> events == 0 ? removeEvaluated(row, actor)
                        : Mono.error(new ConflictException("project.hasEvents", id, events))))
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException("project.stillHasEvents", id));
    }

    /** The project's values go with it, so the other projects' scores, which were scored against them, change. */
    private Mono<Void> removeEvaluated(ProjectRow row, String actor) {
        return evaluations.beforeRemoval(row.programmeId(), row.id(), actor)
                .then(projects.delete(row))
                .then(evaluations.rescore(row.programmeId(), 0));
    }

    private Mono<ProjectRow> load(long programmeId, long id) {
        return projects.findByIdAndProgrammeId(id, programmeId)
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.project", id, programmeId)));
    }

    /** Every reference and indicator problem at once: the organizer fixes them in one go. */
    private Mono<Void> requireValid(ProgrammeRow programme, ProjectCommand command) {
        return Mono.zip(queries.aspectCodes(), queries.enterpriseExists(command.hostEnterpriseId()))
                .flatMap(found -> {
                    List<FieldProblem> problems = new ArrayList<>();
                    if (!found.getT1().contains(command.aspect())) {
                        problems.add(FieldProblem.of("aspect", "oneOf", List.copyOf(found.getT1())));
                    }
                    if (!found.getT2()) {
                        problems.add(ExistingReferences.missing("hostEnterpriseId", "enterprise",
                                command.hostEnterpriseId()));
                    }
                    List<String> areas = json.keyAreas(programme.keyAreas()).stream().map(KeyArea::code).toList();
                    if (command.keyArea() != null && !areas.contains(command.keyArea())) {
                        problems.add(FieldProblem.of("keyArea", "project.keyArea", ExplainedException.listOrNone(areas)));
                    }
                    problems.addAll(KpiIndicators.problems(command.indicators()));
                    return ProgrammeService.rejectIfAny(problems);
                });
    }

    private static ConflictException duplicate(ProjectCommand command) {
        return new ConflictException("project.duplicate");
    }

    private static void requireNotClosed(ProgrammeRow programme) {
        if (programme.status() == ProgrammeStatus.CLOSED) {
            throw new ConflictException("programme.closedForProjects", programme.id());
        }
    }
}
