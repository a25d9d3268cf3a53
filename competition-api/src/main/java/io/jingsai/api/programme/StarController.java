package io.jingsai.api.programme;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Programme standings", description = "Competition stars (竞赛标兵) ranked across the programme's events "
        + "and trades by standardised score, and the incentive fund (鼓励激励资金) allocated from published results")
class StarController {

    private final StarStandings stars;
    private final FundService fund;

    StarController(StarStandings stars, FundService fund) {
        this.stars = stars;
        this.fund = fund;
    }

    @GetMapping("/api/programmes/{programmeId}/star-standings")
    @Operation(operationId = "getStarStandings", summary = "The competition stars board: contestants across trades",
            description = "Every contestant entered alone in the programme's counted events (team entries are not "
                    + "counted), one line each: the contestant's standardised scores (each event's eligible results "
                    + "on the common scale by the event's own standardisation, as in its final standings) combined "
                    + "by the programme's starRule (BEST, SUM or MEAN), ranked higher first (ties share a rank, "
                    + "\"1224\", and are shown by contestant id). The stars tier is the top quotas.stars under the "
                    + "starRule's cut-off policy, its overflow or shortfall reported. basis LIVE (default) counts "
                    + "every event from MARKING on: an event still marking gives its complete results so far, "
                    + "standardised the same way, marked provisional; FINAL counts events in REVIEW or PUBLISHED; "
                    + "PUBLISHED only published events (what the fund uses). An event with too few eligible results "
                    + "or none apart is listed with its flag and gives nobody a score. With split, the board of "
                    + "one split of the stars quota (starRule.splitBy REGION: contestants whose enterprise lies in "
                    + "the region; KEY_AREA: the entries in events of projects of the key area), cut at the split's "
                    + "quota; 400 when the programme has no such split. For organizers.")
    Mono<StarStandingsView> standings(@PathVariable long programmeId,
                                      @RequestParam(defaultValue = "LIVE")
                                      @Parameter(description = "LIVE, FINAL or PUBLISHED") StarBasis basis,
                                      @RequestParam(required = false)
                                      @Parameter(description = "the key of one split of the stars quota (a division "
                                              + "code or a key-area code, as the starRule's splits name it): that "
                                              + "split's own board and tier") String split) {
        return stars.standings(programmeId, basis, split);
    }

    @PostMapping("/api/programmes/{programmeId}/fund-allocation")
    @Operation(operationId = "allocateFund", summary = "Allocate the incentive fund across tiers and members",
            description = "Computed from published results only, and writes nothing: the stars tier of the board of "
                    + "PUBLISHED events, and the demonstration and key projects once the project evaluation is "
                    + "PUBLISHED (each project paid in its most exclusive tier only). The fund (fundFen, or the "
                    + "programme's) is split across the tiers by weight, then each tier's part across its members, "
                    + "equally or by rank band, exactly to the fen by largest remainders: the parts always add up "
                    + "to the fund. Equal remainders are served tiers DEMONSTRATION, KEY, STARS, and within a tier "
                    + "in board order (rank, then id), so the same results and request give the same allocation. "
                    + "A tier without members is left out and its weight with it; 409 when no weighted tier has "
                    + "members. For organizers.")
    Mono<FundAllocationView> allocate(@PathVariable long programmeId,
                                      @Valid @RequestBody FundAllocationCommand command) {
        return fund.allocate(programmeId, command);
    }
}
