package io.jingsai.api.judging;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.Caller;
import io.jingsai.api.event.BlindMarking;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events/{eventId}/panel")
@Tag(name = "Panels", description = "The judges of an event, its chief judge, the entries each judge may not "
        + "mark (回避), and which judges mark which entries (automatic assignment)")
class PanelController {

    private final PanelService panels;
    private final PanelPlanService plans;
    private final BlindMarking blindMarking;

    PanelController(PanelService panels, PanelPlanService plans, BlindMarking blindMarking) {
        this.panels = panels;
        this.plans = plans;
        this.blindMarking = blindMarking;
    }

    @GetMapping
    @Operation(operationId = "getPanel", summary = "The event's panel",
            description = "The judges in the order they were assigned, each with their role and how many entries "
                    + "they may not mark, and the chief judge.")
    Mono<PanelView> panel(@PathVariable long eventId) {
        return panels.panel(eventId);
    }

    @GetMapping("/recusals")
    @Operation(operationId = "listRecusals", summary = "The entries each judge may not mark",
            description = "Every pair of judge and entry the judge may not mark: entrants of the judge's own "
                    + "enterprise (for a team, the team's or any member's) and declared conflicts of interest. In a "
                    + "blind event, until identities are revealed, the chief judge sees no registration numbers and "
                    + "no own-enterprise cause (it would tell the entrant's enterprise).")
    Mono<List<RecusalView>> recusals(@PathVariable long eventId,
                                     @RequestParam(required = false) @Parameter(description = "only this judge's")
                                     @Positive Long judgeId, Principal principal) {
        return blindMarking.hidesIdentitiesFrom(eventId, Caller.of(principal).orElse(null))
                .flatMap(stationsOnly -> panels.recusals(eventId, judgeId).map(recusals -> stationsOnly
                        ? recusals.stream().map(RecusalView::withoutIdentity).toList() : recusals));
    }

    @PostMapping
    @Operation(operationId = "assignPanelMember", summary = "Put a judge on the panel",
            description = "Until marking closes (409 from REVIEW on). An event has at most one chief judge: naming a "
                    + "second is a 409 that names the first. A judge already on the panel is a 409 (change the "
                    + "role instead). Recorded in the event's audit chain.")
    @ApiResponse(responseCode = "201", description = "The judge joined the panel", useReturnTypeSchema = true)
    Mono<ResponseEntity<PanelMemberView>> assign(@PathVariable long eventId,
                                                 @Valid @RequestBody PanelAssignment assignment, Principal principal) {
        return panels.assign(eventId, assignment, principal.getName())
                .map(member -> ETags.created(location(eventId, member), member, member.version()));
    }

    @GetMapping("/assignment")
    @Operation(operationId = "getPanelAssignment", summary = "Which judges mark which entries",
            description = "The event's automatic assignment as it stands: each judge of the panel (not the chief "
                    + "judge) with the entries they mark, each competing entry with its judges, and the entries "
                    + "now short of the judges the scheme needs (a judge removed, a conflict declared or an entry "
                    + "registered since the plan was made). Pairs a judge is recused from never count. Without a "
                    + "plan (planned: false) every judge marks every entry they are not recused from.")
    Mono<PanelPlanView> assignment(@PathVariable long eventId) {
        return plans.current(eventId);
    }

    @PostMapping("/assignment")
    @Operation(operationId = "assignPanelAutomatically", summary = "Assign the panel's judges to the entries",
            description = "Gives every competing entry judgesPerEntry judges of the panel (role JUDGE; at least "
                    + "what the scheme needs, which it is when left out: 400 below it), never a judge of the "
                    + "entrant's enterprise or one who declared a conflict with the entry, the judges' workloads "
                    + "differing by at most one entry wherever recusals allow. The same seed, panel and entries "
                    + "give the same plan. From then on a judge marks only their entries; the chief judge is "
                    + "outside the plan. Only before marking starts (409 from MARKING on); 409 naming each entry "
                    + "when the panel has too few judges who may mark it. Replaces any earlier plan; recorded in "
                    + "the event's audit chain with the one it replaced.")
    Mono<PanelPlanView> assignAutomatically(@PathVariable long eventId,
                                            @Valid @RequestBody PanelPlanCommand command, Principal principal) {
        return plans.assign(eventId, command, principal.getName());
    }

    @GetMapping("/{judgeId}")
    @Operation(operationId = "getPanelMember", summary = "One judge of the panel",
            description = "The judge's role on the panel, with its version as ETag.")
    Mono<ResponseEntity<PanelMemberView>> member(@PathVariable long eventId, @PathVariable long judgeId) {
        return panels.member(eventId, judgeId).map(member -> ETags.ok(member, member.version()));
    }

    @PutMapping("/{judgeId}")
    @Operation(operationId = "updatePanelMember", summary = "Change a judge's role on the panel",
            description = "Until marking closes; at most one chief judge (409 naming the current one). Send "
                    + "If-Match with the ETag you read. Recorded in the event's audit chain.")
    Mono<ResponseEntity<PanelMemberView>> changeRole(@PathVariable long eventId, @PathVariable long judgeId,
                                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                     String ifMatch,
                                                     @Valid @RequestBody RoleChange change, Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return panels.changeRole(eventId, judgeId, version, change, principal.getName())
                .map(member -> ETags.ok(member, member.version()));
    }

    @DeleteMapping("/{judgeId}")
    @Operation(operationId = "deletePanelMember", summary = "Take a judge off the panel",
            description = "Until marking closes. Send If-Match with the ETag you read. Recorded in the event's "
                    + "audit chain.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long eventId, @PathVariable long judgeId,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(panels.remove(eventId, judgeId, version, principal.getName()));
    }

    @PostMapping("/{judgeId}/conflicts")
    @Operation(operationId = "declareConflict", summary = "Declare a judge's conflict of interest with an entry",
            description = "The judge will not mark that entry. Until marking closes; a conflict is declared once. "
                    + "Recorded, with its reason, in the event's audit chain. The Location lists the judge's "
                    + "recusals.")
    @ApiResponse(responseCode = "201", description = "Declared", useReturnTypeSchema = true)
    Mono<ResponseEntity<RecusalView>> declareConflict(@PathVariable long eventId, @PathVariable long judgeId,
                                                      @Valid @RequestBody ConflictDeclaration declaration,
                                                      Principal principal) {
        return blindMarking.hidesIdentitiesFrom(eventId, Caller.of(principal).orElse(null))
                .flatMap(stationsOnly -> panels.declareConflict(eventId, judgeId, declaration, principal.getName())
                        .map(recusal -> stationsOnly ? recusal.withoutIdentity() : recusal))
                .map(recusal -> ResponseEntity.created(java.net.URI.create("/api/events/" + eventId
                        + "/panel/recusals?judgeId=" + judgeId)).body(recusal));
    }

    private static String location(long eventId, PanelMemberView member) {
        return "/api/events/" + eventId + "/panel/" + member.judgeId();
    }
}
