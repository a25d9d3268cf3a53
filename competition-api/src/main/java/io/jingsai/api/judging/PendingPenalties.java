package io.jingsai.api.judging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.PublicationCheck;
import io.jingsai.api.shared.FieldProblem;
import reactor.core.publisher.Flux;

/**
 * What waits for the chief judge: the event's deductions and disqualifications still PENDING, read here only, for the
 * desk ({@link ChiefJudgeDesk}) and for publication. Results do not go out for review or publication while one
 * waits: each entry with one is named, once per kind, with how many wait.
 */
@Component
class PendingPenalties implements PublicationCheck {

    private final DatabaseClient database;

    PendingPenalties(DatabaseClient database) {
        this.database = database;
    }

    /** The event's pending deductions and disqualifications, oldest first, with their entry's numbers and judge. */
    Flux<DeskView.PendingPenalty> of(long eventId) {
        return database.sql("""
                        SELECT p.id, p.registration_id, r.registration_number, r.station_number, p.kind, p.aspect_id,
                               p.points, p.reason, p.judge_id, j.name AS judge_name, p.recorded_at
                        FROM penalty p JOIN registration r ON r.id = p.registration_id JOIN judge j ON j.id = p.judge_id
                        WHERE p.event_id = :eventId AND p.status = 'PENDING'
                        ORDER BY p.id""")
                .bind("eventId", eventId)
                .map(row -> new DeskView.PendingPenalty(row.get("id", Long.class),
                        row.get("registration_id", Long.class), row.get("registration_number", Integer.class),
                        row.get("station_number", String.class), PenaltyKind.valueOf(row.get("kind", String.class)),
                        row.get("aspect_id", String.class), row.get("points", BigDecimal.class),
                        row.get("reason", String.class), row.get("judge_id", Long.class),
                        row.get("judge_name", String.class), row.get("recorded_at", Instant.class)))
                .all();
    }

    @Override
    public Flux<FieldProblem> blockers(long eventId) {
        return of(eventId).collectList().flatMapIterable(PendingPenalties::blockers);
    }

    /** One problem per entry and kind, by entry and then kind. */
    private static List<FieldProblem> blockers(List<DeskView.PendingPenalty> pending) {
        Map<Long, Map<PenaltyKind, Long>> waiting = pending.stream().collect(Collectors.groupingBy(
                DeskView.PendingPenalty::registrationId, TreeMap::new,
                Collectors.groupingBy(DeskView.PendingPenalty::kind, TreeMap::new, Collectors.counting())));
        return waiting.entrySet().stream()
                .flatMap(entry -> entry.getValue().entrySet().stream()
                        .map(kind -> FieldProblem.of("registration/" + entry.getKey(), kind.getKey()
                                        == PenaltyKind.DEDUCTION ? "publication.pendingDeduction"
                                        : "publication.pendingDisqualification",
                                entry.getKey(), kind.getValue())))
                .toList();
    }
}
