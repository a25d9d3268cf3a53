package io.jingsai.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docker-compose.yml is never run on our machines, so this keeps it honest: it may only use settings the app reads. */
class DockerComposeSettingsTests {

    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("(?m)^\\s+(JINGSAI_[A-Z_]+):");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(JINGSAI_[A-Z_]+)");

    @Test
    void composeSetsOnlyVariablesTheApplicationReads() throws IOException {
        Set<String> used = matches(COMPOSE_VARIABLE, read(Path.of("..", "docker-compose.yml")));

        Set<String> read = new HashSet<>(DatabaseSettings.ENVIRONMENT_VARIABLES);
        read.addAll(matches(PLACEHOLDER, read(Path.of("src", "main", "resources", "application.properties"))));

        assertThat(used).containsAll(Set.of(DatabaseSettings.URL_ENV, DatabaseSettings.USER_ENV,
                DatabaseSettings.PASSWORD_ENV));
        assertThat(read).containsAll(used);
    }

    @Test
    void composeDatabaseUrlIsOneTheApplicationAccepts() throws IOException {
        Matcher url = Pattern.compile("JINGSAI_DB_URL:\\s*(\\S+)").matcher(read(Path.of("..", "docker-compose.yml")));

        assertThat(url.find()).isTrue();
        assertThat(PostgresUrl.parse(url.group(1)).r2dbc()).isEqualTo("r2dbc:postgresql://db:5432/jingsai");
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new HashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
