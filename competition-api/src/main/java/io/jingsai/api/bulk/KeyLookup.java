package io.jingsai.api.bulk;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * One query for all the keys of a file (credit codes, ID numbers, trade names), instead of one per row: 10,000 rows
 * are looked up in a single round trip with {@code = ANY(:keys)}.
 */
@Component
public class KeyLookup {

    private final DatabaseClient database;

    public KeyLookup(DatabaseClient database) {
        this.database = database;
    }

    /** Runs {@code sql} (selecting columns {@code k} and {@code id}, filtering on {@code :keys}) → key to id. */
    public Mono<Map<String, Long>> ids(String sql, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql(sql).bind("keys", keys.toArray(String[]::new))
                .map(row -> Map.entry(row.get("k", String.class), row.get("id", Long.class)))
                .all()
                .collect(HashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /** Runs {@code sql} (selecting column {@code k}, filtering on {@code :keys}) → the keys that exist. */
    public Mono<Set<String>> existing(String sql, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.just(Set.of());
        }
        return database.sql(sql).bind("keys", keys.toArray(String[]::new))
                .map(row -> row.get("k", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
