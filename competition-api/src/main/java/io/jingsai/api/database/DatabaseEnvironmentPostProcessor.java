package io.jingsai.api.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, which PostgreSQL the application talks to, and writes the standard
 * {@code spring.r2dbc.*} and {@code spring.flyway.*} properties for it.
 *
 * <ol>
 *   <li>{@code spring.r2dbc.url} set explicitly: used as is; Flyway gets the same server over JDBC unless
 *       {@code spring.flyway.url} is set too.</li>
 *   <li>{@code JINGSAI_DB_URL} (with {@code JINGSAI_DB_USER}, {@code JINGSAI_DB_PASSWORD}): that server.</li>
 *   <li>Nothing configured: the embedded PostgreSQL, data kept in {@code JINGSAI_DATA_DIR} or
 *       {@code jingsai.db.embedded.data-dir} (default {@code ./data/postgres}).</li>
 * </ol>
 */
class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "jingsaiDatabase";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, resolve(environment)));
    }

    private Map<String, Object> resolve(ConfigurableEnvironment environment) {
        String r2dbcUrl = environment.getProperty("spring.r2dbc.url");
        if (StringUtils.hasText(r2dbcUrl)) {
            return complementFlyway(environment, r2dbcUrl);
        }
        String url = environment.getProperty(DatabaseSettings.URL_ENV);
        if (StringUtils.hasText(url)) {
            return server(PostgresUrl.parse(url), environment.getProperty(DatabaseSettings.USER_ENV, "jingsai"),
                    environment.getProperty(DatabaseSettings.PASSWORD_ENV, ""));
        }
        return embedded(environment);
    }

    private Map<String, Object> complementFlyway(ConfigurableEnvironment environment, String r2dbcUrl) {
        Map<String, Object> properties = new HashMap<>();
        if (!StringUtils.hasText(environment.getProperty("spring.flyway.url"))) {
            properties.put("spring.flyway.url", PostgresUrl.parse(r2dbcUrl).jdbc());
            properties.put("spring.flyway.user", environment.getProperty("spring.r2dbc.username", ""));
            properties.put("spring.flyway.password", environment.getProperty("spring.r2dbc.password", ""));
        }
        return properties;
    }

    private Map<String, Object> server(PostgresUrl url, String user, String password) {
        return properties(url.r2dbc(), url.jdbc(), user, password);
    }

    private Map<String, Object> embedded(ConfigurableEnvironment environment) {
        boolean ephemeral = environment.getProperty(DatabaseSettings.EPHEMERAL_PROPERTY, Boolean.class, false);
        String dataDir = environment.getProperty(DatabaseSettings.DATA_DIR_ENV,
                environment.getProperty(DatabaseSettings.DATA_DIR_PROPERTY, DatabaseSettings.DEFAULT_DATA_DIR));
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(dataDir), ephemeral);
        Map<String, Object> properties = properties(database.r2dbcUrl(), database.jdbcUrl(), EmbeddedDatabase.USER, "");
        properties.put("jingsai.db.mode", ephemeral ? "embedded (throw-away)" : "embedded (" + dataDir + ")");
        return properties;
    }

    private static Map<String, Object> properties(String r2dbcUrl, String jdbcUrl, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.r2dbc.url", r2dbcUrl);
        properties.put("spring.r2dbc.username", user);
        properties.put("spring.r2dbc.password", password);
        properties.put("spring.flyway.url", jdbcUrl);
        properties.put("spring.flyway.user", user);
        properties.put("spring.flyway.password", password);
        return properties;
    }
}
