package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.scoring.award.CutOffPolicy;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public boards of a programme's project and enterprise tiers, taken from the organizers' own computations
 * ({@link ProjectStandings}, {@link EnterpriseStandings}) and cut down to what the public may see:
 * <ul>
 *   <li>the <b>project board</b> once the organizers released it: from the evaluation's public review (公示,
 *       REVIEWED, provisional) on; values still being ENTERED are shown to nobody, not even as counts;</li>
 *   <li>the <b>enterprises board</b> on the PUBLISHED basis: stars, awards and projects count once published, so it
 *       never shows a provisional result, nor one of a blind event whose identities are still hidden (an event is
 *       published only once revealed).</li>
 * </ul>
 * Both are computed on each request, whole; their version is a digest of their content ({@link ContentVersion}).
 */
@Service
class PublicTiers {

    private final ProjectStandings projectStandings;
    private final ProjectFactsStore facts;
    private final EnterpriseStandings enterpriseStandings;
    private final ProgrammeService programmes;
    private final ProgrammeJson programmeJson;
    private final JsonMapper json;

    PublicTiers(ProjectStandings projectStandings, ProjectFactsStore facts, EnterpriseStandings enterpriseStandings,
                ProgrammeService programmes, ProgrammeJson programmeJson, JsonMapper json) {
        this.projectStandings = projectStandings;
        this.facts = facts;
        this.enterpriseStandings = enterpriseStandings;
        this.programmes = programmes;
        this.programmeJson = programmeJson;
        this.json = json;
    }

    /**
     * The whole public project board.
     *
     * @param tiers DEMONSTRATION then KEY, as the organizers' standings fill them; empty until released
     */
    record Projects(EvaluationStatus evaluation, List<PublicProjectsView.Line> lines,
                    List<ProjectStandingsView.TierFill> tiers, String version) {

        boolean released() {
            return evaluation.released();
        }

        /** The tier on the overview: not kept until the board is released. */
        ProgrammeOverviewView.Tier tier(ProjectTier tier, int quota) {
            return tiers.stream().filter(fill -> fill.tier() == tier).findFirst()
                    .map(fill -> new ProgrammeOverviewView.Tier(tier.name(), fill.quota(), true, ProjectTiers.CUT_OFF,
                            fill.members(), fill.overflow(), fill.shortfall(), lowest(lines.stream()
                            .filter(line -> tier.holds(line.tier())).map(PublicProjectsView.Line::score).toList())))
                    .orElseGet(() -> ProgrammeOverviewView.Tier.notKept(tier.name(), quota));
        }
    }

    /** The whole public enterprises board. */
    record Enterprises(boolean published, CutOffPolicy cutOffPolicy, StarStandingsView.TierFill tier,
                       List<PublicEnterprisesView.Line> lines, String version) {

        /** The enterprises tier on the overview. */
        ProgrammeOverviewView.Tier overviewTier() {
            return new ProgrammeOverviewView.Tier("ENTERPRISES", tier.quota(), true, cutOffPolicy, tier.members(),
                    tier.overflow(), tier.shortfall(), lowest(lines.stream()
                    .filter(PublicEnterprisesView.Line::inTier).map(PublicEnterprisesView.Line::index).toList()));
        }
    }

    /** The project board, the facts of its projects and the programme's key areas, read in one snapshot. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<Projects> projects(long programmeId) {
        return Mono.zip(projectStandings.standings(programmeId), facts.projects(programmeId).collectList(),
                        programmes.load(programmeId))
                .map(found -> projects(found.getT1(), found.getT2(),
                        programmeJson.keyAreas(found.getT3().keyAreas())));
    }

    private Projects projects(ProjectStandingsView standings, List<ProjectFactsStore.Facts> known,
                              List<KeyArea> keyAreas) {
        if (!standings.status().released()) {
            return versioned(standings.status(), List.of(), List.of());
        }
        return versioned(standings.status(), lines(standings, known, keyAreas), standings.tiers());
    }

    /** The standings' lines with what the boards and reports show of each project (names, aspect, area, region). */
    static List<PublicProjectsView.Line> lines(ProjectStandingsView standings, List<ProjectFactsStore.Facts> known,
                                               List<KeyArea> keyAreas) {
        Map<Long, ProjectFactsStore.Facts> byId = new HashMap<>();
        known.forEach(project -> byId.put(project.id(), project));
        Map<String, KeyArea> areas = new HashMap<>();
        keyAreas.forEach(area -> areas.put(area.code(), area));
        return standings.entries().stream().map(entry -> {
            ProjectFactsStore.Facts project = byId.get(entry.projectId());
            Optional<KeyArea> area = Optional.ofNullable(project.keyArea()).map(areas::get);
            return new PublicProjectsView.Line(entry.rank(), entry.position(), entry.projectId(), project.name(),
                    project.hostEnterprise(), project.aspect(), project.keyArea(),
                    area.map(KeyArea::nameZh).orElse(null), area.map(KeyArea::nameEn).orElse(null),
                    project.regionCode(), entry.score(), entry.tier());
        }).toList();
    }

    private Projects versioned(EvaluationStatus status, List<PublicProjectsView.Line> lines,
                               List<ProjectStandingsView.TierFill> tiers) {
        return new Projects(status, lines, tiers, ContentVersion.of(json, List.of(status, lines, tiers)));
    }

    /** The organizers' enterprises standings on the PUBLISHED basis, names and regions only. */
    Mono<Enterprises> enterprises(long programmeId) {
        return enterpriseStandings.standings(programmeId, StarBasis.PUBLISHED).map(standings -> {
            List<PublicEnterprisesView.Line> lines = standings.entries().stream()
                    .map(entry -> new PublicEnterprisesView.Line(entry.rank(), entry.position(), entry.enterpriseId(),
                            entry.name(), entry.regionCode(), entry.index(), entry.inTier()))
                    .toList();
            return new Enterprises(standings.published(), standings.rule().cutOffPolicy(), standings.tier(), lines,
                    ContentVersion.of(json, List.of(standings.published(), standings.rule().cutOffPolicy(),
                            standings.tier(), lines)));
        });
    }

    /** A tier's cut-off: the lowest figure still in it; null while it is empty. */
    private static BigDecimal lowest(List<BigDecimal> members) {
        return members.stream().min(Comparator.naturalOrder()).orElse(null);
    }
}
