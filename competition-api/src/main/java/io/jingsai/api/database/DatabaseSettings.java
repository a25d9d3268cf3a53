package io.jingsai.api.database;

import java.util.List;

/**
 * Names of the settings that choose the database, shared by the code that reads them, the README and docker-compose.
 *
 * <p>Precedence: explicit {@code spring.r2dbc.url} wins; otherwise {@code JINGSAI_DB_URL}; otherwise the embedded
 * PostgreSQL starts with its data in {@code jingsai.db.embedded.data-dir}.
 */
public final class DatabaseSettings {

    /** JDBC-style URL of a PostgreSQL server, e.g. {@code jdbc:postgresql://db:5432/jingsai}. */
    public static final String URL_ENV = "JINGSAI_DB_URL";
    public static final String USER_ENV = "JINGSAI_DB_USER";
    public static final String PASSWORD_ENV = "JINGSAI_DB_PASSWORD";
    /** Where the embedded PostgreSQL keeps its data between runs; default {@value #DEFAULT_DATA_DIR}. */
    public static final String DATA_DIR_ENV = "JINGSAI_DATA_DIR";

    public static final String DATA_DIR_PROPERTY = "jingsai.db.embedded.data-dir";
    /** Tests set this: a throw-away data directory, deleted when the JVM ends. */
    public static final String EPHEMERAL_PROPERTY = "jingsai.db.embedded.ephemeral";
    public static final String DEFAULT_DATA_DIR = "./data/postgres";

    /** Every environment variable the application reads to find its database. */
    public static final List<String> ENVIRONMENT_VARIABLES = List.of(URL_ENV, USER_ENV, PASSWORD_ENV, DATA_DIR_ENV);

    private DatabaseSettings() {
    }
}
