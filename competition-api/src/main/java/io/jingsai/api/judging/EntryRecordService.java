package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.Caller;
import io.jingsai.api.account.Role;
import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.judging.MarkingGuards.LockedEvent;
import io.jingsai.api.result.EntryResults;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.IdempotencyKey;
import io.jingsai.api.shared.IdempotentRequests;
import io.jingsai.api.shared.IdempotentRequests.Answer;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import io.jingsai.api.shared.StaleVersionException;
import io.jingsai.api.shared.VersionRequiredException;
import io.jingsai.api.shared.Versions;
import io.jingsai.scoring.scheme.AspectType;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Officials' records of entries (赛务记录): the completion time, a tie-break key, and declared difficulties, which
 * multiply their aspects' marks. Kept by the event's organizers and chief judge while the event is OPEN or MARKING;
 * during public review only the chief judge corrects them, with a reason. Each change replaces the whole record,
 * recomputes the entry's result (if it has one) in the same transaction, and is audited with the record replaced.
 * {@code Idempotency-Key} makes retries safe, as for score sheets.
 */
@Service
class EntryRecordService {

    static final String RESOURCE = "entryRecord";
    /** Completion times are kept to the millisecond. */
    private static final int SECONDS_SCALE = 3;
    private static final TypeReference<Map<String, BigDecimal>> DIFFICULTY = new TypeReference<>() { };

    private final DatabaseClient database;
    private final MarkingGuards guards;
    private final EventRulebook rulebook;
    private final EntryResults results;
    private final IdempotentRequests idempotent;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    EntryRecordService(DatabaseClient database, MarkingGuards guards, EventRulebook rulebook, EntryResults results,
                       IdempotentRequests idempotent, AuditTrail audit, JsonMapper json, Clock clock) {
        this.database = database;
        this.guards = guards;
        this.rulebook = rulebook;
        this.results = results;
        this.idempotent = idempotent;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    private record Stored(long version, BigDecimal completionSeconds, Map<String, BigDecimal> difficulty,
                          Instant recordedAt, String recordedBy) {
    }

    /**
     * Keeps the entry's record: the first one without {@code expectedVersion} (412 with one: there is no version
     * yet), later ones naming the current version (428 without, 412 when stale).
     */
    @Transactional
    Mono<Answer<EntryRecordView>> keep(long eventId, long registrationId, Long expectedVersion, Caller caller,
                                       IdempotencyKey key, EntryRecordCommand command) {
        String request = "PUT /api/events/" + eventId + "/registrations/" + registrationId + "/record\nIf-Match: "
                + expectedVersion + "\n" + command.canonical();
        return idempotent.once(caller.accountId(), key, request, EntryRecordView.class,
                Mono.defer(() -> accept(eventId, registrationId, expectedVersion, caller, command)
                        .map(view -> Answer.of(200, view, view.version(), null))));
    }

    private Mono<EntryRecordView> accept(long eventId, long registrationId, Long expectedVersion, Caller caller,
                                         EntryRecordCommand command) {
        return guards.lockEvent(eventId)
                .flatMap(event -> requireMayKeep(event, caller, command.reason())
                        .then(guards.lockEntry(eventId, registrationId))
                        .then(rulebook.rules(eventId, event.version()))
                        .flatMap(rules -> write(rules, event, registrationId, expectedVersion, caller, command)));
    }

    /** The entry's current record; 404 when nothing was recorded. */
    Mono<EntryRecordView> find(long eventId, long registrationId) {
        return database.sql("SELECT 1 FROM registration WHERE id = :id AND event_id = :eventId")
                .bind("id", registrationId).bind("eventId", eventId)
                .map(row -> 1)
                .one()
                .switchIfEmpty(Mono.error(() -> NotFoundException.because("notFound.registration", registrationId,
                        eventId)))
                .then(current(registrationId))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, registrationId)))
                .map(stored -> view(eventId, registrationId, stored));
    }

    private static Mono<Void> requireMayKeep(LockedEvent event, Caller caller, String reason) {
        if (event.status().compareTo(EventStatus.REVIEW) >= 0) {
            return Corrections.require(event, caller, reason);
        }
        if (event.status() != EventStatus.OPEN && event.status() != EventStatus.MARKING) {
            return Mono.error(new ConflictException("entryRecord.notOpen", event.id(), event.status()));
        }
        boolean official = caller.isAdmin() || caller.holdsOnEvent(event.id(), event.programmeId(),
                List.of(Role.ORGANIZER, Role.CHIEF_JUDGE));
        return official ? Mono.empty() : Mono.error(AccessRefusedException.forbidden("entryRecord.officials"));
    }

    private Mono<EntryRecordView> write(EventRules rules, LockedEvent event, long registrationId,
                                        Long expectedVersion, Caller caller, EntryRecordCommand command) {
        List<FieldProblem> problems = problems(rules, command);
        if (!problems.isEmpty()) {
            return Mono.error(new RejectedRequestException(problems));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, BigDecimal> difficulty = new LinkedHashMap<>();
        command.difficulty().forEach(entry -> difficulty.put(entry.aspectId(), entry.multiplier()));
        Stored next = new Stored(0, command.completionSeconds(), difficulty, now, caller.username());
        return current(registrationId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> save(event.id(), registrationId, expectedVersion, current, next)
                        .flatMap(saved -> results.refresh(rules, registrationId)
                                .then(audit.record(new AuditRecord(AuditChain.event(event.id()), caller.username(),
                                        current.isEmpty() ? "entryRecord.kept" : "entryRecord.changed",
                                        "registration/" + registrationId, command.reason(),
                                        current.map(EntryRecordService::state).orElse(null), state(saved))))
                                .thenReturn(view(event.id(), registrationId, saved))));
    }

    private Mono<Stored> save(long eventId, long registrationId, Long expectedVersion, Optional<Stored> current,
                              Stored next) {
        if (current.isEmpty()) {
            if (expectedVersion != null) {
                return Mono.error(new StaleVersionException("entryRecord.noneYet", registrationId));
            }
            return insert(eventId, registrationId, next);
        }
        if (expectedVersion == null) {
            return Mono.error(new VersionRequiredException());
        }
        Versions.require(RESOURCE, registrationId, expectedVersion, current.get().version());
        return update(registrationId, current.get().version(), next);
    }

    /** Difficulties name MEASUREMENT aspects of the scheme, each once; times are kept to the millisecond. */
    private static List<FieldProblem> problems(EventRules rules, EntryRecordCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal seconds = command.completionSeconds();
        if (seconds != null && seconds.stripTrailingZeros().scale() > SECONDS_SCALE) {
            problems.add(new FieldProblem("completionSeconds", "record.completionPrecision"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.difficulty().size(); i++) {
            String aspectId = command.difficulty().get(i).aspectId();
            boolean measured = rules.aspect(aspectId).filter(aspect -> aspect.type() == AspectType.MEASUREMENT)
                    .isPresent();
            if (!measured) {
                problems.add(new FieldProblem("difficulty[" + i + "].aspectId", "record.difficultyAspect"));
            } else if (!seen.add(aspectId)) {
                problems.add(new FieldProblem("difficulty[" + i + "].aspectId", "record.difficultyTwice"));
            }
        }
        return problems;
    }

    private static Map<String, Object> state(Stored stored) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("version", stored.version());
        state.put("completionSeconds", stored.completionSeconds());
        state.put("difficulty", stored.difficulty());
        return state;
    }

    private static EntryRecordView view(long eventId, long registrationId, Stored stored) {
        List<EntryRecordCommand.Difficulty> difficulty = stored.difficulty().entrySet().stream()
                .map(entry -> new EntryRecordCommand.Difficulty(entry.getKey(), entry.getValue())).toList();
        return new EntryRecordView(eventId, registrationId, stored.completionSeconds(), difficulty,
                stored.recordedAt(), stored.recordedBy(), stored.version());
    }

    // --- rows ------------------------------------------------------------------------------------------------------

    private Mono<Stored> current(long registrationId) {
        return database.sql("SELECT version, completion_seconds, difficulty, recorded_at, recorded_by "
                        + "FROM entry_record WHERE registration_id = :id")
                .bind("id", registrationId)
                .map(row -> new Stored(row.get("version", Long.class), row.get("completion_seconds", BigDecimal.class),
                        json.readValue(row.get("difficulty", String.class), DIFFICULTY),
                        row.get("recorded_at", Instant.class), row.get("recorded_by", String.class)))
                .one();
    }

    private Mono<Stored> insert(long eventId, long registrationId, Stored next) {
        return bind(database.sql("""
                        INSERT INTO entry_record (registration_id, event_id, completion_seconds, difficulty, version,
                                                  recorded_at, recorded_by)
                        VALUES (:id, :eventId, :seconds, :difficulty, 0, :now, :by)"""), next)
                .bind("id", registrationId).bind("eventId", eventId)
                .then()
                .thenReturn(next);
    }

    private Mono<Stored> update(long registrationId, long version, Stored next) {
        return bind(database.sql("""
                        UPDATE entry_record SET completion_seconds = :seconds, difficulty = :difficulty,
                               version = version + 1, recorded_at = :now, recorded_by = :by
                        WHERE registration_id = :id AND version = :version RETURNING version"""), next)
                .bind("id", registrationId).bind("version", version)
                .map(row -> row.get("version", Long.class))
                .one()
                .switchIfEmpty(Mono.error(() -> StaleVersionException.changedMeanwhile(RESOURCE, registrationId)))
                .map(saved -> new Stored(saved, next.completionSeconds(), next.difficulty(), next.recordedAt(),
                        next.recordedBy()));
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec sql, Stored next) {
        DatabaseClient.GenericExecuteSpec bound = next.completionSeconds() == null
                ? sql.bindNull("seconds", BigDecimal.class) : sql.bind("seconds", next.completionSeconds());
        return bound.bind("difficulty", json.writeValueAsString(next.difficulty()))
                .bind("now", next.recordedAt()).bind("by", next.recordedBy());
    }
}
