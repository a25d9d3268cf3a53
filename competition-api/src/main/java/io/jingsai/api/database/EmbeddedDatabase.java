package io.jingsai.api.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server: one per JVM, started on first use, stopped by a JVM shutdown hook.
 *
 * <p>One per JVM because a test run builds several application contexts and they must share one server; a
 * persistent data directory keeps the data of the running app between restarts.
 */
final class EmbeddedDatabase {

    static final String DATABASE = "jingsai";
    static final String USER = "postgres";
    private static final String LOCK_FILE = "epg-lock";

    private static EmbeddedDatabase instance;

    private final EmbeddedPostgres server;

    private EmbeddedDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts the server on first call (blocking, at start-up only); later calls return the running one. */
    static synchronized EmbeddedDatabase start(Path dataDirectory, boolean ephemeral) {
        if (instance == null) {
            instance = new EmbeddedDatabase(launch(dataDirectory, ephemeral));
            instance.createApplicationDatabase();
        }
        return instance;
    }

    String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    /**
     * Starts a PostgreSQL server. A kept data directory runs durable ({@code fsync}, {@code synchronous_commit} and
     * {@code full_page_writes} on): zonky starts every server with {@code -F} and {@code synchronous_commit=off},
     * which suits throw-away test servers only, and the {@code -c} settings given here come later on the command line
     * and win. A throw-away server keeps zonky's fast settings.
     */
    static EmbeddedPostgres launch(Path dataDirectory, boolean ephemeral) {
        Path directory = null;
        try {
            directory = ephemeral ? Files.createTempDirectory("jingsai-pg-") : prepare(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(ephemeral)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (!ephemeral) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return builder.start();
        } catch (IOException | RuntimeException e) {
            if (directory != null && isInUse(directory)) {
                throw new DatabaseConfigurationException("another Jingsai is already using the data directory "
                        + directory + "; stop it first, or set " + DatabaseSettings.DATA_DIR_ENV
                        + " to another directory", e);
            }
            throw new DatabaseConfigurationException("the embedded PostgreSQL could not start in "
                    + dataDirectory.toAbsolutePath() + ": " + rootMessage(e), e);
        }
    }

    /** Whether a running embedded server holds the directory (zonky locks {@value #LOCK_FILE} while it runs). */
    static boolean isInUse(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static Path prepare(Path dataDirectory) throws IOException {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        return absolute;
    }

    private void createApplicationDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery(); Statement create = connection.createStatement()) {
                if (!rows.next()) {
                    create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseConfigurationException("the embedded PostgreSQL started but the database '"
                    + DATABASE + "' could not be created: " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.strip();
    }

}
