package io.jingsai.api.programme;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import reactor.core.publisher.Mono;

/**
 * The incentive fund allocated from published results only: the stars tier of the board of PUBLISHED events, and
 * the demonstration and key projects of a PUBLISHED project evaluation; read in one repeatable-read snapshot and
 * split by {@link IncentiveFund}. Writes nothing: the same results and request always give the same allocation.
 */
@Service
class FundService {

    private final StarStandings stars;
    private final ProjectStandings projectBoard;

    FundService(StarStandings stars, ProjectStandings projects) {
        this.stars = stars;
        this.projectBoard = projects;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<FundAllocationView> allocate(long programmeId, FundAllocationCommand command) {
        return compute(programmeId, command);
    }

    /** The allocation as the published results stand; call it inside a repeatable-read transaction. */
    Mono<FundAllocationView> compute(long programmeId, FundAllocationCommand command) {
        return ProgrammeService.rejectIfAny(IncentiveFund.problems(command))
                .then(Mono.defer(() -> stars.compute(programmeId, StarBasis.PUBLISHED)))
                .flatMap(computed -> projectBoard.standings(programmeId).map(projects -> {
                    Map<FundTier, List<IncentiveFund.Candidate>> members = new EnumMap<>(FundTier.class);
                    members.put(FundTier.STARS, computed.board().stars().stream()
                            .map(placed -> new IncentiveFund.Candidate(placed.star().contestantId(),
                                    placed.star().name(), placed.rank()))
                            .toList());
                    boolean published = projects.status() == EvaluationStatus.PUBLISHED;
                    members.put(FundTier.DEMONSTRATION, published ? projectsIn(projects, ProjectTier.DEMONSTRATION)
                            : List.of());
                    members.put(FundTier.KEY, published ? projectsIn(projects, ProjectTier.KEY) : List.of());
                    if (!IncentiveFund.payable(command.tiers(), members)) {
                        throw new ConflictException("fund.nothingPublished", programmeId);
                    }
                    long fund = command.fundFen() == null ? computed.programme().fundFen() : command.fundFen();
                    List<FundAllocationView.TierPart> parts = IncentiveFund.allocate(fund, command.tiers(), members);
                    long allocated = parts.stream().flatMap(part -> part.members().stream())
                            .mapToLong(FundAllocationView.Member::fen).sum();
                    List<Long> events = computed.events().stream()
                            .filter(StarStandingsView.EventCounted::counted)
                            .map(StarStandingsView.EventCounted::eventId).toList();
                    return new FundAllocationView(programmeId, fund, allocated, events, parts);
                }));
    }

    /** The projects whose most exclusive tier is {@code tier}, best first. */
    private static List<IncentiveFund.Candidate> projectsIn(ProjectStandingsView projects, ProjectTier tier) {
        return projects.entries().stream()
                .filter(entry -> entry.tier() == tier)
                .map(entry -> new IncentiveFund.Candidate(entry.projectId(), entry.name(), entry.rank()))
                .toList();
    }
}
