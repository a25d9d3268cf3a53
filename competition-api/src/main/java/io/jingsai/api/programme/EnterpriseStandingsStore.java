package io.jingsai.api.programme;

import java.util.Arrays;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.registration.RegistrationStatus;
import reactor.core.publisher.Flux;

/**
 * What the enterprises board needs of other features' rows: the enterprises taking part in a programme with the
 * contestants they entered, and whose each entry of the programme's events is. An entry takes part unless it is
 * withdrawn or absent (it competes). Reads only; names and regions, never credit codes nor personal data.
 */
@Component
class EnterpriseStandingsStore {

    /**
     * An enterprise with an entry taking part in the programme's events or a project of the programme.
     *
     * @param contestants distinct contestants of the enterprise entered in a way that takes part: alone, or as a
     *                    member of a team entry
     */
    record Participant(long id, String name, String regionCode, int contestants) {
    }

    /** An entry of one of the programme's events and the enterprise it is of (the contestant's or the team's). */
    record Entry(long registrationId, long eventId, long enterpriseId) {
    }

    /** A project of the programme and its host enterprise. */
    record Project(long id, long hostEnterpriseId) {
    }

    /** The registration statuses of entries that take part, as the registration feature states it. */
    private static final String[] COMPETING = Arrays.stream(RegistrationStatus.values())
            .filter(RegistrationStatus::competes).map(Enum::name).toArray(String[]::new);

    private final DatabaseClient database;

    EnterpriseStandingsStore(DatabaseClient database) {
        this.database = database;
    }

    Flux<Participant> participants(long programmeId) {
        return database.sql("""
                        WITH taking_part AS (
                            SELECT r.contestant_id, r.team_id
                            FROM registration r JOIN event e ON e.id = r.event_id
                            WHERE e.programme_id = :p AND r.status = ANY(:competing)),
                        entered AS (
                            SELECT c.enterprise_id, c.id AS contestant_id
                            FROM taking_part x JOIN contestant c ON c.id = x.contestant_id
                            UNION
                            SELECT c.enterprise_id, c.id
                            FROM taking_part x JOIN team_member m ON m.team_id = x.team_id
                                 JOIN contestant c ON c.id = m.contestant_id),
                        taking_part_enterprise AS (
                            SELECT enterprise_id FROM entered
                            UNION SELECT t.enterprise_id FROM taking_part x JOIN team t ON t.id = x.team_id
                            UNION SELECT host_enterprise_id FROM project WHERE programme_id = :p)
                        SELECT n.id, n.name, n.region_code, count(DISTINCT d.contestant_id) AS contestants
                        FROM enterprise n JOIN taking_part_enterprise k ON k.enterprise_id = n.id
                             LEFT JOIN entered d ON d.enterprise_id = n.id
                        GROUP BY n.id, n.name, n.region_code""")
                .bind("p", programmeId)
                .bind("competing", COMPETING)
                .map(row -> new Participant(row.get("id", Long.class), row.get("name", String.class),
                        row.get("region_code", String.class), row.get("contestants", Long.class).intValue()))
                .all();
    }

    Flux<Entry> entries(long programmeId) {
        return database.sql("""
                        SELECT r.id AS registration_id, r.event_id, COALESCE(c.enterprise_id, t.enterprise_id)
                               AS enterprise_id
                        FROM registration r JOIN event e ON e.id = r.event_id
                             LEFT JOIN contestant c ON c.id = r.contestant_id
                             LEFT JOIN team t ON t.id = r.team_id
                        WHERE e.programme_id = :p""")
                .bind("p", programmeId)
                .map(row -> new Entry(row.get("registration_id", Long.class), row.get("event_id", Long.class),
                        row.get("enterprise_id", Long.class)))
                .all();
    }

    Flux<Project> projects(long programmeId) {
        return database.sql("SELECT id, host_enterprise_id FROM project WHERE programme_id = :p")
                .bind("p", programmeId)
                .map(row -> new Project(row.get("id", Long.class), row.get("host_enterprise_id", Long.class)))
                .all();
    }
}
