package io.jingsai.api.judging;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.event.PublicationCheck;
import io.jingsai.api.shared.FieldProblem;
import reactor.core.publisher.Flux;

/**
 * Results do not go out for review or publication while a deduction or disqualification waits for the chief judge:
 * each entry with one is named, once per kind, with how many wait.
 */
@Component
class PendingPenalties implements PublicationCheck {

    private final DatabaseClient database;

    PendingPenalties(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<FieldProblem> blockers(long eventId) {
        return database.sql("SELECT registration_id, kind, COUNT(*) AS waiting FROM penalty "
                        + "WHERE event_id = :eventId AND status = 'PENDING' "
                        + "GROUP BY registration_id, kind ORDER BY registration_id, kind")
                .bind("eventId", eventId)
                .map(row -> {
                    long entry = row.get("registration_id", Long.class);
                    String rule = PenaltyKind.valueOf(row.get("kind", String.class)) == PenaltyKind.DEDUCTION
                            ? "publication.pendingDeduction" : "publication.pendingDisqualification";
                    return FieldProblem.of("registration/" + entry, rule, entry, row.get("waiting", Long.class));
                })
                .all();
    }
}
