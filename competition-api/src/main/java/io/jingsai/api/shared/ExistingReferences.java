package io.jingsai.api.shared;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks that the ids a request refers to exist, before anything is written, and reports every missing one at once
 * as a 400 naming the field. Features check references to other features through here instead of reaching into
 * their repositories.
 */
@Component
public class ExistingReferences {

    /** The tables a request may refer to; a closed set, so no table name ever comes from input. */
    public enum Table {
        ENTERPRISE("enterprise"), TRADE("trade"), CONTESTANT("contestant"), TEAM("team"), JUDGE("judge"),
        PROGRAMME("programme"), PROJECT("project"), EVENT("event");

        private final String sql;

        Table(String sql) {
            this.sql = sql;
        }
    }

    /** A field of the request that names a row of a table; {@code id} null means the optional field is absent. */
    public record Reference(String field, Table table, Long id) {
    }

    private final DatabaseClient database;

    public ExistingReferences(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> require(Reference... references) {
        return Flux.fromArray(references)
                .filter(reference -> reference.id() != null)
                .concatMap(reference -> exists(reference).filter(found -> !found).map(missing -> reference))
                .map(reference -> missing(reference.field(), reference.table().sql, reference.id()))
                .collectList()
                .flatMap(problems -> problems.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(new RejectedRequestException(problems)));
    }

    private Mono<Boolean> exists(Reference reference) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM " + reference.table().sql + " WHERE id = :id) AS found")
                .bind("id", reference.id())
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one();
    }

    /** The field names a row of {@code resource} (such as {@code team}) that does not exist. */
    public static FieldProblem missing(String field, String resource, Object id) {
        return FieldProblem.of(field, "reference.missing", ExplainedException.resource(resource), id);
    }
}
