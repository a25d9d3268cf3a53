package io.jingsai.api.programme;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Programme standings")
class EnterpriseStandingsController {

    private final EnterpriseStandings enterprises;

    EnterpriseStandingsController(EnterpriseStandings enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping("/api/programmes/{programmeId}/enterprise-standings")
    @Operation(operationId = "getEnterpriseStandings", summary = "The enterprises board (万家企业): the index of "
            + "participation and results", description = "Every enterprise with an entry taking part (neither "
            + "withdrawn nor absent) in the programme's events, or hosting one of its projects, one line each: "
            + "contestants entered (distinct, alone or in a team), its contestants in the stars tier of the "
            + "programme-wide stars board of the same basis, its entries' awards by level (an event's first band "
            + "is level 1) in the final standings of the counted events whose marking has closed, and the projects "
            + "it hosts in the key and demonstration tiers (each in its most exclusive tier; counted on LIVE, on "
            + "FINAL once the evaluation is REVIEWED, on PUBLISHED once it is PUBLISHED). The index is the exact "
            + "sum of each count times the programme's enterpriseIndex weight; ranked higher first (ties share a "
            + "rank, \"1224\", and are shown by enterprise id); the enterprises tier is the top quotas.enterprises "
            + "under the rule's cut-off policy. Names and regions only. For organizers.")
    Mono<EnterpriseStandingsView> standings(@PathVariable long programmeId,
                                            @RequestParam(defaultValue = "LIVE")
                                            @Parameter(description = "LIVE, FINAL or PUBLISHED") StarBasis basis) {
        return enterprises.standings(programmeId, basis);
    }
}
