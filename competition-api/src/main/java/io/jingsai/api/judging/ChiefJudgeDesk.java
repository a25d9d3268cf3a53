package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import io.jingsai.scoring.Rounding;
import io.jingsai.scoring.marking.JudgeConsistency;
import io.jingsai.scoring.marking.PanelMark;
import io.jingsai.scoring.scheme.Aspect;
import io.jingsai.scoring.scheme.AspectType;
import io.jingsai.scoring.scheme.MarkingScheme;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Builds the chief judge's desk from the panel, the recusals, the automatic assignment (if any), the current marks,
 * the results awaiting review and the deductions and disqualifications waiting for a decision
 * ({@link PendingPenalties}), all read in one snapshot so that its counts agree with each other. Consistency figures
 * come from the scoring engine ({@link JudgeConsistency}); which results need review is what the engine decided when
 * it scored them.
 */
@Component
class ChiefJudgeDesk {

    private static final Rounding FIGURES = Rounding.halfUp(3);

    private final DatabaseClient database;
    private final EventRulebook rulebook;
    private final Recusals recusals;
    private final PanelPlans plans;
    private final CurrentResults results;
    private final PendingPenalties pendingPenalties;
    private final BlindMarking blindMarking;

    ChiefJudgeDesk(DatabaseClient database, EventRulebook rulebook, Recusals recusals, PanelPlans plans,
                   CurrentResults results, PendingPenalties pendingPenalties, BlindMarking blindMarking) {
        this.database = database;
        this.rulebook = rulebook;
        this.recusals = recusals;
        this.plans = plans;
        this.results = results;
        this.pendingPenalties = pendingPenalties;
        this.blindMarking = blindMarking;
    }

    private record Member(long judgeId, String name, PanelRole role) {
    }

    private record Mark(long judgeId, long registrationId, String aspectId, BigDecimal value) {
    }

    /**
     * What the desk reads, in one snapshot.
     *
     * @param planned the pairs of the event's automatic assignment, {@code judge/registration}, if it has one
     */
    private record Found(EventStatus status, List<Member> members, Set<Long> entries, Set<String> recused,
                         Optional<Set<String>> planned, List<Mark> marks, List<AwaitingReview> review,
                         List<DeskView.PendingPenalty> pending) {

        /** A judge (role JUDGE) is expected to mark the entry: planned for them, if planned, and not recused. */
        boolean expects(long judgeId, long registrationId) {
            String pair = judgeId + "/" + registrationId;
            return !recused.contains(pair) && planned.map(pairs -> pairs.contains(pair)).orElse(true);
        }
    }

    /** The desk as this caller may see it: by station number only for the chief judge of an unrevealed blind event. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Mono<DeskView> desk(long eventId, Caller caller) {
        return blindMarking.hidesIdentitiesFrom(eventId, caller).flatMap(stationsOnly -> rulebook.rules(eventId)
                .flatMap(rules -> Mono.zip(status(eventId), members(eventId).collectList(),
                        competingEntries(eventId).collect(Collectors.toSet()),
                        recusals.of(eventId).map(r -> r.judgeId() + "/" + r.registrationId())
                                .collect(Collectors.toSet()),
                        plans.pairs(eventId),
                        marks(eventId).collectList(), results.awaitingReview(eventId).collectList(),
                        pendingPenalties.of(eventId).collectList())
                .map(read -> view(rules, new Found(read.getT1(), read.getT2(), read.getT3(), read.getT4(),
                        read.getT5(), read.getT6(), read.getT7(), read.getT8()), stationsOnly))));
    }

    private static DeskView view(EventRules rules, Found found, boolean stationsOnly) {
        MarkingScheme scheme = rules.scorer().scheme();
        List<Aspect> marked = scheme.aspects().stream().filter(aspect -> aspect.type() != AspectType.DEDUCTION)
                .toList();
        Set<String> markedIds = marked.stream().map(Aspect::id).collect(Collectors.toSet());
        List<Mark> counted = found.marks().stream()
                .filter(mark -> found.entries().contains(mark.registrationId()) && markedIds.contains(mark.aspectId()))
                .toList();
        List<DeskView.Review> review = review(found).stream()
                .map(entry -> stationsOnly ? entry.withoutIdentity() : entry).toList();
        List<DeskView.PendingPenalty> pending = found.pending().stream()
                .map(penalty -> stationsOnly ? penalty.withoutIdentity() : penalty).toList();
        return new DeskView(rules.eventId(), found.status(), progress(found, marked, counted), review,
                consistency(scheme, marked, counted), pending);
    }

    // --- progress --------------------------------------------------------------------------------------------------

    private static DeskView.Progress progress(Found found, List<Aspect> marked, List<Mark> counted) {
        List<DeskView.JudgeProgress> judges = new ArrayList<>();
        long toMark = 0;
        for (Member member : found.members()) {
            int entries = member.role() == PanelRole.JUDGE ? (int) found.entries().stream()
                    .filter(entry -> found.expects(member.judgeId(), entry)).count() : 0;
            List<Mark> own = counted.stream().filter(mark -> mark.judgeId() == member.judgeId()).toList();
            if (entries > 0 || !own.isEmpty()) {
                judges.add(new DeskView.JudgeProgress(member.judgeId(), member.name(), member.role(), entries,
                        (int) own.stream().map(Mark::registrationId).distinct().count(),
                        (long) entries * marked.size(), own.size()));
            }
            toMark += entries;
        }
        long perAspect = toMark;
        List<DeskView.AspectProgress> aspects = marked.stream()
                .map(aspect -> new DeskView.AspectProgress(aspect.id(), perAspect,
                        counted.stream().filter(mark -> mark.aspectId().equals(aspect.id())).count()))
                .toList();
        return new DeskView.Progress(found.entries().size(), perAspect * marked.size(), counted.size(), judges,
                aspects);
    }

    // --- review ----------------------------------------------------------------------------------------------------

    private static List<DeskView.Review> review(Found found) {
        return found.review().stream()
                .map(entry -> new DeskView.Review(entry.registrationId(), entry.registrationNumber(),
                        entry.stationNumber(), entry.aspectIds().stream()
                        .map(aspectId -> new DeskView.ReviewAspect(aspectId, found.marks().stream()
                                .filter(mark -> mark.registrationId() == entry.registrationId()
                                        && mark.aspectId().equals(aspectId))
                                .sorted(Comparator.comparingLong(Mark::judgeId))
                                .map(mark -> new DeskView.JudgeMark(mark.judgeId(), mark.value()))
                                .toList()))
                        .toList()))
                .toList();
    }

    // --- consistency -----------------------------------------------------------------------------------------------

    /**
     * Spread per aspect, each on its own scale (a measurement panel is apart when its judges differ at all); leniency
     * over judgement scores only, since a judge's deviation in points of different measurements does not add up.
     */
    private static DeskView.Consistency consistency(MarkingScheme scheme, List<Aspect> marked, List<Mark> counted) {
        BigDecimal allowed = BigDecimal.valueOf(scheme.judgementSpread());
        Map<String, List<PanelMark>> byAspect = counted.stream().collect(Collectors.groupingBy(Mark::aspectId,
                Collectors.mapping(ChiefJudgeDesk::panelMark, Collectors.toList())));
        List<DeskView.AspectSpread> spreads = new ArrayList<>();
        for (Aspect aspect : marked) {
            List<PanelMark> marks = byAspect.get(aspect.id());
            if (marks != null) {
                BigDecimal threshold = aspect.type() == AspectType.JUDGEMENT ? allowed : BigDecimal.ZERO;
                JudgeConsistency.AspectSpread spread = JudgeConsistency.analyse(marks, threshold).aspects().get(0);
                spreads.add(new DeskView.AspectSpread(aspect.id(), spread.panels(), spread.maxSpread(),
                        spread.meanSpread().round(FIGURES), spread.panelsAboveThreshold()));
            }
        }
        Set<String> judgement = marked.stream().filter(aspect -> aspect.type() == AspectType.JUDGEMENT)
                .map(Aspect::id).collect(Collectors.toSet());
        List<PanelMark> scores = counted.stream().filter(mark -> judgement.contains(mark.aspectId()))
                .map(ChiefJudgeDesk::panelMark).toList();
        List<DeskView.JudgeLeniency> leniency = JudgeConsistency.analyse(scores, allowed).judges().stream()
                .map(judge -> new DeskView.JudgeLeniency(Long.parseLong(judge.judgeId()), judge.marks(),
                        judge.meanDeviation().round(FIGURES), judge.outliers()))
                .sorted(Comparator.comparingLong(DeskView.JudgeLeniency::judgeId))
                .toList();
        return new DeskView.Consistency(scheme.judgementSpread(), spreads, leniency);
    }

    private static PanelMark panelMark(Mark mark) {
        return new PanelMark(mark.aspectId(), String.valueOf(mark.registrationId()), String.valueOf(mark.judgeId()),
                mark.value());
    }

    // --- rows ------------------------------------------------------------------------------------------------------

    private Mono<EventStatus> status(long eventId) {
        return database.sql("SELECT status FROM event WHERE id = :id").bind("id", eventId)
                .map(row -> EventStatus.valueOf(row.get("status", String.class)))
                .one();
    }

    private Flux<Member> members(long eventId) {
        return database.sql("SELECT pm.judge_id, pm.role, j.name FROM panel_member pm JOIN judge j ON j.id = "
                        + "pm.judge_id WHERE pm.event_id = :eventId ORDER BY pm.judge_id")
                .bind("eventId", eventId)
                .map(row -> new Member(row.get("judge_id", Long.class), row.get("name", String.class),
                        PanelRole.valueOf(row.get("role", String.class))))
                .all();
    }

    /** Entries still competing: registered or observing (an observer is marked like anyone). */
    private Flux<Long> competingEntries(long eventId) {
        return database.sql("SELECT id FROM registration WHERE event_id = :eventId "
                        + "AND status IN ('REGISTERED', 'OBSERVER')")
                .bind("eventId", eventId)
                .map(row -> row.get("id", Long.class))
                .all();
    }

    private Flux<Mark> marks(long eventId) {
        return database.sql("""
                        SELECT s.judge_id, s.registration_id, m.aspect_id, m.value
                        FROM score_sheet s JOIN mark m ON m.sheet_id = s.id AND m.sheet_version = s.version
                        WHERE s.event_id = :eventId""")
                .bind("eventId", eventId)
                .map(row -> new Mark(row.get("judge_id", Long.class), row.get("registration_id", Long.class),
                        row.get("aspect_id", String.class), row.get("value", BigDecimal.class)))
                .all();
    }
}
