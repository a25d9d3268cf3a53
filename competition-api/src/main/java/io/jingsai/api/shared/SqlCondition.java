package io.jingsai.api.shared;

import java.util.Map;
import java.util.Objects;

/**
 * A WHERE condition that criteria cannot express (a sub-select over another table), as SQL with named parameters
 * ({@code :name}) and their values. The SQL is written by the application, never taken from a request; request
 * values only ever arrive as bound parameters.
 *
 * @param sql   a boolean SQL expression over one table's columns
 * @param binds parameter name → non-null value
 */
public record SqlCondition(String sql, Map<String, Object> binds) {

    public SqlCondition {
        Objects.requireNonNull(sql, "sql");
        binds = Map.copyOf(binds);
    }
}
