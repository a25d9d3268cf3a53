package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.Caller;
import io.jingsai.api.event.BlindMarking;
import io.jingsai.api.event.EventRules;
import io.jingsai.api.event.EventRulebook;
import io.jingsai.api.event.EventStatus;
import io.jingsai.api.result.CurrentResults;
import io.jingsai.api.result.CurrentResults.AwaitingReview;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A judge's worklist: the entries the signed-in judge may mark in an event (under its automatic assignment, if it
 * has one: {@link PanelPlans}) and their own sheets, in one snapshot; in a blind event, until identities are
 * revealed, by station number only ({@link BlindMarking}).
 */
@Component
class JudgeWorklist {

    private final DatabaseClient database;
    private final EventRulebook rulebook;
    private final Recusals recusals;
    private final PanelPlans plans;
    private final CurrentResults results;
    private final MarkingGuards guards;
    private final BlindMarking blindMarking;

    JudgeWorklist(DatabaseClient database, EventRulebook rulebook, Recusals recusals, PanelPlans plans,
                  CurrentResults results, MarkingGuards guards, BlindMarking blindMarking) {
        this.database = database;
        this.guards = guards;
        this.rulebook = rulebook;
        this.recusals = recusals;
        this.plans = plans;
        this.results = results;
        this.blindMarking = blindMarking;
    }

    private record Competing(long registrationId, int number, String station) {
    }

    private record OwnSheet(long registrationId, long version, List<WorklistView.Mark> marks) {
    }

    /** The signed-in judge's worklist; 403 for an account of no judge, or of a judge not on the event's panel. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<WorklistView> of(long eventId, Caller caller) {
        return rulebook.rules(eventId).flatMap(rules -> guards.panelJudgeOf(eventId, caller)
                .flatMap(judgeId -> Mono.zip(status(eventId), competingFor(eventId, judgeId),
                                recusals.of(eventId).filter(recusal -> recusal.judgeId() == judgeId)
                                        .map(RecusalView::registrationId).collect(Collectors.toSet()),
                                sheets(eventId, judgeId).collectMap(OwnSheet::registrationId),
                                results.awaitingReview(eventId)
                                        .collectMap(AwaitingReview::registrationId, AwaitingReview::aspectIds),
                                blindMarking.hidesIdentitiesFrom(eventId, caller))
                        .map(read -> view(rules, judgeId, read.getT1(), read.getT2(), read.getT3(), read.getT4(),
                                read.getT5(), read.getT6()))));
    }

    private static WorklistView view(EventRules rules, long judgeId, EventStatus status, List<Competing> competing,
                                     Set<Long> recused, Map<Long, OwnSheet> sheets,
                                     Map<Long, List<String>> awaitingReview, boolean stationsOnly) {
        List<WorklistView.AspectToMark> aspects = rules.scorer().scheme().aspects().stream()
                .filter(aspect -> aspect.type() != AspectType.DEDUCTION)
                .map(JudgeWorklist::toMark)
                .toList();
        List<WorklistView.Entry> entries = competing.stream()
                .filter(entry -> !recused.contains(entry.registrationId()))
                .sorted(Comparator.comparing(Competing::station, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingInt(Competing::number))
                .map(entry -> entry(entry, aspects.size(), Optional.ofNullable(sheets.get(entry.registrationId())),
                        awaitingReview.getOrDefault(entry.registrationId(), List.of())))
                .map(entry -> stationsOnly ? entry.withoutIdentity() : entry)
                .toList();
        return new WorklistView(rules.eventId(), status, status == EventStatus.MARKING, judgeId, aspects, entries,
                counts(entries));
    }

    private static WorklistView.AspectToMark toMark(Aspect aspect) {
        return new WorklistView.AspectToMark(aspect.id(), aspect.description(), aspect.type(), aspect.maxMark(),
                aspect.levelDescriptors(), aspect.allowedMarks());
    }

    /** An entry as the judge sees it; only aspects the judge marked are theirs to re-mark. */
    private static WorklistView.Entry entry(Competing entry, int aspects, Optional<OwnSheet> sheet,
                                            List<String> awaitingReview) {
        List<WorklistView.Mark> marks = sheet.map(OwnSheet::marks).orElse(List.of());
        Set<String> marked = marks.stream().map(WorklistView.Mark::aspectId).collect(Collectors.toSet());
        List<String> toReview = awaitingReview.stream().filter(marked::contains).toList();
        WorklistView.Progress progress = sheet.isEmpty() ? WorklistView.Progress.TO_MARK
                : !toReview.isEmpty() ? WorklistView.Progress.TO_REVIEW
                : marks.size() < aspects ? WorklistView.Progress.PARTLY_MARKED
                : WorklistView.Progress.MARKED;
        return new WorklistView.Entry(entry.registrationId(), entry.number(), entry.station(), progress,
                sheet.map(OwnSheet::version).orElse(null), marks, toReview);
    }

    private static WorklistView.Counts counts(List<WorklistView.Entry> entries) {
        Map<WorklistView.Progress, Long> by = entries.stream()
                .collect(Collectors.groupingBy(WorklistView.Entry::progress, Collectors.counting()));
        return new WorklistView.Counts(entries.size(), count(by, WorklistView.Progress.TO_MARK),
                count(by, WorklistView.Progress.PARTLY_MARKED), count(by, WorklistView.Progress.MARKED),
                count(by, WorklistView.Progress.TO_REVIEW));
    }

    private static int count(Map<WorklistView.Progress, Long> by, WorklistView.Progress progress) {
        return by.getOrDefault(progress, 0L).intValue();
    }

    // --- rows ------------------------------------------------------------------------------------------------------

    private Mono<EventStatus> status(long eventId) {
        return database.sql("SELECT status FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> EventStatus.valueOf(row.get("status", String.class)))
                .one();
    }

    /** The competing entries the judge may mark under the event's automatic assignment, if it has one. */
    private Mono<List<Competing>> competingFor(long eventId, long judgeId) {
        return plans.entriesOf(eventId, judgeId).flatMap(planned -> competing(eventId)
                .filter(entry -> planned.map(own -> own.contains(entry.registrationId())).orElse(true))
                .collectList());
    }

    private Flux<Competing> competing(long eventId) {
        return database.sql("SELECT id, registration_number, station_number FROM registration "
                        + "WHERE event_id = :eventId AND status IN ('REGISTERED', 'OBSERVER')")
                .bind("eventId", eventId)
                .map(row -> new Competing(row.get("id", Long.class), row.get("registration_number", Integer.class),
                        row.get("station_number", String.class)))
                .all();
    }

    private record SheetMark(long registrationId, long version, WorklistView.Mark mark) {
    }

    private Flux<OwnSheet> sheets(long eventId, long judgeId) {
        return database.sql("""
                        SELECT s.registration_id, s.version, m.aspect_id, m.value
                        FROM score_sheet s JOIN mark m ON m.sheet_id = s.id AND m.sheet_version = s.version
                        WHERE s.event_id = :eventId AND s.judge_id = :judgeId
                        ORDER BY s.registration_id, m.position""")
                .bind("eventId", eventId).bind("judgeId", judgeId)
                .map(row -> new SheetMark(row.get("registration_id", Long.class), row.get("version", Long.class),
                        new WorklistView.Mark(row.get("aspect_id", String.class), row.get("value", BigDecimal.class))))
                .all()
                .bufferUntilChanged(SheetMark::registrationId)
                .map(marks -> new OwnSheet(marks.get(0).registrationId(), marks.get(0).version(),
                        marks.stream().map(SheetMark::mark).toList()));
    }
}
