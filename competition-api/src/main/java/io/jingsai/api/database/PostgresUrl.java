package io.jingsai.api.database;

import java.util.Locale;

/**
 * A PostgreSQL location written in any of the forms users paste: {@code jdbc:postgresql://h:p/db},
 * {@code r2dbc:postgresql://h:p/db} or {@code postgresql://h:p/db}. Renders both the JDBC form (for Flyway) and
 * the R2DBC form (for requests), so one setting configures both.
 */
record PostgresUrl(String hostPortAndDatabase) {

    private static final String[] PREFIXES = {"jdbc:postgresql://", "r2dbc:postgresql://", "postgresql://", "postgres://"};

    static PostgresUrl parse(String url) {
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (lower.startsWith(prefix) && trimmed.length() > prefix.length()) {
                return new PostgresUrl(trimmed.substring(prefix.length()));
            }
        }
        throw new DatabaseConfigurationException("database URL '" + url
                + "' is not a PostgreSQL URL; expected jdbc:postgresql://host:5432/database");
    }

    String jdbc() {
        return "jdbc:postgresql://" + hostPortAndDatabase;
    }

    String r2dbc() {
        return "r2dbc:postgresql://" + hostPortAndDatabase;
    }
}
