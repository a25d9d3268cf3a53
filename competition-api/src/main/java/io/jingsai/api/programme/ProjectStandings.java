package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The project board of a programme as its stored scores stand: evaluated projects ranked into the key and
 * demonstration tiers ({@link ProjectTiers}), with the evaluation's status (the board is final only once PUBLISHED).
 * Reads only; shared by the project standings, the fund and the tier history.
 */
@Component
class ProjectStandings {

    private final ProgrammeService programmes;
    private final EvaluationStore store;

    ProjectStandings(ProgrammeService programmes, EvaluationStore store) {
        this.programmes = programmes;
        this.store = store;
    }

    Mono<ProjectStandingsView> standings(long programmeId) {
        return programmes.load(programmeId).flatMap(programme -> Mono.zip(store.round(programmeId),
                        store.evaluations(programmeId).collectList(),
                        store.projects(programmeId).collectList())
                .map(found -> {
                    List<ProjectTiers.Scored> scored = found.getT2().stream()
                            .map(e -> new ProjectTiers.Scored(e.projectId(), e.score())).toList();
                    TierQuotas quotas = programme.quotas();
                    ProjectTiers.Board board = ProjectTiers.place(scored, quotas.key(), quotas.demonstration());
                    Map<Long, String> names = new HashMap<>();
                    found.getT3().forEach(project -> names.put(project.id(), project.name()));
                    List<ProjectStandingsView.Entry> entries = new ArrayList<>();
                    for (ProjectTiers.Placed placed : board.entries()) {
                        long id = placed.project().projectId();
                        entries.add(new ProjectStandingsView.Entry(placed.rank(), placed.position(), id,
                                names.get(id), placed.project().score(), placed.tier()));
                    }
                    Set<Long> evaluated = new HashSet<>();
                    scored.forEach(project -> evaluated.add(project.projectId()));
                    long unevaluated = found.getT3().stream().filter(EvaluationStore.Project::hasIndicators)
                            .filter(project -> !evaluated.contains(project.id())).count();
                    return new ProjectStandingsView(programmeId, found.getT1().status(), ProjectTiers.CUT_OFF,
                            board.tiers(), entries, unevaluated);
                }));
    }
}
