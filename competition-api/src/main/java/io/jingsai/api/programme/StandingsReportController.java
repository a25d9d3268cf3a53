package io.jingsai.api.programme;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.bulk.SheetDownloads;
import io.jingsai.api.shared.ListFilters;
import io.jingsai.api.web.ProblemMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Programme standings")
class StandingsReportController {

    private final StandingsReport report;
    private final SheetDownloads downloads;

    StandingsReportController(StandingsReport report, SheetDownloads downloads) {
        this.report = report;
        this.downloads = downloads;
    }

    @GetMapping("/api/programmes/{programmeId}/standings/export")
    @Operation(operationId = "exportProgrammeStandings", summary = "The programme's standings as a file to print",
            description = "Three sheets (one after another in CSV): the competition stars (rank, contestant, "
                    + "enterprise, region, trade, score, in the stars tier, provisional), the key and demonstration "
                    + "projects as the evaluation stands (rank, project, host enterprise, aspect, key area, region, "
                    + "score, tier) and the enterprises (rank, enterprise, region, index, in the enterprises tier), "
                    + "the stars and enterprises on the basis asked for. regionCode keeps the lines of that "
                    + "province, city or county, with their ranks and tiers on the whole board. Headers in the "
                    + "request's language. For organizers.")
    Mono<ResponseEntity<byte[]>> export(@PathVariable long programmeId,
                                        @RequestParam(defaultValue = "xlsx") String format,
                                        @RequestParam(defaultValue = "LIVE")
                                        @Parameter(description = "LIVE, FINAL or PUBLISHED") StarBasis basis,
                                        @RequestParam(required = false) String regionCode, Locale locale) {
        String region = ListFilters.regionCode(regionCode);
        return downloads.exportTabs("programme-" + programmeId + "-standings-" + basis.name().toLowerCase(Locale.ROOT)
                        + (region == null ? "" : "-" + region), SheetDownloads.format(format),
                report.tabs(programmeId, basis, region, ProblemMessages.language(locale)));
    }
}
