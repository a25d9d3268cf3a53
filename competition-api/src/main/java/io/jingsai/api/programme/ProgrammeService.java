package io.jingsai.api.programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.Listing;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.PageQuery;
import io.jingsai.api.shared.PageView;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.Versions;
import reactor.core.publisher.Mono;

/**
 * Programmes: unique (name, year), quotas that fit the tiers, unique key-area codes, forward-only status (closing
 * only once the tiers are final), and no removal of a key area a project uses or of a programme that still has
 * projects or events.
 */
@Service
public class ProgrammeService {

    static final String RESOURCE = "programme";
    static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "year", "year", "regionCode", "region_code", "status", "status", "createdAt", "created_at");

    private final ProgrammeRepository programmes;
    private final ProgrammeQueries queries;
    private final ProgrammeMapper mapper;
    private final ProgrammeJson json;
    private final Listing listing;
    private final ProgrammeClosing closing;
    private final Clock clock;

    ProgrammeService(ProgrammeRepository programmes, ProgrammeQueries queries, ProgrammeMapper mapper,
                     ProgrammeJson json, Listing listing, ProgrammeClosing closing, Clock clock) {
        this.programmes = programmes;
        this.queries = queries;
        this.mapper = mapper;
        this.json = json;
        this.listing = listing;
        this.closing = closing;
        this.clock = clock;
    }

    /** Whether any programme exists yet (the demo data fills only a database without one). */
    public Mono<Boolean> anyExists() {
        return programmes.count().map(count -> count > 0);
    }

    public Mono<ProgrammeView> create(ProgrammeCommand command) {
        List<FieldProblem> problems = consistencyProblems(command);
        if (command.status() != null && command.status() != ProgrammeStatus.PLANNING) {
            problems.add(FieldProblem.of("status", "status.initial", ProgrammeStatus.PLANNING));
        }
        return rejectIfAny(problems)
                .then(Mono.defer(() -> programmes.save(
                        ProgrammeRow.create(command, json.documents(command), clock.instant()))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .map(mapper::toView);
    }

    Mono<ProgrammeView> find(long id) {
        return load(id).map(mapper::toView);
    }

    Mono<PageView<ProgrammeView>> list(ProgrammeFilter filter, PageQuery page) {
        return listing.page(ProgrammeRow.class, filter.criteria(), page).map(rows -> rows.map(mapper::toView));
    }

    /**
     * Replaces the programme's fields. The step to CLOSED is refused while its tiers are not final
     * ({@link ProgrammeClosing#requireFinal}), and is heard of by the {@link ProgrammeClosed} followers in this
     * transaction.
     *
     * @param actor the account making the change, as it signed in
     */
    @Transactional
    public Mono<ProgrammeView> change(long id, long expectedVersion, ProgrammeCommand command, String actor) {
        return rejectIfAny(consistencyProblems(command))
                .then(programmes.findForUpdateById(id))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .doOnNext(row -> requireTransition(row, command.status()))
                .flatMap(row -> requireKeyAreasKept(row, command).thenReturn(row))
                .flatMap(row -> save(row, command, actor))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command))
                .onErrorMap(OptimisticLockingFailureException.class,
                        e -> StaleVersionException.changedMeanwhile(RESOURCE, id))
                .map(mapper::toView);
    }

    @Transactional
    Mono<Void> remove(long id, long expectedVersion) {
        return load(id)
                .doOnNext(row -> Versions.require(RESOURCE, id, expectedVersion, row.version()))
                .flatMap(row -> queries.projectsAndEvents(id).flatMap(counts -> counts[0] + counts[1] == 0
                        ? programmes.delete(row)
                        : Mono.error(new ConflictException("programme.hasProjectsOrEvents", id, counts[0], counts[1]))))
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException("programme.stillHasProjectsOrEvents", id));
    }

    Mono<ProgrammeRow> load(long id) {
        return programmes.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /**
     * Reads a programme for a change of one of its projects, share-locked until the transaction ends: a project
     * checked against the programme's key areas cannot race with a change that removes one of them (which locks the
     * programme for update before it looks at the projects).
     */
    Mono<ProgrammeRow> loadForProjectChange(long id) {
        return programmes.findForShareById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /** Rules that span fields; Bean Validation has already checked each field on its own. */
    private static List<FieldProblem> consistencyProblems(ProgrammeCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        problems.addAll(command.quotas().problems());
        problems.addAll(command.starRule().problems(command.keyAreas(), command.quotas().stars()));
        problems.addAll(command.enterpriseIndex().problems());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < command.keyAreas().size(); i++) {
            String code = command.keyAreas().get(i).code();
            if (!codes.add(code)) {
                problems.add(FieldProblem.of("keyAreas[" + i + "].code", "keyArea.codeTwice", code));
            }
        }
        return problems;
    }

    /** Completes empty when there is nothing wrong; otherwise fails with every problem. */
    static Mono<Void> rejectIfAny(List<FieldProblem> problems) {
        return problems.isEmpty() ? Mono.empty()
                : Mono.error(new RejectedRequestException(problems));
    }

    /** Saves the change; a step to CLOSED is checked before and heard of after, in the caller's transaction. */
    private Mono<ProgrammeRow> save(ProgrammeRow row, ProgrammeCommand command, String actor) {
        Mono<ProgrammeRow> saved = Mono.defer(() -> programmes.save(
                row.update(command, json.documents(command), clock.instant())));
        if (!ProgrammeClosing.closes(row.status(), command.status())) {
            return saved;
        }
        return closing.requireFinal(row.id()).then(saved)
                .flatMap(closed -> closing.closed(row.id(), actor).thenReturn(closed));
    }

    private static void requireTransition(ProgrammeRow row, ProgrammeStatus target) {
        if (target != null && !row.status().mayBecome(target)) {
            throw new ConflictException("status.transition", ExplainedException.resource(RESOURCE), row.id(),
                    row.status(), target, ExplainedException.listOrNone(List.copyOf(row.status().next())));
        }
    }

    private Mono<Void> requireKeyAreasKept(ProgrammeRow row, ProgrammeCommand command) {
        Set<String> kept = new HashSet<>();
        command.keyAreas().forEach(area -> kept.add(area.code()));
        return queries.keyAreasInUse(row.id()).flatMap(used -> {
            List<String> removed = used.stream().filter(code -> !kept.contains(code)).sorted().toList();
            return removed.isEmpty() ? Mono.empty()
                    : Mono.error(new ConflictException("programme.keyAreasInUse", row.id(), removed));
        });
    }

    private static ConflictException duplicate(ProgrammeCommand command) {
        return new ConflictException("programme.duplicate", command.year());
    }
}
