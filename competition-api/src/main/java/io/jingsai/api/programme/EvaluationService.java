package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.Steps;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Mono;

/**
 * The evaluation of a programme's projects on their KPI indicators: values with evidence entered per project
 * (versioned), scored by the scoring engine together with the other projects' in the same transaction, ranked into
 * the key and demonstration tiers; the round moves ENTERED → REVIEWED → PUBLISHED and values change only before
 * publication. Every write joins the programme's audit chain, and the tier changes it makes are recorded with it
 * ({@link TierRecorder}).
 */
@Service
class EvaluationService {

    static final String RESOURCE = "projectEvaluation";
    static final String ROUND = "evaluationRound";

    private final EvaluationStore store;
    private final ProjectRepository projects;
    private final ProgrammeService programmes;
    private final ProgrammeJson json;
    private final ProjectStandings projectStandings;
    private final TierRecorder tiers;
    private final AuditTrail audit;
    private final Clock clock;

    EvaluationService(EvaluationStore store, ProjectRepository projects, ProgrammeService programmes,
                      ProgrammeJson json, ProjectStandings projectStandings, TierRecorder tiers, AuditTrail audit,
                      Clock clock) {
        this.store = store;
        this.projects = projects;
        this.programmes = programmes;
        this.json = json;
        this.projectStandings = projectStandings;
        this.tiers = tiers;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<EvaluationView> find(long programmeId, long projectId) {
        return project(programmeId, projectId).flatMap(project -> store.evaluation(projectId)
                        .map(EvaluationService::view)
                        .defaultIfEmpty(unevaluated(project)));
    }

    @Transactional
    Mono<EvaluationView> enter(long programmeId, long projectId, long expectedVersion, EvaluationCommand command,
                               String actor) {
        Instant now = clock.instant();
        return project(programmeId, projectId)
                .flatMap(project -> store.lockRound(programmeId, now)
                        .map(round -> indicatorsTakingValues(project, round)))
                .flatMap(indicators -> store.evaluation(projectId).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .doOnNext(before -> Versions.require(RESOURCE, projectId, expectedVersion,
                                before.map(EvaluationStore.Evaluation::version).orElse(0L)))
                        .flatMap(before -> ProgrammeService.rejectIfAny(EvaluationRules.problems(indicators,
                                        command.values()))
                                .then(store.save(projectId, programmeId, indicators, command.values(),
                                        expectedVersion, actor, now))
                                .flatMap(saved -> saved ? rescore(programmeId, projectId)
                                        : Mono.error(StaleVersionException.changedMeanwhile(RESOURCE, projectId)))
                                .then(store.evaluation(projectId))
                                .flatMap(after -> audit.record(AuditRecord.of(AuditChain.programme(programmeId),
                                                actor, "project.evaluated", "project/" + projectId,
                                                before.map(EvaluationService::auditState).orElse(null),
                                                auditState(after)))
                                        .then(tiers.record(programmeId,
                                                TierCause.projectEvaluated(projectId, actor)))
                                        .thenReturn(view(after)))));
    }

    /** The indicators a project's values are entered against, while the evaluation takes values. */
    private List<KpiIndicator> indicatorsTakingValues(ProjectRow project, EvaluationStore.Round round) {
        if (!round.status().takesValues()) {
            throw new ConflictException("evaluation.published", round.programmeId());
        }
        List<KpiIndicator> indicators = json.indicators(project.indicators());
        if (indicators.isEmpty()) {
            throw new ConflictException("evaluation.noIndicators", project.id());
        }
        return indicators;
    }

    /**
     * Recomputes and stores every evaluated project's score of the programme (fields depend on each other);
     * {@code savedProject} is the one whose values were just saved, or 0.
     */
    Mono<Void> rescore(long programmeId, long savedProject) {
        return store.evaluations(programmeId)
                .map(e -> new ProjectScoring.Evaluated(e.projectId(), e.indicators(), e.valuesByIndicator()))
                .collectList()
                .flatMap(evaluated -> store.rescore(ProjectScoring.score(evaluated), savedProject));
    }

    /**
     * Before a project is removed, in the removal's transaction: locks the programme's round (so that the
     * {@link #rescore} that must follow the removal takes its turn with writes of values), refuses the removal of an
     * evaluated project once the evaluation is published (its values are part of the result), and audits the
     * removal of its values otherwise.
     */
    Mono<Void> beforeRemoval(long programmeId, long projectId, String actor) {
        return store.lockRound(programmeId, clock.instant()).flatMap(round -> store.evaluation(projectId)
                .flatMap(evaluation -> round.status().takesValues()
                        ? audit.record(AuditRecord.of(AuditChain.programme(programmeId), actor,
                                "project.evaluationRemoved", "project/" + projectId, auditState(evaluation), null))
                        : Mono.error(new ConflictException("evaluation.publishedProject", projectId, programmeId))));
    }

    Mono<EvaluationRoundView> round(long programmeId) {
        return programmes.load(programmeId).then(store.round(programmeId)).flatMap(this::roundView);
    }

    @Transactional
    Mono<EvaluationRoundView> move(long programmeId, long expectedVersion, EvaluationStep step, String actor) {
        Instant now = clock.instant();
        return programmes.loadForProjectChange(programmeId) // share-locked: no step slips past a closing
                .doOnNext(EvaluationService::requireNotClosed)
                .then(store.lockRound(programmeId, now))
                .doOnNext(round -> Versions.require(ROUND, programmeId, expectedVersion, round.version()))
                .doOnNext(round -> requireAllowed(round, step))
                .flatMap(round -> requireAllEvaluated(programmeId, step.status()).thenReturn(round))
                .flatMap(round -> store.moveRound(round, step.status(), now)
                        .flatMap(moved -> audit.record(AuditRecord.of(AuditChain.programme(programmeId), actor,
                                        "projectEvaluation.statusChanged", "programme/" + programmeId,
                                        Map.of("status", round.status()), Map.of("status", moved.status())).because(step.reason()))
                                .then(tiers.record(programmeId,
                                        TierCause.evaluationStep(round.status(), moved.status(), actor)))
                                .thenReturn(moved)))
                .flatMap(this::roundView);
    }

    Mono<ProjectStandingsView> standings(long programmeId) {
        return projectStandings.standings(programmeId);
    }

    /** A closed programme's evaluation takes no step: its published tiers are final, and certified. */
    private static void requireNotClosed(ProgrammeRow programme) {
        if (programme.status() == ProgrammeStatus.CLOSED) {
            throw new ConflictException("programme.closedForEvaluation", programme.id());
        }
    }

    private static void requireAllowed(EvaluationStore.Round round, EvaluationStep step) {
        Steps.require(ROUND, round.programmeId(), round.status(), step.status(), step.reason());
    }

    /** Review and publication cover every project with indicators: none may be left without values. */
    private Mono<Void> requireAllEvaluated(long programmeId, EvaluationStatus to) {
        if (to == EvaluationStatus.ENTERED) {
            return Mono.empty();
        }
        return counts(programmeId).flatMap(counts -> counts[1] < counts[0]
                ? Mono.error(new ConflictException("evaluation.unevaluatedProjects", programmeId, to,
                        counts[0] - counts[1]))
                : Mono.empty());
    }

    /** Projects with indicators, and those of them evaluated. */
    private Mono<long[]> counts(long programmeId) {
        return Mono.zip(store.projects(programmeId).filter(EvaluationStore.Project::hasIndicators)
                                .map(EvaluationStore.Project::id).collectList(),
                        store.evaluations(programmeId).map(EvaluationStore.Evaluation::projectId).collectList())
                .map(found -> new long[] {found.getT1().size(),
                        found.getT1().stream().filter(found.getT2()::contains).count()});
    }

    private Mono<EvaluationRoundView> roundView(EvaluationStore.Round round) {
        return counts(round.programmeId()).map(counts -> new EvaluationRoundView(round.programmeId(), round.status(),
                counts[0], counts[1], round.version(), round.updatedAt()));
    }

    private Mono<ProjectRow> project(long programmeId, long projectId) {
        return projects.findByIdAndProgrammeId(projectId, programmeId)
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.project", projectId,
                        programmeId)));
    }

    private static EvaluationView view(EvaluationStore.Evaluation evaluation) {
        Map<String, IndicatorValue> values = new HashMap<>();
        evaluation.values().forEach(value -> values.put(value.indicator(), value));
        List<EvaluationView.IndicatorScore> indicators = evaluation.indicators().stream()
                .map(kpi -> indicator(kpi, values.get(kpi.code()), evaluation.indicatorScores().get(kpi.code())))
                .toList();
        return new EvaluationView(evaluation.projectId(), evaluation.programmeId(), true,
                evaluation.score(), indicators, evaluation.version(), evaluation.enteredBy(), evaluation.updatedAt());
    }

    private EvaluationView unevaluated(ProjectRow project) {
        List<EvaluationView.IndicatorScore> indicators = json.indicators(project.indicators()).stream()
                .map(kpi -> indicator(kpi, null, null)).toList();
        return new EvaluationView(project.id(), project.programmeId(), false, null, indicators, 0,
                null, null);
    }

    private static EvaluationView.IndicatorScore indicator(KpiIndicator kpi, IndicatorValue value,
                                                           BigDecimal score) {
        return new EvaluationView.IndicatorScore(kpi.code(), kpi.name(), kpi.unit(), kpi.weight(), kpi.direction(),
                kpi.target(), kpi.baseline(), value == null ? null : value.value(),
                value == null ? null : value.evidence(), score);
    }

    /** What the audit trail keeps of an evaluation: the values with their evidence, and the score they earned. */
    private static Map<String, Object> auditState(EvaluationStore.Evaluation evaluation) {
        return Map.of("values", evaluation.values(), "score", evaluation.score(), "version", evaluation.version());
    }
}
