package io.jingsai.api.event;

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

import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.web.ETags;
import io.jingsai.api.web.ProblemMessages;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Set up an event; an invalid scheme is refused with every problem listed in errors, "
            + "scheme warnings come back in the event's warnings")
    Mono<ResponseEntity<EventView>> create(@Valid @RequestBody EventCommand command, Locale locale) {
        return events.create(command).map(view -> worded(view, locale))
                .map(view -> ETags.created("/api/events/" + view.id(), view, view.version()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One event, with its version as ETag")
    Mono<ResponseEntity<EventView>> find(@PathVariable long id, Locale locale) {
        return events.find(id).map(view -> worded(view, locale)).map(view -> ETags.ok(view, view.version()));
    }

    @GetMapping
    @Operation(summary = "Events, filtered and paged; sort by name (pinyin), startsAt, status, createdAt")
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
    @Operation(summary = "Change an event; send If-Match (412 if stale). 409 for a status it cannot move to, or for "
            + "a scheme change once marking has started")
    Mono<ResponseEntity<EventView>> change(@PathVariable long id,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody EventCommand command,
                                           Locale locale) {
        long version = ETags.ifMatch(ifMatch);
        return events.change(id, version, command).map(view -> worded(view, locale))
                .map(view -> ETags.ok(view, view.version()));
    }

    /** Warnings are worded in the reader's language, like errors. */
    private EventView worded(EventView view, Locale locale) {
        return view.withWarnings(messages.worded(view.warnings(), ProblemMessages.language(locale)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an event before marking, without registrations (409 otherwise); send If-Match")
    Mono<ResponseEntity<Void>> remove(@PathVariable long id,
                                      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = ETags.ifMatch(ifMatch);
        return ETags.noContent(events.remove(id, version));
    }
}
