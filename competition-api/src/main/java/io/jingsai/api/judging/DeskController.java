package io.jingsai.api.judging;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Marking desks", description = "What a judge has to mark, and the chief judge's desk: marking progress, "
        + "the review queue, judge consistency and what waits for approval in an event")
class DeskController {

    private final ChiefJudgeDesk desk;
    private final JudgeWorklist worklists;

    DeskController(ChiefJudgeDesk desk, JudgeWorklist worklists) {
        this.desk = desk;
        this.worklists = worklists;
    }

    @GetMapping("/api/events/{eventId}/worklist")
    @Operation(operationId = "getWorklist", summary = "The signed-in judge's worklist (评分任务)",
            description = "For a judge on the event's panel, signed in as themself (403 otherwise): the aspects a "
                    + "score sheet takes, as the marking scheme defines them (maximum, kind, level descriptors, "
                    + "allowed marks), and every entry the judge may mark by station number, without names (entries "
                    + "the judge is recused from and withdrawn ones are left out), each with the judge's own sheet: "
                    + "its version, its marks, and the aspects to re-mark where the judges disagree beyond the "
                    + "allowed spread. open is false once marking has closed. In a blind event, until the chief judge "
                    + "reveals identities, entries come without their registration numbers: the station is all.")
    Mono<WorklistView> worklist(@PathVariable long eventId,
                                @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return worklists.of(eventId, caller);
    }

    @GetMapping("/api/events/{eventId}/desk")
    @Operation(operationId = "getChiefJudgeDesk", summary = "The chief judge's desk (裁判长工作台)",
            description = "For the chief judge and organizers, read in one snapshot: marks expected and received "
                    + "(in all, per judge and per aspect; a judge is never expected to mark an entry they are "
                    + "recused from), the entries whose results need review with each judge's current marks on the "
                    + "aspects in dispute, judge consistency: the spread of each aspect's panels and each "
                    + "judge's leniency (mean deviation from the panel's mean) on judgement scores, and the "
                    + "deductions and disqualifications waiting for the chief judge's decision, oldest first, each "
                    + "with its entry's numbers and the judge who recorded it. In a blind event, until identities "
                    + "are revealed, the chief judge sees entries by station number only (no registration number); "
                    + "organizers see them as always.")
    Mono<DeskView> desk(@PathVariable long eventId,
                        @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return desk.desk(eventId, caller);
    }
}
