package io.jingsai.api.programme;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * What the public project board shows of each project of a programme besides its place: its name, its host
 * enterprise's name (the enterprise feature's row; never its credit code), its aspect, key area and region.
 */
@Component
class ProjectFactsStore {

    /** A project as the public sees it. */
    record Facts(long id, String name, String hostEnterprise, String aspect, String keyArea, String regionCode) {
    }

    private final DatabaseClient database;

    ProjectFactsStore(DatabaseClient database) {
        this.database = database;
    }

    Flux<Facts> projects(long programmeId) {
        return database.sql("""
                        SELECT p.id, p.name, n.name AS host, p.aspect_code, p.key_area, p.region_code
                        FROM project p JOIN enterprise n ON n.id = p.host_enterprise_id
                        WHERE p.programme_id = :p""")
                .bind("p", programmeId)
                .map(row -> new Facts(row.get("id", Long.class), row.get("name", String.class),
                        row.get("host", String.class), row.get("aspect_code", String.class),
                        row.get("key_area", String.class), row.get("region_code", String.class)))
                .all();
    }
}
