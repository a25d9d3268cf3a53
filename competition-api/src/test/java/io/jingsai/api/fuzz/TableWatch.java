package io.jingsai.api.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Notices any row written, in every table of the schema: a snapshot holds each table's row count and the newest
 * row version ({@code max(xmin)}, which an insert or an update raises, even one that changes no value). Two equal
 * snapshots mean nothing was inserted, updated or deleted in between. Other tests do not run concurrently.
 */
final class TableWatch {

    private final DatabaseClient database;
    private final String query;

    TableWatch(DatabaseClient database) {
        this.database = database;
        List<String> tables = database.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                          AND table_name <> 'flyway_schema_history'
                        ORDER BY table_name""")
                .map(row -> row.get(0, String.class)).all().collectList().block(Duration.ofSeconds(30));
        this.query = tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, count(*) AS n, coalesce(max(xmin::text::bigint), 0) AS x FROM \""
                        + t + "\"")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** Table → "rows/newest version". */
    Map<String, String> snapshot() {
        Map<String, String> tables = new TreeMap<>();
        database.sql(query)
                .map(row -> Map.entry(row.get("t", String.class),
                        row.get("n", Long.class) + " rows, newest version " + row.get("x", Long.class)))
                .all().toStream().forEach(e -> tables.put(e.getKey(), e.getValue()));
        return tables;
    }

    /** The tables that differ, as "table: before → after". */
    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, state) -> {
            if (!state.equals(before.get(table))) {
                changed.add(table + ": " + before.get(table) + " → " + state);
            }
        });
        return changed;
    }

    /** Waits until two snapshots a moment apart agree (background work such as an import has settled). */
    Map<String, String> settled(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Map<String, String> last = snapshot();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            Map<String, String> next = snapshot();
            if (next.equals(last)) {
                return next;
            }
            last = next;
        }
        return last;
    }
}
