package io.jingsai.api.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns "no database" failures at start-up into a short reason and what to do, instead of a long stack trace:
 * the embedded server cannot start, the configured server cannot be reached, or it refuses the credentials.
 */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

    private static final String HOW_TO_CONFIGURE = "Point Jingsai at a PostgreSQL server with "
            + DatabaseSettings.URL_ENV + "=jdbc:postgresql://HOST:5432/DATABASE, " + DatabaseSettings.USER_ENV
            + " and " + DatabaseSettings.PASSWORD_ENV + ", or unset them to use the embedded database.";

    private final Environment environment;

    DatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        DatabaseConfigurationException configuration = find(failure, DatabaseConfigurationException.class);
        if (configuration != null) {
            return new FailureAnalysis(configuration.getMessage(), HOW_TO_CONFIGURE, configuration);
        }
        SQLException sql = find(failure, SQLException.class);
        if (sql != null && isConnectionProblem(sql)) {
            String url = environment == null ? "the configured URL" : environment.getProperty("spring.flyway.url");
            return new FailureAnalysis("Cannot use the PostgreSQL database at " + url + ": "
                    + EmbeddedDatabase.rootMessage(sql), HOW_TO_CONFIGURE, sql);
        }
        return null;
    }

    private static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        // 08: connection exception, 28: invalid authorization, 3D000: no such database.
        return state == null || state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
