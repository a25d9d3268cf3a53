package io.jingsai.api.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of the project evaluation: one round per programme (its status, locked by every write) and one evaluation
 * per project. Versions are checked in SQL, so a concurrent writer is caught even after the read.
 */
@Component
class EvaluationStore {

    private static final TypeReference<List<KpiIndicator>> INDICATORS = new TypeReference<>() { };
    private static final TypeReference<List<IndicatorValue>> VALUES = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, BigDecimal>> SCORES = new TypeReference<>() { };

    private static final String COLUMNS = "project_id, programme_id, indicators, entered_values, indicator_scores, "
            + "score, version, entered_by, updated_at";

    /** The stored round of a programme, or the one it has before anything is stored. */
    record Round(long programmeId, EvaluationStatus status, long version, Instant updatedAt) {
        static Round initial(long programmeId) {
            return new Round(programmeId, EvaluationStatus.ENTERED, 0, null);
        }
    }

    /** A project's stored evaluation. */
    record Evaluation(long projectId, long programmeId, List<KpiIndicator> indicators, List<IndicatorValue> values,
                      Map<String, BigDecimal> indicatorScores, BigDecimal score, long version, String enteredBy,
                      Instant updatedAt) {

        Map<String, BigDecimal> valuesByIndicator() {
            Map<String, BigDecimal> byCode = new LinkedHashMap<>();
            values.forEach(value -> byCode.put(value.indicator(), value.value()));
            return byCode;
        }
    }

    private final DatabaseClient db;
    private final JsonMapper json;

    EvaluationStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Round> round(long programmeId) {
        return db.sql("SELECT status, version, updated_at FROM project_evaluation_round WHERE programme_id = :id")
                .bind("id", programmeId)
                .map(row -> round(programmeId, row))
                .one()
                .defaultIfEmpty(Round.initial(programmeId));
    }

    /**
     * The round, locked until the transaction ends: writes of values and steps of the round of one programme take
     * turns, so scores are computed from one set of values and nothing changes while the round moves on.
     */
    Mono<Round> lockRound(long programmeId, Instant now) {
        return db.sql("INSERT INTO project_evaluation_round (programme_id, status, version, updated_at) "
                        + "VALUES (:id, 'ENTERED', 0, :now) ON CONFLICT (programme_id) DO NOTHING")
                .bind("id", programmeId).bind("now", now)
                .fetch().rowsUpdated()
                .then(db.sql("SELECT status, version, updated_at FROM project_evaluation_round "
                                + "WHERE programme_id = :id FOR UPDATE")
                        .bind("id", programmeId)
                        .map(row -> round(programmeId, row))
                        .one());
    }

    /** Moves a locked round on; the version the caller read was checked on the locked row. */
    Mono<Round> moveRound(Round round, EvaluationStatus status, Instant now) {
        return db.sql("UPDATE project_evaluation_round SET status = :status, version = version + 1, "
                        + "updated_at = :now WHERE programme_id = :id RETURNING status, version, updated_at")
                .bind("status", status.name()).bind("now", now).bind("id", round.programmeId())
                .map(row -> round(round.programmeId(), row))
                .one();
    }

    Mono<Evaluation> evaluation(long projectId) {
        return db.sql("SELECT " + COLUMNS + " FROM project_evaluation WHERE project_id = :id")
                .bind("id", projectId)
                .map(this::evaluation)
                .one();
    }

    Flux<Evaluation> evaluations(long programmeId) {
        return db.sql("SELECT " + COLUMNS + " FROM project_evaluation WHERE programme_id = :id ORDER BY project_id")
                .bind("id", programmeId)
                .map(this::evaluation)
                .all();
    }

    /**
     * Stores a project's values at the next version (1 for the first), with provisional scores that
     * {@link #rescore} replaces in the same transaction; false if another writer got there first.
     */
    Mono<Boolean> save(long projectId, long programmeId, List<KpiIndicator> indicators, List<IndicatorValue> values,
                       long expectedVersion, String enteredBy, Instant now) {
        String sql = expectedVersion == 0
                ? "INSERT INTO project_evaluation (" + COLUMNS + ") VALUES (:project, :programme, :indicators, "
                        + ":values, '{}', 0, 1, :by, :now) ON CONFLICT (project_id) DO NOTHING"
                : "UPDATE project_evaluation SET indicators = :indicators, entered_values = :values, "
                        + "version = version + 1, entered_by = :by, updated_at = :now "
                        + "WHERE project_id = :project AND programme_id = :programme AND version = :expected";
        DatabaseClient.GenericExecuteSpec statement = db.sql(sql)
                .bind("project", projectId).bind("programme", programmeId)
                .bind("indicators", write(indicators)).bind("values", write(values))
                .bind("by", enteredBy).bind("now", now);
        if (expectedVersion != 0) {
            statement = statement.bind("expected", expectedVersion);
        }
        return statement.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Stores new scores where they changed. What a project's evaluation shows then changed, so its version moves on
     * too (a client holding the old one must read it again), except for the project whose values were just saved,
     * whose version {@link #save} already moved.
     */
    Mono<Void> rescore(Map<Long, ProjectScoring.ProjectScore> scores, long savedProject) {
        if (scores.isEmpty()) {
            return Mono.empty();
        }
        Long[] ids = scores.keySet().toArray(Long[]::new);
        BigDecimal[] totals = new BigDecimal[ids.length];
        String[] perIndicator = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            totals[i] = scores.get(ids[i]).score();
            perIndicator[i] = json.writeValueAsString(scores.get(ids[i]).indicatorScores());
        }
        return db.sql("UPDATE project_evaluation e SET score = s.score, indicator_scores = s.scores::jsonb, "
                        + "version = CASE WHEN e.project_id = :saved THEN e.version ELSE e.version + 1 END "
                        + "FROM unnest(:ids::bigint[], :totals::numeric[], :scores::text[]) AS s(id, score, scores) "
                        + "WHERE e.project_id = s.id "
                        + "AND (e.score <> s.score OR e.indicator_scores <> s.scores::jsonb)")
                .bind("ids", ids).bind("totals", totals).bind("scores", perIndicator).bind("saved", savedProject)
                .then();
    }

    /** A project of the programme as the evaluation sees it: those with indicators are the ones it covers. */
    record Project(long id, String name, boolean hasIndicators) {
    }

    Flux<Project> projects(long programmeId) {
        return db.sql("SELECT id, name, jsonb_array_length(indicators) > 0 AS has_indicators FROM project "
                        + "WHERE programme_id = :id")
                .bind("id", programmeId)
                .map(row -> new Project(row.get("id", Long.class), row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("has_indicators", Boolean.class))))
                .all();
    }

    private Round round(long programmeId, Readable row) {
        return new Round(programmeId, EvaluationStatus.valueOf(row.get("status", String.class)),
                row.get("version", Long.class), row.get("updated_at", Instant.class));
    }

    private Evaluation evaluation(Readable row) {
        return new Evaluation(row.get("project_id", Long.class), row.get("programme_id", Long.class),
                read(row, "indicators", INDICATORS), read(row, "entered_values", VALUES),
                read(row, "indicator_scores", SCORES), row.get("score", BigDecimal.class),
                row.get("version", Long.class), row.get("entered_by", String.class),
                row.get("updated_at", Instant.class));
    }

    private <T> T read(Readable row, String column, TypeReference<T> type) {
        return json.readValue(row.get(column, Json.class).asArray(), type);
    }

    private Json write(Object value) {
        return Json.of(json.writeValueAsBytes(value));
    }
}
