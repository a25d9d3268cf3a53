package io.jingsai.api.judging;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which entries each judge of a panel may not mark (回避), written once for the panel's page and for accepting
 * marks: never an entrant of the judge's own enterprise — for a team, neither the team's enterprise nor any
 * member's — and never an entry the judge declared a conflict of interest with. Judges without an enterprise are
 * recused only by declaration.
 */
@Component
class Recusals {

    private static final String OWN_ENTERPRISE = """
            SELECT pm.judge_id, r.id AS registration_id, r.registration_number, 'OWN_ENTERPRISE' AS cause,
                   NULL AS reason
            FROM panel_member pm
            JOIN judge j ON j.id = pm.judge_id
            JOIN registration r ON r.event_id = pm.event_id
            LEFT JOIN contestant c ON c.id = r.contestant_id
            LEFT JOIN team t ON t.id = r.team_id
            WHERE pm.event_id = :eventId AND j.enterprise_id IS NOT NULL
              AND (c.enterprise_id = j.enterprise_id OR t.enterprise_id = j.enterprise_id
                   OR EXISTS (SELECT 1 FROM team_member tm JOIN contestant m ON m.id = tm.contestant_id
                              WHERE tm.team_id = r.team_id AND m.enterprise_id = j.enterprise_id))""";

    private static final String DECLARED = """
            SELECT d.judge_id, d.registration_id, r.registration_number, 'DECLARED' AS cause, d.reason
            FROM declared_conflict d JOIN registration r ON r.id = d.registration_id
            WHERE d.event_id = :eventId""";

    /** Own enterprise first: an entry recused for both causes is listed once, for its enterprise. */
    private static final String ALL = "SELECT DISTINCT ON (judge_id, registration_id) * FROM (" + OWN_ENTERPRISE
            + " UNION ALL " + DECLARED + ") recusal ORDER BY judge_id, registration_id, cause DESC";

    /**
     * Whether the judge {@code :judgeId} may not mark the entry {@code :registrationId} of the event {@code :eventId}:
     * a condition for other statements that check a judge's seat with what else they read (false for a null judge).
     */
    static final String RECUSED = "EXISTS (SELECT 1 FROM (" + OWN_ENTERPRISE + " UNION ALL " + DECLARED
            + ") recusal WHERE judge_id = :judgeId AND registration_id = :registrationId)";

    private final DatabaseClient database;

    Recusals(DatabaseClient database) {
        this.database = database;
    }

    /** Every recusal on the event's panel, by judge and then registration. */
    Flux<RecusalView> of(long eventId) {
        return database.sql(ALL)
                .bind("eventId", eventId)
                .map(row -> new RecusalView(row.get("judge_id", Long.class), row.get("registration_id", Long.class),
                        row.get("registration_number", Integer.class),
                        RecusalCause.valueOf(row.get("cause", String.class)), row.get("reason", String.class)))
                .all();
    }

    /** Those of these entries of the event that the judge may not mark. */
    Mono<Set<Long>> recusedAmong(long eventId, long judgeId, Collection<Long> registrationIds) {
        return database.sql("SELECT DISTINCT registration_id FROM (" + OWN_ENTERPRISE + " UNION ALL " + DECLARED
                        + ") recusal WHERE judge_id = :judgeId "
                        + "AND registration_id = ANY(CAST(:registrations AS BIGINT[]))")
                .bind("eventId", eventId)
                .bind("judgeId", judgeId)
                .bind("registrations", registrationIds.toArray(Long[]::new))
                .map(row -> row.get("registration_id", Long.class))
                .all()
                .collect(Collectors.toSet());
    }
}
