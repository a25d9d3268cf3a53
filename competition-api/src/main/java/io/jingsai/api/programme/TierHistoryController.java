package io.jingsai.api.programme;

import java.time.Instant;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Programme standings")
class TierHistoryController {

    private final ProgrammeService programmes;
    private final TierHistoryStore history;

    TierHistoryController(ProgrammeService programmes, TierHistoryStore history) {
        this.programmes = programmes;
        this.history = history;
    }

    @GetMapping("/api/programmes/{programmeId}/tier-history")
    @Operation(operationId = "getTierHistory", summary = "Who entered or left the programme's tiers, when and why",
            description = "Every entry into and exit from the stars, key and demonstration tiers, oldest first, on "
                    + "two bases: LIVE (the live stars board, the project board as scored) and PUBLISHED (what the "
                    + "fund pays: the stars of published events, the projects of a published evaluation). Each row "
                    + "has the subject's rank and score on its board then, the time, and the cause: RESULT_CHANGED "
                    + "(the result changes of which registrations of which events: marks, corrections, withdrawals), "
                    + "EVENT_STEP (an event's step, PUBLISHED its publication), PROJECT_EVALUATED or "
                    + "EVALUATION_STEP. Replayed, the rows of a basis give its tiers' members now. Filters: basis, "
                    + "tier, subjectId (a contestant or project), from (inclusive) and to (exclusive) on the time "
                    + "recorded. For organizers.")
    Mono<PageView<TierHistoryEntry>> history(@PathVariable long programmeId,
                                             @RequestParam(required = false) TierBasis basis,
                                             @RequestParam(required = false) FundTier tier,
                                             @RequestParam(required = false)
                                             @Parameter(description = "a contestant (STARS) or project id")
                                             @Positive Long subjectId,
                                             @RequestParam(required = false) Instant from,
                                             @RequestParam(required = false) Instant to,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size) {
        // Only page and size are chosen: the history is listed in the order it was recorded.
        PageQuery paging = PageQuery.of(page, size, null, Map.of("id", "id"), "id");
        return programmes.load(programmeId).then(history.history(programmeId,
                new TierHistoryStore.Filter(basis, tier, subjectId, from, to), paging));
    }
}
