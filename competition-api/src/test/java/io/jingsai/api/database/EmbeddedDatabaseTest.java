package io.jingsai.api.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded server keeps users' data durably, and says so plainly when its data directory is taken. */
class EmbeddedDatabaseTest {

    @TempDir
    Path data;

    @Test
    void aKeptDataDirectoryRunsWithEveryDurabilitySettingOn() throws Exception {
        try (EmbeddedPostgres server = EmbeddedDatabase.launch(data.resolve("postgres"), false)) {
            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aThrowAwayServerStaysFast() throws Exception {
        try (EmbeddedPostgres server = EmbeddedDatabase.launch(data, true)) {
            assertThat(setting(server, "fsync")).isEqualTo("off");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("off");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectorySaysAnotherJingsaiUsesIt() throws IOException {
        Path directory = data.resolve("postgres");
        try (EmbeddedPostgres first = EmbeddedDatabase.launch(directory, false)) {
            assertThatThrownBy(() -> EmbeddedDatabase.launch(directory, false))
                    .isInstanceOf(DatabaseConfigurationException.class)
                    .hasMessageContaining("another Jingsai is already using the data directory")
                    .hasMessageContaining(DatabaseSettings.DATA_DIR_ENV);
        }
        assertThat(EmbeddedDatabase.isInUse(directory)).as("free again once the first server stopped").isFalse();
    }

    private static String setting(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
