package io.jingsai.api.judging;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The rule of an event's automatic panel assignment at marking time, written once for accepting marks and
 * deductions, the judges' worklists and the chief judge's desk: while the event has a plan, a judge of its panel
 * (role JUDGE) marks only the entries the plan gives them; the chief judge, outside the plan, and every judge of an
 * event without one, mark every entry they are not recused from. Recusal still applies on top.
 */
@Component
class PanelPlans {

    /**
     * True when the plan keeps judge {@code :judgeId} off entry {@code :registrationId} of event {@code :eventId}: a
     * condition for a statement that binds those three.
     */
    static final String KEPT_OFF = """
            (EXISTS (SELECT 1 FROM panel_plan p JOIN panel_member pm ON pm.event_id = p.event_id
                     WHERE p.event_id = :eventId AND pm.judge_id = :judgeId AND pm.role = 'JUDGE')
             AND NOT EXISTS (SELECT 1 FROM panel_plan_entry a WHERE a.event_id = :eventId AND a.judge_id = :judgeId
                             AND a.registration_id = :registrationId))""";

    private final DatabaseClient database;

    PanelPlans(DatabaseClient database) {
        this.database = database;
    }

    /** The entries the plan gives the judge; empty when the judge may mark every entry (no plan, or chief judge). */
    Mono<Optional<Set<Long>>> entriesOf(long eventId, long judgeId) {
        return database.sql("""
                        SELECT EXISTS (SELECT 1 FROM panel_plan p JOIN panel_member pm ON pm.event_id = p.event_id
                                       WHERE p.event_id = :eventId AND pm.judge_id = :judgeId
                                         AND pm.role = 'JUDGE') AS bound""")
                .bind("eventId", eventId).bind("judgeId", judgeId)
                .map(row -> Boolean.TRUE.equals(row.get("bound", Boolean.class)))
                .one()
                .flatMap(bound -> !bound ? Mono.just(Optional.<Set<Long>>empty())
                        : database.sql("SELECT registration_id FROM panel_plan_entry WHERE event_id = :eventId "
                                        + "AND judge_id = :judgeId")
                                .bind("eventId", eventId).bind("judgeId", judgeId)
                                .map(row -> row.get("registration_id", Long.class))
                                .all()
                                .collect(Collectors.toSet())
                                .map(Optional::of));
    }

    /** Every pair the plan gives, as {@code judge/registration}; empty when the event has no plan. */
    Mono<Optional<Set<String>>> pairs(long eventId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM panel_plan WHERE event_id = :eventId) AS planned")
                .bind("eventId", eventId)
                .map(row -> Boolean.TRUE.equals(row.get("planned", Boolean.class)))
                .one()
                .flatMap(planned -> !planned ? Mono.just(Optional.<Set<String>>empty())
                        : database.sql("SELECT judge_id, registration_id FROM panel_plan_entry "
                                        + "WHERE event_id = :eventId")
                                .bind("eventId", eventId)
                                .map(row -> row.get("judge_id", Long.class) + "/"
                                        + row.get("registration_id", Long.class))
                                .all()
                                .collect(Collectors.toSet())
                                .map(Optional::of));
    }
}
