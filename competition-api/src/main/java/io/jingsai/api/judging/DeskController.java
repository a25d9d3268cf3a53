package io.jingsai.api.judging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Chief judge's desk", description = "Marking progress, the review queue and judge consistency of an event")
class DeskController {

    private final ChiefJudgeDesk desk;

    DeskController(ChiefJudgeDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/events/{eventId}/desk")
    @Operation(operationId = "getChiefJudgeDesk", summary = "The chief judge's desk (裁判长工作台)",
            description = "For the chief judge and organizers, read in one snapshot: marks expected and received "
                    + "(in all, per judge and per aspect; a judge is never expected to mark an entry they are "
                    + "recused from), the entries whose results need review with each judge's current marks on the "
                    + "aspects in dispute, and judge consistency: the spread of each aspect's panels and each "
                    + "judge's leniency (mean deviation from the panel's mean) on judgement scores.")
    Mono<DeskView> desk(@PathVariable long eventId) {
        return desk.desk(eventId);
    }
}
