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

import io.jingsai.api.account.Caller;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.VersionedRows;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Mono;

/**
 * Events (赛项): a scheme and rules that compile into the scoring engine's objects ({@link EventRulesCompiler}; the
 * {@link EventRulebook} keeps them for the version written, the scheme's warnings are stored with the row),
 * references that exist and belong together, names unique in a programme, status changed only step by step
 * ({@link EventLifecycle}), a scheme and blind marking ({@link BlindMarking}) frozen once marking starts, and
 * removal only before marking and without registrations.
 */
@Service
public class EventService {

    static final String RESOURCE = "event";
    static final Map<String, String> SORTABLE = Map.of("name", "name", "startsAt", "starts_at", "status", "status",
            "createdAt", "created_at");

    private final EventRepository events;
    private final VersionedRows<EventRow> rows;
    private final EventQueries queries;
    private final EventMapper mapper;
    private final EventJson json;
    private final EventRulebook rulebook;
    private final EventLifecycle lifecycle;
    private final BlindMarking blindMarking;
    private final Listing listing;
    private final Clock clock;

    EventService(EventRepository events, EventQueries queries, EventMapper mapper, EventJson json,
                 EventRulebook rulebook, EventLifecycle lifecycle, BlindMarking blindMarking, Listing listing,
                 Clock clock) {
        this.events = events;
        this.rows = new VersionedRows<>(RESOURCE, events, EventRow::version);
        this.queries = queries;
        this.mapper = mapper;
        this.json = json;
        this.rulebook = rulebook;
        this.lifecycle = lifecycle;
        this.blindMarking = blindMarking;
        this.listing = listing;
        this.clock = clock;
    }

    public Mono<EventView> create(EventCommand command) {
        List<FieldProblem> initial = new ArrayList<>();
        if (command.status() != null && command.status() != EventStatus.DRAFT) {
            initial.add(FieldProblem.of("status", "status.initial", EventStatus.DRAFT));
        }
        EventRulesCompiler.Compilation compiled = compile(command);
        return requireValid(command, compiled, initial)
                .then(queries.programmeClosed(command.programmeId()))
                .flatMap(closed -> closed ? Mono.error(new ConflictException("programme.closedForEvents",
                        command.programmeId())) : Mono.just(true))
                .then(Mono.defer(() -> events.save(EventRow.create(command, json.write(command.scheme()),
                        json.write(command.rules()), json.writeWarnings(compiled.warnings()), clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .doOnNext(row -> rulebook.keep(row.id(), row.version(), compiled.rules()))
                .map(this::view);
    }

    Mono<EventView> find(long id) {
        return rows.load(id).map(this::view);
    }

    Mono<PageView<EventView>> list(EventFilter filter, PageQuery page) {
        return listing.page(EventRow.class, filter.criteria(), page).map(found -> found.map(this::view));
    }

    @Transactional
    Mono<EventView> change(long id, long expectedVersion, EventCommand command) {
        EventRulesCompiler.Compilation compiled = compile(command);
        return rows.loadAt(id, expectedVersion)
                .flatMap(row -> requireValid(command, compiled, List.of()).thenReturn(row))
                .doOnNext(row -> requireAllowedChange(row, command))
                .flatMap(row -> rows.save(id, row.update(command, json.write(command.scheme()),
                        json.write(command.rules()), json.writeWarnings(compiled.warnings()), clock.instant())))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .doOnNext(row -> rulebook.keep(row.id(), row.version(), compiled.rules()))
                .map(this::view);
    }

    /** One step of the event's life ({@link EventLifecycle}), written with its audit entry. */
    @Transactional
    public Mono<EventView> move(long id, long expectedVersion, StatusChange change, Caller caller) {
        return lifecycle.move(id, expectedVersion, change, caller).map(this::view);
    }

    /** The chief judge reveals who is behind each station of a blind event ({@link BlindMarking#reveal}). */
    @Transactional
    Mono<EventView> reveal(long id, Caller caller) {
        return blindMarking.reveal(id, caller).map(this::view);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return rows.loadAt(id, expectedVersion)
                .doOnNext(row -> {
                    if (row.status().hasMarks()) {
                        throw new ConflictException("event.removeAfterMarking", id, row.status());
                    }
                })
                .flatMap(row -> queries.registrations(id).flatMap(count -> count == 0 ? events.delete(row)
                        : Mono.error(new ConflictException("event.hasRegistrations", id, count))))
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException("event.stillHasRegistrations", id));
    }


    private static EventRulesCompiler.Compilation compile(EventCommand command) {
        return EventRulesCompiler.compile(command.scheme(), command.rules(), command.entryKind());
    }

    /**
     * The event as the API shows it. An event written before warnings were stored has its warnings computed here,
     * until it is next written.
     */
    private EventView view(EventRow row) {
        EventView view = mapper.toView(row);
        return view.warnings() != null ? view : view.withWarnings(EventRulesCompiler.compile(
                json.scheme(row.scheme()), json.rules(row.rules()), row.entryKind()).warnings());
    }

    /** Every problem at once: scheme and rules (compiled), schedule and references. */
    private Mono<Void> requireValid(EventCommand command, EventRulesCompiler.Compilation compiled,
                                    List<FieldProblem> initial) {
        List<FieldProblem> problems = new ArrayList<>(initial);
        problems.addAll(compiled.errors());
        if (command.startsAt() != null && command.endsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
            problems.add(new FieldProblem("endsAt", "event.endsBeforeStart"));
        }
        Mono<Optional<Long>> projectProgramme = command.projectId() == null ? Mono.just(Optional.empty())
                : queries.programmeOfProject(command.projectId());
        return Mono.zip(queries.programmeExists(command.programmeId()), queries.tradeExists(command.tradeId()),
                        projectProgramme)
                .flatMap(found -> {
                    if (!found.getT1()) {
                        problems.add(ExistingReferences.missing("programmeId", "programme", command.programmeId()));
                    }
                    if (!found.getT2()) {
                        problems.add(ExistingReferences.missing("tradeId", "trade", command.tradeId()));
                    }
                    if (command.projectId() != null && found.getT3().isEmpty()) {
                        problems.add(ExistingReferences.missing("projectId", "project", command.projectId()));
                    } else if (command.projectId() != null && !found.getT3().get().equals(command.programmeId())) {
                        problems.add(FieldProblem.of("projectId", "event.projectOfOtherProgramme", command.projectId(),
                                found.getT3().get(), command.programmeId()));
                    }
                    return problems.isEmpty() ? Mono.<Void>empty() : Mono.error(new RejectedRequestException(problems));
                });
    }

    private void requireAllowedChange(EventRow row, EventCommand command) {
        if (command.status() != null && command.status() != row.status()) {
            throw new ConflictException("event.statusByTransition", row.id(), row.status(), command.status());
        }
        if (row.status().hasMarks() && !json.same(row.scheme(), command.scheme())) {
            throw new ConflictException("event.schemeFrozen", row.id(), row.status());
        }
        BlindMarking.requireUnchanged(row, command.blind());
    }

    private static ConflictException duplicate(EventCommand command) {
        return new ConflictException("event.duplicate", command.programmeId());
    }
}
