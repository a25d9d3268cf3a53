package io.jingsai.api.event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/**
 * Events (赛项): a scheme and rules the scoring engine accepts, references that exist and belong together, names
 * unique in a programme, forward-only status, a scheme frozen once marking starts, and removal only before marking
 * and without registrations.
 */
@Service
class EventService {

    static final String RESOURCE = "event";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "startsAt", "starts_at", "status", "status",
            "createdAt", "created_at");

    private final EventRepository events;
    private final VersionedRows<EventRow> rows;
    private final EventQueries queries;
    private final EventMapper mapper;
    private final EventJson json;
    private final Listing listing;
    private final Clock clock;

    EventService(EventRepository events, EventQueries queries, EventMapper mapper, EventJson json, Listing listing,
                 Clock clock) {
        this.events = events;
        this.rows = new VersionedRows<>(RESOURCE, events, EventRow::version);
        this.queries = queries;
        this.mapper = mapper;
        this.json = json;
        this.listing = listing;
        this.clock = clock;
    }

    Mono<EventView> create(EventCommand command) {
        List<FieldProblem> initial = new ArrayList<>();
        if (command.status() != null && command.status() != EventStatus.DRAFT) {
            initial.add(new FieldProblem("status", "an event starts in DRAFT"));
        }
        return requireValid(command, initial)
                .then(queries.programmeClosed(command.programmeId()))
                .flatMap(closed -> closed ? Mono.error(new ConflictException("programme " + command.programmeId()
                        + " is CLOSED and takes no new events")) : Mono.just(true))
                .then(Mono.defer(() -> events.save(EventRow.create(command, json.write(command.scheme()),
                        json.write(command.rules()), clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    Mono<EventView> find(long id) {
        return rows.load(id).map(mapper::toView);
    }

    Mono<PageView<EventView>> list(EventFilter filter, PageQuery page) {
        return listing.page(EventRow.class, filter.criteria(), page).map(found -> found.map(mapper::toView));
    }

    @Transactional
    Mono<EventView> change(long id, long expectedVersion, EventCommand command) {
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireValid(command, List.of()).thenReturn(row))
                .doOnNext(row -> requireAllowedChange(row, command))
                .flatMap(row -> rows.save(id, row.update(command, json.write(command.scheme()),
                        json.write(command.rules()), clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.loadAt(id, expectedVersion)
                .doOnNext(row -> {
                    if (row.status().hasMarks()) {
                        throw new ConflictException(RESOURCE + " " + id + " is " + row.status()
                                + " and may have marks; an event can be removed only before marking starts");
                    }
                })
                .flatMap(row -> queries.registrations(id).flatMap(count -> count == 0 ? events.delete(row)
                        : Mono.error(new ConflictException(RESOURCE + " " + id + " has " + count
                                + " registration(s); withdraw them first"))))
                .onErrorMap(DataIntegrityViolationException.class, e -> new ConflictException(RESOURCE + " " + id
                        + " still has registrations; withdraw them first"));
    }


    /** Every problem at once: scheme, rules, schedule and references. */
    private Mono<Void> requireValid(EventCommand command, List<FieldProblem> initial) {
        List<FieldProblem> problems = new ArrayList<>(initial);
        problems.addAll(EventChecks.scheme(command.scheme()).errors());
        problems.addAll(EventChecks.rules(command.rules(), command.entryKind(), command.scheme()));
        if (command.startsAt() != null && command.endsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        Mono<Optional<Long>> projectProgramme = command.projectId() == null ? Mono.just(Optional.empty())
                : queries.programmeOfProject(command.projectId());
        return Mono.zip(queries.programmeExists(command.programmeId()), queries.tradeExists(command.tradeId()),
                        projectProgramme)
                .flatMap(found -> {
                    if (!found.getT1()) {
                        problems.add(new FieldProblem("programmeId", "no programme with id " + command.programmeId()));
                    }
                    if (!found.getT2()) {
                        problems.add(new FieldProblem("tradeId", "no trade with id " + command.tradeId()));
                    }
                    if (command.projectId() != null && found.getT3().isEmpty()) {
                        problems.add(new FieldProblem("projectId", "no project with id " + command.projectId()));
                    } else if (command.projectId() != null && !found.getT3().get().equals(command.programmeId())) {
                        problems.add(new FieldProblem("projectId", "project " + command.projectId()
                                + " belongs to programme " + found.getT3().get() + ", not " + command.programmeId()));
                    }
                    return problems.isEmpty() ? Mono.<Void>empty() : Mono.error(rejected(problems));
                });
    }

    private void requireAllowedChange(EventRow row, EventCommand command) {
        if (command.status() != null && !row.status().mayBecome(command.status())) {
            throw new ConflictException(RESOURCE + " " + row.id() + " is " + row.status() + " and cannot become "
                    + command.status() + "; allowed next: "
                    + (row.status().next().isEmpty() ? "none" : row.status().next()));
        }
        if (row.status().hasMarks() && !json.same(row.scheme(), command.scheme())) {
            throw new ConflictException(RESOURCE + " " + row.id() + " is " + row.status()
                    + ": its marking scheme is frozen once marking starts");
        }
    }

    private static RejectedRequestException rejected(List<FieldProblem> problems) {
        String summary = problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).rule()
                : problems.size() + " problems with the event; see errors";
        return new RejectedRequestException(summary, problems);
    }

    private static ConflictException duplicate(EventCommand command) {
        return new ConflictException("programme " + command.programmeId() + " already has an event named '"
                + command.name() + "'");
    }
}
