package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.event.EventStatus;
import io.jingsai.api.result.FinalAwards;
import io.jingsai.api.result.FinalAwards.EventAwards;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The enterprises board of a programme (万家企业), computed on each request from the stored results in one
 * repeatable-read snapshot: each enterprise's contestants entered, its contestants in the stars tier of the
 * programme-wide stars board of the same basis, its entries' awards in the final standings of the events the basis
 * counts, and the projects it hosts in the key and demonstration tiers when the basis counts the project evaluation;
 * indexed, ranked and cut into the enterprises tier by {@link EnterpriseBoard}.
 */
@Service
class EnterpriseStandings {

    private final StarStandings stars;
    private final EvaluationService evaluations;
    private final EnterpriseStandingsStore store;
    private final FinalAwards finalAwards;
    private final ProgrammeJson json;

    EnterpriseStandings(StarStandings stars, EvaluationService evaluations, EnterpriseStandingsStore store,
                        FinalAwards finalAwards, ProgrammeJson json) {
        this.stars = stars;
        this.evaluations = evaluations;
        this.store = store;
        this.finalAwards = finalAwards;
        this.json = json;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<EnterpriseStandingsView> standings(long programmeId, StarBasis basis) {
        return stars.compute(programmeId, basis).flatMap(computed -> Mono.zip(
                        evaluations.standings(programmeId),
                        store.participants(programmeId).collectList(),
                        store.entries(programmeId).collectList(),
                        store.projects(programmeId).collectList(),
                        awards(computed))
                .map(found -> {
                    ProjectStandingsView projects = found.getT1();
                    boolean projectsCounted = basis.countsProjects(projects.status());
                    Tallies tallies = new Tallies(found.getT2());
                    computed.board().stars().forEach(star -> tallies.star(star.star().enterpriseId()));
                    tallies.awards(found.getT3(), found.getT5());
                    if (projectsCounted) {
                        tallies.projects(found.getT4(), projects);
                    }
                    return view(computed, basis, projects, projectsCounted, found.getT5(), tallies);
                }));
    }

    /** The awards of the counted events whose marking has closed (the others have no awards yet). */
    private Mono<List<EventAwards>> awards(StarStandings.Computed computed) {
        return Flux.fromIterable(computed.events())
                .filter(event -> event.counted() && event.finalStandings())
                .concatMap(event -> finalAwards.of(event.eventId()))
                .collectList();
    }

    private EnterpriseStandingsView view(StarStandings.Computed computed, StarBasis basis,
                                         ProjectStandingsView projects, boolean projectsCounted,
                                         List<EventAwards> awards, Tallies tallies) {
        ProgrammeRow programme = computed.programme();
        EnterpriseIndexRule rule = json.enterpriseIndex(programme.enterpriseIndex());
        List<EnterpriseBoard.Indexed> indexed = tallies.all().stream()
                .map(tally -> EnterpriseBoard.index(tally, rule)).toList();
        EnterpriseBoard.Board board = EnterpriseBoard.place(indexed, rule, programme.quotas().enterprises());
        List<EnterpriseStandingsView.Entry> entries = board.entries().stream().map(placed -> {
            EnterpriseBoard.Indexed e = placed.enterprise();
            return new EnterpriseStandingsView.Entry(placed.rank(), placed.position(), e.id(), e.enterprise().name(),
                    e.enterprise().regionCode(), e.contestants(), e.stars(), e.awards(), e.keyProjects(),
                    e.demonstrationProjects(), e.index(), placed.inTier());
        }).toList();
        List<StarStandingsView.EventCounted> counted = computed.events().stream()
                .filter(StarStandingsView.EventCounted::counted).toList();
        boolean provisional = counted.stream().anyMatch(event -> !event.finalStandings())
                || (projectsCounted && projects.status() == EvaluationStatus.ENTERED && !projects.entries().isEmpty());
        boolean published = !counted.isEmpty()
                && counted.stream().allMatch(event -> event.status() == EventStatus.PUBLISHED)
                && (projects.entries().isEmpty() || projects.status() == EvaluationStatus.PUBLISHED);
        return new EnterpriseStandingsView(programme.id(), basis, provisional, published, rule, board.tier(),
                awards.stream().map(EventAwards::eventId).toList(), projects.status(), projectsCounted, entries);
    }

    /** The counts of each enterprise taking part, filled from the boards and standings. */
    private static final class Tallies {

        private final Map<Long, EnterpriseStandingsStore.Participant> enterprises = new HashMap<>();
        private final Map<Long, Integer> stars = new HashMap<>();
        private final Map<Long, TreeMap<Integer, Integer>> awards = new HashMap<>();
        private final Map<Long, Integer> keyProjects = new HashMap<>();
        private final Map<Long, Integer> demonstrationProjects = new HashMap<>();

        Tallies(List<EnterpriseStandingsStore.Participant> participants) {
            participants.forEach(participant -> enterprises.put(participant.id(), participant));
        }

        void star(long enterpriseId) {
            stars.merge(enterpriseId, 1, Integer::sum);
        }

        void awards(List<EnterpriseStandingsStore.Entry> entries, List<EventAwards> events) {
            Map<Long, EnterpriseStandingsStore.Entry> byRegistration = new HashMap<>();
            entries.forEach(entry -> byRegistration.put(entry.registrationId(), entry));
            for (EventAwards event : events) {
                for (Long registration : event.awards().keySet()) {
                    EnterpriseStandingsStore.Entry entry = byRegistration.get(registration);
                    if (entry != null) {
                        awards.computeIfAbsent(entry.enterpriseId(), id -> new TreeMap<>())
                                .merge(event.levelOf(registration), 1, Integer::sum);
                    }
                }
            }
        }

        /** Each project in its most exclusive tier only, as the fund pays it. */
        void projects(List<EnterpriseStandingsStore.Project> hosted, ProjectStandingsView board) {
            Map<Long, Long> hosts = new HashMap<>();
            hosted.forEach(project -> hosts.put(project.id(), project.hostEnterpriseId()));
            for (ProjectStandingsView.Entry entry : board.entries()) {
                Long host = hosts.get(entry.projectId());
                if (host != null && entry.tier() != null) {
                    (entry.tier() == ProjectTier.DEMONSTRATION ? demonstrationProjects : keyProjects)
                            .merge(host, 1, Integer::sum);
                }
            }
        }

        List<EnterpriseBoard.Tally> all() {
            List<EnterpriseBoard.Tally> all = new ArrayList<>();
            enterprises.forEach((id, enterprise) -> all.add(new EnterpriseBoard.Tally(enterprise,
                    stars.getOrDefault(id, 0), awards.getOrDefault(id, new TreeMap<>()),
                    keyProjects.getOrDefault(id, 0), demonstrationProjects.getOrDefault(id, 0))));
            return all;
        }
    }
}
