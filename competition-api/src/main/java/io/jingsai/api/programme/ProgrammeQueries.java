package io.jingsai.api.programme;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Questions about rows other features own (enterprises, aspects, events), asked in SQL so that this feature never
 * touches their rows or repositories.
 */
@Component
class ProgrammeQueries {

    private final DatabaseClient db;

    ProgrammeQueries(DatabaseClient db) {
        this.db = db;
    }

    /** Projects and events of a programme, in that order. */
    Mono<long[]> projectsAndEvents(long programmeId) {
        return db.sql("SELECT (SELECT count(*) FROM project WHERE programme_id = :id),"
                        + " (SELECT count(*) FROM event WHERE programme_id = :id)")
                .bind("id", programmeId)
                .map(row -> new long[] {row.get(0, Long.class), row.get(1, Long.class)})
                .one();
    }

    /** The key-area codes that projects of a programme use. */
    Mono<List<String>> keyAreasInUse(long programmeId) {
        return db.sql("SELECT DISTINCT key_area FROM project WHERE programme_id = :id AND key_area IS NOT NULL")
                .bind("id", programmeId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList();
    }

    Mono<Boolean> enterpriseExists(long enterpriseId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM enterprise WHERE id = :id)")
                .bind("id", enterpriseId)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /** The six aspect codes, in their official order. */
    Mono<List<String>> aspectCodes() {
        return db.sql("SELECT code FROM aspect ORDER BY position")
                .map(row -> row.get(0, String.class))
                .all()
                .collectList();
    }

    /** Events of a project. */
    Mono<Long> eventsOfProject(long projectId) {
        return db.sql("SELECT count(*) FROM event WHERE project_id = :id")
                .bind("id", projectId)
                .map(row -> row.get(0, Long.class))
                .one();
    }
}
