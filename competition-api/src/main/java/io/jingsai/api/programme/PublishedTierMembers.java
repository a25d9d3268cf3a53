package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The members of a programme's tiers on the PUBLISHED basis (what the fund pays and the tier history's PUBLISHED
 * basis records), each with its place and the names printed about it, for other features: the certificates of tier
 * members. Read with the boards' own computations, so that what they say is what the organizers' standings say:
 * <ul>
 *   <li>DEMONSTRATION and KEY: the project board's tiers once the evaluation is PUBLISHED (none before), each project
 *       in its most exclusive tier only;</li>
 *   <li>STARS: the stars tier of the programme-wide board of PUBLISHED events (not the split boards);</li>
 *   <li>ENTERPRISES: the enterprises tier of the enterprises board on the PUBLISHED basis.</li>
 * </ul>
 */
@Component
public class PublishedTierMembers {

    /** A programme as a certificate names it, with its status. */
    public record Programme(long id, String name, int year, ProgrammeStatus status) {
    }

    /**
     * A tier member and its place on its board.
     *
     * @param subjectId      the project (DEMONSTRATION, KEY), contestant (STARS) or enterprise (ENTERPRISES)
     * @param rank           on the board (ties share a rank)
     * @param score          the board's figure: the project's score, the star's combined standardised score, the
     *                       enterprise's index
     * @param name           the project's, contestant's or enterprise's name
     * @param enterpriseName the host enterprise of a project, a star's enterprise, or the enterprise itself
     * @param tradeName      a star's trade; null for the other tiers
     * @param regionCode     the project's region, or the enterprise's (a star's enterprise's)
     */
    public record Member(ProgrammeTier tier, long subjectId, int rank, BigDecimal score, String name,
                         String enterpriseName, String tradeName, String regionCode) {
    }

    private final ProgrammeService programmes;
    private final StarStandings stars;
    private final ProjectStandings projects;
    private final EnterpriseStandings enterprises;
    private final ProjectFactsStore projectFacts;
    private final StandingsReportStore names;

    PublishedTierMembers(ProgrammeService programmes, StarStandings stars, ProjectStandings projects,
                         EnterpriseStandings enterprises, ProjectFactsStore projectFacts, StandingsReportStore names) {
        this.programmes = programmes;
        this.stars = stars;
        this.projects = projects;
        this.enterprises = enterprises;
        this.projectFacts = projectFacts;
        this.names = names;
    }

    /** The programme; 404 when there is none. */
    public Mono<Programme> programme(long programmeId) {
        return programmes.load(programmeId).map(row -> new Programme(row.id(), row.name(), row.year(), row.status()));
    }

    /**
     * Every member of every tier, tier by tier (DEMONSTRATION, KEY, STARS, ENTERPRISES), each in board order; read in
     * one repeatable-read snapshot, or in the caller's transaction.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Mono<List<Member>> of(long programmeId) {
        return Flux.concat(projectMembers(programmeId), starMembers(programmeId), enterpriseMembers(programmeId))
                .collectList();
    }

    private Flux<Member> projectMembers(long programmeId) {
        return projects.standings(programmeId)
                .filter(board -> TierBasis.PUBLISHED.countsProjects(board.status()))
                .zipWith(projectFacts.projects(programmeId).collectMap(ProjectFactsStore.Facts::id))
                .flatMapIterable(found -> found.getT1().entries().stream()
                        .filter(entry -> entry.tier() != null)
                        .map(entry -> projectMember(entry, found.getT2().get(entry.projectId())))
                        .sorted(Comparator.comparing(Member::tier)) // stable: board order within a tier
                        .toList());
    }

    private static Member projectMember(ProjectStandingsView.Entry entry, ProjectFactsStore.Facts project) {
        return new Member(ProgrammeTier.valueOf(entry.tier().name()), entry.projectId(), entry.rank(), entry.score(),
                project.name(), project.hostEnterprise(), null, project.regionCode());
    }

    private Flux<Member> starMembers(long programmeId) {
        return stars.compute(programmeId, StarBasis.PUBLISHED).flatMapMany(computed -> {
            List<StarBoard.Placed> members = computed.board().stars();
            return Mono.zip(names.enterprises(members.stream().map(line -> line.star().enterpriseId()).toList()),
                            names.trades(members.stream().map(line -> line.star().tradeId()).toList()))
                    .flatMapIterable(found -> members.stream()
                            .map(line -> starMember(line, found.getT1(), found.getT2())).toList());
        });
    }

    private static Member starMember(StarBoard.Placed line, Map<Long, StandingsReportStore.Enterprise> enterprises,
                                     Map<Long, StandingsReportStore.Trade> trades) {
        StarBoard.Star star = line.star();
        StandingsReportStore.Enterprise enterprise = enterprises.get(star.enterpriseId());
        return new Member(ProgrammeTier.STARS, star.contestantId(), line.rank(), star.score(), star.name(),
                enterprise.name(), trades.get(star.tradeId()).nameZh(), enterprise.regionCode());
    }

    private Flux<Member> enterpriseMembers(long programmeId) {
        return enterprises.standings(programmeId, StarBasis.PUBLISHED)
                .flatMapIterable(board -> board.entries().stream()
                        .filter(EnterpriseStandingsView.Entry::inTier)
                        .map(entry -> new Member(ProgrammeTier.ENTERPRISES, entry.enterpriseId(), entry.rank(),
                                entry.index(), entry.name(), entry.name(), null, entry.regionCode()))
                        .toList());
    }
}
