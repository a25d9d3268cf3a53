package io.jingsai.api.registration;

import java.security.Principal;
import java.util.function.UnaryOperator;

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
import io.jingsai.api.bulk.SheetDownloads;
import io.jingsai.api.event.BlindMarking;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events/{eventId}/registrations")
@Tag(name = "Registrations", description = "Contestants and teams entered into an event, with registration and station numbers")
class RegistrationController {

    private static final String BY_STATION = "In a blind event, until identities are revealed, the chief judge sees "
            + "no registration number, contestant or team: the station is all that names an entry. Verification "
            + "codes are for organizers (and administrators) only.";

    private final RegistrationService registrations;
    private final RegistrationExport export;
    private final SheetDownloads downloads;
    private final BlindMarking blindMarking;

    RegistrationController(RegistrationService registrations, RegistrationExport export, SheetDownloads downloads,
                           BlindMarking blindMarking) {
        this.registrations = registrations;
        this.export = export;
        this.downloads = downloads;
        this.blindMarking = blindMarking;
    }

    @PostMapping
    @Operation(operationId = "createRegistration", summary = "Enter a contestant or a team",
            description = "Enters a contestant (individual event) or a team (team event) of the event's trade, while "
                    + "the event is DRAFT or OPEN; registration numbers are given in order. An entrant already "
                    + "entered, or a station number already taken, is a 409.")
    @ApiResponse(responseCode = "201", description = "Entered", useReturnTypeSchema = true)
    Mono<ResponseEntity<RegistrationView>> register(@PathVariable long eventId,
                                                    @Valid @RequestBody RegistrationCommand command) {
        return registrations.register(eventId, command).map(view -> ETags.created("/api/events/" + eventId + "/registrations/" + view.id(), view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listRegistrations", summary = "The event's registrations, paged",
            description = "status filters. Sort by registrationNumber or stationNumber; default registrationNumber. "
                    + BY_STATION)
    Mono<PageView<RegistrationView>> list(@PathVariable long eventId,
                                          @RequestParam(required = false) RegistrationStatus status,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size,
                                          @RequestParam(required = false) String sort,
                                          Principal principal) {
        PageQuery paging = PageQuery.of(page, size, sort, RegistrationService.SORTABLE, "registrationNumber");
        return shown(eventId, principal).flatMap(shown -> registrations.list(eventId, status, paging)
                .map(found -> found.map(shown)));
    }

    @GetMapping("/export")
    @Operation(operationId = "exportRegistrations", summary = "The event's registrations as a spreadsheet",
            description = "Every registration of the event, in registration-number order, as an xlsx or csv file; "
                    + "ID numbers are masked, verification codes (查询码) only for organizers. For the chief judge of a blind event, until identities are revealed, "
                    + "only station numbers and statuses, in station order.")
    Mono<ResponseEntity<byte[]>> exportAll(@PathVariable long eventId,
                                           @RequestParam(defaultValue = "xlsx") String format,
                                           Principal principal) {
        return downloads.export("event-" + eventId + "-registrations", SheetDownloads.format(format),
                RegistrationExport.COLUMNS, stationsOnly(eventId, principal)
                        .flatMapMany(stationsOnly -> export.rows(eventId, stationsOnly,
                                organizes(eventId, principal))));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRegistration", summary = "One registration",
            description = "The registration with this id in the event, with its version as ETag. " + BY_STATION)
    Mono<ResponseEntity<RegistrationView>> find(@PathVariable long eventId, @PathVariable long id,
                                                Principal principal) {
        return shown(eventId, principal).flatMap(shown -> registrations.find(eventId, id).map(shown))
                .map(view -> ETags.ok(view, view.version()));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateRegistration", summary = "Change a registration",
            description = "Replaces the station number and the status (REGISTERED or OBSERVER) while the event takes "
                    + "entries; from MARKING on it is 409: withdraw instead. The entrant never changes. Send "
                    + "If-Match with the ETag you read (412 if someone changed it since).")
    Mono<ResponseEntity<RegistrationView>> change(@PathVariable long eventId, @PathVariable long id,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch,
                                                  @Valid @RequestBody RegistrationChange change) {
        long version = ETags.ifMatch(ifMatch);
        return registrations.change(eventId, id, version, change).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(operationId = "withdrawRegistration", summary = "Withdraw a registration (退赛)",
            description = "Possible until results are published: the registration keeps its row, numbers, station "
                    + "and marks, and records who withdrew it, when and why. Send If-Match with the ETag you read.")
    Mono<ResponseEntity<RegistrationView>> withdraw(@PathVariable long eventId, @PathVariable long id,
                                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                    String ifMatch,
                                                    @Valid @RequestBody RegistrationWithdrawal withdrawal,
                                                    Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return registrations.withdraw(eventId, id, version, principal.getName(), withdrawal)
                .map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/{id}/absence")
    @Operation(operationId = "recordAbsence", summary = "Record an entry absent (did not start), or take that back",
            description = "While the event is MARKING (409 otherwise), an organizer or the event's chief judge "
                    + "records that the entry did not start (absent: true; status ABSENT) or takes that back "
                    + "(absent: false; the status it had before), with a reason. An absent entry keeps its numbers "
                    + "and any marks, is no starter and takes no award, takes no more marks, and publication does "
                    + "not wait for its result. Recorded in the event's audit chain. Send If-Match with the ETag "
                    + "you read. " + BY_STATION)
    Mono<ResponseEntity<RegistrationView>> absence(@PathVariable long eventId, @PathVariable long id,
                                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                   String ifMatch,
                                                   @Valid @RequestBody RegistrationAbsence absence,
                                                   Principal principal) {
        long version = ETags.ifMatch(ifMatch);
        return shown(eventId, principal).flatMap(shown -> registrations.absence(eventId, id, version,
                        principal.getName(), absence).map(shown))
                .map(view -> ETags.ok(view, view.version()));
    }

    /**
     * What the caller is shown of the event's registrations: judges never see verification codes (organizers hand
     * them out), and a judge of an unrevealed blind event sees stations only.
     */
    private Mono<UnaryOperator<RegistrationView>> shown(long eventId, Principal principal) {
        boolean organizes = organizes(eventId, principal);
        return stationsOnly(eventId, principal).map(stationsOnly -> stationsOnly ? RegistrationView::withoutIdentity
                : organizes ? UnaryOperator.identity() : RegistrationView::withoutVerificationCode);
    }

    private static boolean organizes(long eventId, Principal principal) {
        return Caller.of(principal).map(caller -> caller.organizes(eventId)).orElse(false);
    }

    /** Whether the caller reads this event's entries by station only (a judge of an unrevealed blind event). */
    private Mono<Boolean> stationsOnly(long eventId, Principal principal) {
        return blindMarking.hidesIdentitiesFrom(eventId, Caller.of(principal).orElse(null));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteRegistration", summary = "Remove a registration",
            description = "Removes a registration while the event is DRAFT or OPEN (409 otherwise; withdraw it "
                    + "instead). Send If-Match with the ETag you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long eventId, @PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(registrations.remove(eventId, id, version));
    }
}
