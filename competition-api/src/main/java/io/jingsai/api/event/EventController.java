package io.jingsai.api.event;

import java.security.Principal;
import java.util.Locale;

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
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.jingsai.api.web.ProblemMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Skills contests (赛项): one trade, one marking scheme, rules, schedule, status")
class EventController {

    private final EventService events;
    private final ProblemMessages messages;

    EventController(EventService events, ProblemMessages messages) {
        this.events = events;
        this.messages = messages;
    }

    @PostMapping
    @Operation(operationId = "createEvent", summary = "Set up an event",
            description = "Sets up an event (赛项) of a programme for one trade, with its marking scheme and rules; it "
                    + "starts in DRAFT. The scoring engine checks the scheme and rules: an invalid one is refused "
                    + "with every problem listed in errors; warnings come back in the event's warnings. A name the "
                    + "programme already has, or a CLOSED programme, is a 409.")
    @ApiResponse(responseCode = "201", description = "Set up", useReturnTypeSchema = true)
    Mono<ResponseEntity<EventView>> create(@Valid @RequestBody EventCommand command, Locale locale) {
        return events.create(command).map(view -> worded(view, locale))
                .map(view -> ETags.created("/api/events/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getEvent", summary = "One event",
            description = "The event with this id, with its scheme, rules and warnings, and its version as ETag.")
    Mono<ResponseEntity<EventView>> find(@PathVariable long id, Locale locale) {
        return events.find(id).map(view -> worded(view, locale)).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(operationId = "listEvents", summary = "Events, filtered and paged",
            description = "programmeId, tradeId and status filter; q matches a part of the name. Sort by name "
                    + "(pinyin), startsAt, status or createdAt; default name.")
    Mono<PageView<EventView>> list(@RequestParam(required = false) @Positive Long programmeId,
                                   @RequestParam(required = false) @Positive Long tradeId,
                                   @RequestParam(required = false) EventStatus status,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size,
                                   @RequestParam(required = false) String sort,
                                   Locale locale) {
        PageQuery paging = PageQuery.of(page, size, sort, EventService.SORTABLE, "name");
        return events.list(new EventFilter(programmeId, tradeId, status, q), paging)
                .map(found -> found.map(view -> worded(view, locale)));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateEvent", summary = "Change an event",
            description = "Replaces the event's fields; a missing status keeps the current one. Send If-Match with "
                    + "the ETag you read (412 if someone changed it since). The status changes only by a step "
                    + "(POST …/transition): another status here, or a scheme change once marking has started, is a 409.")
    Mono<ResponseEntity<EventView>> change(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody EventCommand command,
                                           Locale locale) {
        long version = ETags.ifMatch(ifMatch);
        return events.change(id, version, command).map(view -> worded(view, locale))
                .map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/{id}/transition")
    @Operation(operationId = "moveEvent", summary = "Take a step in the event's life",
            description = "DRAFT → OPEN (registration) → MARKING → REVIEW (results out for public review, 公示) → "
                    + "PUBLISHED; back from OPEN to DRAFT, or from REVIEW to MARKING after an upheld complaint, with "
                    + "a reason (400 without). Organizers take every step; the event's chief judge closes marking "
                    + "(MARKING → REVIEW) and reopens it (403 for other steps). A step the status does not allow is "
                    + "a 409 listing the allowed ones; REVIEW and PUBLISHED are refused (409) while anything is "
                    + "outstanding, every reason listed in errors. Send If-Match with the ETag you read. Recorded "
                    + "in the event's audit chain.")
    @ApiResponse(responseCode = "200", description = "Moved", useReturnTypeSchema = true)
    Mono<ResponseEntity<EventView>> move(@PathVariable long id,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody StatusChange change, Principal principal,
                                         Locale locale) {
        long version = ETags.ifMatch(ifMatch);
        Caller caller = Caller.of(principal).orElseThrow(() -> AccessRefusedException.forbidden("access.forbidden"));
        return events.move(id, version, change, caller).map(view -> worded(view, locale))
                .map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/{id}/reveal")
    @Operation(operationId = "revealIdentities", summary = "Reveal who is behind each station (揭示身份)",
            description = "For a blind event: until now its judges, the chief judge too, saw entries by station "
                    + "number only. Only the account holding CHIEF_JUDGE on the event reveals (403 for anyone else, "
                    + "organizers and administrators included), once marking has closed (409 blind.markingNotClosed "
                    + "while DRAFT, OPEN or MARKING; 409 blind.notBlind for an event that is not blind). From then on "
                    + "judges see names, enterprises and registration numbers, and the event's public board opens. "
                    + "The reveal is final and recorded in the event's audit chain (event.identitiesRevealed); "
                    + "revealing again changes nothing and answers the event as it is.")
    @ApiResponse(responseCode = "200", description = "Revealed", useReturnTypeSchema = true)
    Mono<ResponseEntity<EventView>> reveal(@PathVariable long id, Principal principal, Locale locale) {
        Caller caller = Caller.of(principal).orElseThrow(() -> AccessRefusedException.forbidden("access.forbidden"));
        return events.reveal(id, caller).map(view -> worded(view, locale))
                .map(view -> ETags.ok(view, view.version()));
    }

    /** Warnings are worded in the reader's language, like errors. */
    private EventView worded(EventView view, Locale locale) {
        return view.withWarnings(messages.worded(view.warnings(), ProblemMessages.language(locale)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteEvent", summary = "Remove an event",
            description = "Removes an event before marking and without registrations (409 otherwise). Send If-Match "
                    + "with the ETag you read.")
    @ApiResponse(responseCode = "204", description = "Removed")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(events.remove(id, version));
    }
}
