package io.jingsai.api.judging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.audit.AuditChain;
import io.jingsai.api.audit.AuditRecord;
import io.jingsai.api.audit.AuditTrail;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An event's automatic panel assignment (分组评分): the panel's judges (role JUDGE; the chief judge supervises and
 * marks outside the plan) are given the competing entries by {@link PanelPlanner}, each entry the judges its scheme
 * needs ({@link JudgesNeeded}) or more, never a judge recused from it, the workloads as even as recusals allow.
 *
 * <p>The pool is the panel, not the registry: judges have no trade in the registry, and the panel is where
 * organizers choose an event's judges, give them accounts and record their conflicts. Only before marking starts
 * (DRAFT, OPEN): once judges mark, a new plan would strand sheets already given. Made again, a plan replaces the
 * previous one; the event row is locked meanwhile, so a plan never crosses a panel change or a status change. Every
 * plan joins the event's audit chain with the one it replaced.
 */
@Service
class PanelPlanService {

    private static final List<String> BEFORE_MARKING = List.of("DRAFT", "OPEN");

    private final DatabaseClient database;
    private final EventRulebook rulebook;
    private final Recusals recusals;
    private final AuditTrail audit;
    private final Clock clock;

    PanelPlanService(DatabaseClient database, EventRulebook rulebook, Recusals recusals, AuditTrail audit,
                     Clock clock) {
        this.database = database;
        this.rulebook = rulebook;
        this.recusals = recusals;
        this.audit = audit;
        this.clock = clock;
    }

    private record Entry(long registrationId, int number, String station) {
    }

    private record Member(long judgeId, String name) {
    }

    /** What a plan is made from: the pool of judges, the competing entries, the recusals. */
    private record Inputs(List<Long> judges, List<Entry> entries, Set<PanelPlanner.Recusal> recused) {
    }

    @Transactional
    Mono<PanelPlanView> assign(long eventId, PanelPlanCommand command, String by) {
        return lockBeforeMarking(eventId)
                .then(rulebook.rules(eventId))
                .flatMap(rules -> judgesPerEntry(command, JudgesNeeded.of(rules.scorer().scheme())))
                .flatMap(perEntry -> inputs(eventId)
                        .flatMap(inputs -> plan(eventId, inputs, perEntry, command.seed()))
                        .flatMap(plan -> replace(eventId, command.seed(), perEntry, plan, by)))
                .then(Mono.defer(() -> view(eventId)));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<PanelPlanView> current(long eventId) {
        return view(eventId);
    }

    // --- making a plan ---------------------------------------------------------------------------------------------

    private Mono<Void> lockBeforeMarking(long eventId) {
        return database.sql("SELECT status FROM event WHERE id = :id FOR UPDATE").bind("id", eventId)
                .map(row -> row.get("status", String.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("event", eventId)))
                .flatMap(status -> BEFORE_MARKING.contains(status) ? Mono.empty()
                        : Mono.error(new ConflictException("panelPlan.closed", eventId, status)));
    }

    private static Mono<Integer> judgesPerEntry(PanelPlanCommand command, JudgesNeeded needed) {
        if (command.judgesPerEntry() == null) {
            return Mono.just(needed.judges());
        }
        return command.judgesPerEntry() >= needed.judges() ? Mono.just(command.judgesPerEntry())
                : Mono.error(RejectedRequestException.of("judgesPerEntry", "panelPlan.belowMinimum", needed.judges(),
                        needed.aspectId()));
    }

    private Mono<Inputs> inputs(long eventId) {
        return Mono.zip(members(eventId).map(Member::judgeId).collectList(), competing(eventId).collectList(),
                        recusals.of(eventId).map(r -> new PanelPlanner.Recusal(r.judgeId(), r.registrationId()))
                                .collect(Collectors.toSet()))
                .map(found -> new Inputs(found.getT1(), found.getT2(), found.getT3()));
    }

    /** The plan, or a 409 naming what stands in the way; planned off the event loop, as a large event takes a while. */
    private static Mono<SortedMap<Long, List<Long>>> plan(long eventId, Inputs inputs, int perEntry, long seed) {
        if (inputs.entries().isEmpty()) {
            return Mono.error(new ConflictException("panelPlan.noEntries", eventId));
        }
        if (inputs.judges().size() < perEntry) {
            return Mono.error(new ConflictException("panelPlan.tooFewJudges", eventId, inputs.judges().size(),
                    perEntry));
        }
        Map<Long, Entry> entries = inputs.entries().stream()
                .collect(Collectors.toMap(Entry::registrationId, entry -> entry));
        List<PanelPlanner.Shortfall> shortfalls = PanelPlanner.shortfalls(inputs.judges(), entries.keySet(),
                inputs.recused(), perEntry);
        if (!shortfalls.isEmpty()) {
            List<FieldProblem> reasons = shortfalls.stream()
                    .map(shortfall -> FieldProblem.of("registration/" + shortfall.entryId(), "panelPlan.entryShort",
                            entries.get(shortfall.entryId()).number(), shortfall.judges(), perEntry))
                    .toList();
            return Mono.error(ConflictException.because(reasons, "panelPlan.entriesShort", eventId,
                    shortfalls.size(), perEntry));
        }
        return Mono.fromCallable(() -> PanelPlanner.plan(inputs.judges(), entries.keySet(), inputs.recused(),
                perEntry, seed)).subscribeOn(Schedulers.parallel());
    }

    private Mono<Void> replace(long eventId, long seed, int perEntry, SortedMap<Long, List<Long>> plan, String by) {
        Map<Long, List<Long>> byJudge = new TreeMap<>();
        plan.forEach((entry, judges) -> judges.forEach(judge ->
                byJudge.computeIfAbsent(judge, any -> new ArrayList<>()).add(entry)));
        return stored(eventId)
                .flatMap(before -> database.sql("DELETE FROM panel_plan WHERE event_id = :eventId")
                        .bind("eventId", eventId).then()
                        .then(database.sql("""
                                        INSERT INTO panel_plan (event_id, seed, judges_per_entry, made_at, made_by)
                                        VALUES (:eventId, :seed, :perEntry, :now, :by)""")
                                .bind("eventId", eventId).bind("seed", seed).bind("perEntry", perEntry)
                                .bind("now", clock.instant().truncatedTo(ChronoUnit.MICROS)).bind("by", by).then())
                        .then(insertEntries(eventId, byJudge))
                        .then(audit.record(AuditRecord.of(AuditChain.event(eventId), by, "panel.planned", "panel",
                                before.orElse(null), state(seed, perEntry, byJudge)))));
    }

    private Mono<Void> insertEntries(long eventId, Map<Long, List<Long>> byJudge) {
        List<Long> judges = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        byJudge.forEach((judge, own) -> own.forEach(entry -> {
            judges.add(judge);
            entries.add(entry);
        }));
        return database.sql("""
                        INSERT INTO panel_plan_entry (event_id, judge_id, registration_id)
                        SELECT :eventId, a.judge_id, a.registration_id
                        FROM unnest(:judges, :entries) AS a (judge_id, registration_id)""")
                .bind("eventId", eventId)
                .bind("judges", judges.toArray(Long[]::new))
                .bind("entries", entries.toArray(Long[]::new))
                .then();
    }

    /** The plan as the audit chain records it: the seed, the judges per entry, each judge's entries. */
    private static Map<String, Object> state(long seed, int perEntry, Map<Long, List<Long>> byJudge) {
        Map<String, List<Long>> judges = new LinkedHashMap<>();
        byJudge.forEach((judge, entries) -> judges.put(String.valueOf(judge), entries));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("seed", seed);
        state.put("judgesPerEntry", perEntry);
        state.put("judges", judges);
        return state;
    }

    /** The plan its rows hold now (a judge removed since took their entries along), before it is replaced. */
    private Mono<Optional<Map<String, Object>>> stored(long eventId) {
        return storedPlan(eventId).flatMap(row -> row.isEmpty() ? Mono.just(Optional.<Map<String, Object>>empty())
                : allotted(eventId).collect(Collectors.groupingBy(Allotted::judgeId, TreeMap::new,
                                Collectors.mapping(Allotted::registrationId, Collectors.toList())))
                        .map(byJudge -> Optional.of(state(row.get().seed(), row.get().judgesPerEntry(), byJudge))));
    }

    // --- the plan as it stands -------------------------------------------------------------------------------------

    private record PlanRow(long seed, int judgesPerEntry, Instant madeAt, String madeBy) {
    }

    private record Allotted(long judgeId, long registrationId) {
    }

    private Mono<PanelPlanView> view(long eventId) {
        return rulebook.rules(eventId).map(rules -> JudgesNeeded.of(rules.scorer().scheme()))
                .flatMap(needed -> storedPlan(eventId).flatMap(row -> row.isEmpty()
                        ? Mono.just(new PanelPlanView(eventId, false, null, null, needed.judges(), needed.aspectId(),
                                null, null, List.of(), List.of(), List.of()))
                        : Mono.zip(members(eventId).collectList(), competing(eventId).collectList(),
                                        allotted(eventId).collect(Collectors.toSet()),
                                        recusals.of(eventId).map(r -> new Allotted(r.judgeId(), r.registrationId()))
                                                .collect(Collectors.toSet()))
                                .map(found -> view(eventId, needed, row.get(), found.getT1(), found.getT2(),
                                        effective(found.getT3(), found.getT4())))));
    }

    /** Pairs the plan gives that count now: none a judge is recused from, however the recusal arose. */
    private static Set<Allotted> effective(Set<Allotted> allotted, Set<Allotted> recused) {
        return allotted.stream().filter(pair -> !recused.contains(pair)).collect(Collectors.toSet());
    }

    private static PanelPlanView view(long eventId, JudgesNeeded needed, PlanRow row, List<Member> members,
                                      List<Entry> competing, Set<Allotted> pairs) {
        List<PanelPlanView.JudgeEntries> judges = members.stream()
                .map(member -> {
                    List<Long> own = competing.stream().map(Entry::registrationId)
                            .filter(entry -> pairs.contains(new Allotted(member.judgeId(), entry))).sorted().toList();
                    return new PanelPlanView.JudgeEntries(member.judgeId(), member.name(), own.size(), own);
                })
                .toList();
        List<PanelPlanView.EntryJudges> entries = competing.stream()
                .sorted(Comparator.comparingInt(Entry::number))
                .map(entry -> new PanelPlanView.EntryJudges(entry.registrationId(), entry.number(), entry.station(),
                        members.stream().map(Member::judgeId)
                                .filter(judge -> pairs.contains(new Allotted(judge, entry.registrationId())))
                                .toList()))
                .toList();
        List<Long> uncovered = entries.stream().filter(entry -> entry.judgeIds().size() < needed.judges())
                .map(PanelPlanView.EntryJudges::registrationId).toList();
        return new PanelPlanView(eventId, true, row.seed(), row.judgesPerEntry(), needed.judges(), needed.aspectId(),
                row.madeAt(), row.madeBy(), judges, entries, uncovered);
    }

    // --- rows ------------------------------------------------------------------------------------------------------

    private Mono<Optional<PlanRow>> storedPlan(long eventId) {
        return database.sql("SELECT seed, judges_per_entry, made_at, made_by FROM panel_plan WHERE event_id = :eventId")
                .bind("eventId", eventId)
                .map(row -> new PlanRow(row.get("seed", Long.class), row.get("judges_per_entry", Integer.class),
                        row.get("made_at", Instant.class), row.get("made_by", String.class)))
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** The panel's judges, by id; the chief judge is not one of them. */
    private Flux<Member> members(long eventId) {
        return database.sql("""
                        SELECT pm.judge_id, j.name FROM panel_member pm JOIN judge j ON j.id = pm.judge_id
                        WHERE pm.event_id = :eventId AND pm.role = 'JUDGE' ORDER BY pm.judge_id""")
                .bind("eventId", eventId)
                .map(row -> new Member(row.get("judge_id", Long.class), row.get("name", String.class)))
                .all();
    }

    /** Entries that compete: registered or observing (withdrawn and absent ones take no marks). */
    private Flux<Entry> competing(long eventId) {
        return database.sql("""
                        SELECT id, registration_number, station_number FROM registration
                        WHERE event_id = :eventId AND status IN ('REGISTERED', 'OBSERVER') ORDER BY id""")
                .bind("eventId", eventId)
                .map(row -> new Entry(row.get("id", Long.class), row.get("registration_number", Integer.class),
                        row.get("station_number", String.class)))
                .all();
    }

    private Flux<Allotted> allotted(long eventId) {
        return database.sql("SELECT judge_id, registration_id FROM panel_plan_entry WHERE event_id = :eventId "
                        + "ORDER BY judge_id, registration_id")
                .bind("eventId", eventId)
                .map(row -> new Allotted(row.get("judge_id", Long.class), row.get("registration_id", Long.class)))
                .all();
    }
}
