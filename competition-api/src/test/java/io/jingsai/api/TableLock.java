package io.jingsai.api;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A table locked in SHARE mode by a transaction of the test's own: others may read the table but every write waits
 * until {@link #close()}. Lets a test hold imports between validation (reads) and the write, so that races which
 * depend on timing happen every time.
 */
public final class TableLock implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Connection connection;

    private TableLock(Connection connection) {
        this.connection = connection;
    }

    /** Locks {@code table} (a fixed name from the test, never input) until {@link #close()}. */
    public static TableLock share(ConnectionFactory connections, String table) {
        Connection connection = Mono.from(connections.create()).block(TIMEOUT);
        Mono.from(connection.beginTransaction()).block(TIMEOUT);
        Flux.from(connection.createStatement("LOCK TABLE " + table + " IN SHARE MODE").execute())
                .flatMap(Result::getRowsUpdated).then().block(TIMEOUT);
        return new TableLock(connection);
    }

    @Override
    public void close() {
        try {
            Mono.from(connection.rollbackTransaction()).block(TIMEOUT);
        } finally {
            Mono.from(connection.close()).block(TIMEOUT);
        }
    }
}
