package io.jingsai.benchmarks.programme;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The reference of the rebuild benchmark ({@code benchmarks/programme/rebuild.sh}): reads the rows a programme's star
 * board is rebuilt from — each event's results with their registrations, and its entrants with their names — raw,
 * through the same driver as the application (r2dbc-postgresql), with the same statements, one event after another
 * as the application loads one programme's events, every column taken out of each row, and nothing computed. Prints the rows read
 * and the milliseconds.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.jingsai.benchmarks.programme.RawResultsRead host port database user
 * password programmeId}
 */
public final class RawResultsRead {

    private static final String RESULTS = "SELECT er.registration_id, er.event_id, er.status, er.exact_total, er.total, "
            + "er.components, er.aspects, er.holds, er.standing, er.sheets, er.rules_version, er.version, "
            + "er.computed_at, r.registration_number, r.station_number, r.status AS registration_status "
            + "FROM entry_result er JOIN registration r ON r.id = er.registration_id WHERE er.event_id = $1 "
            + "ORDER BY r.registration_number";
    private static final String ENTRANTS = "SELECT r.id AS registration_id, c.id AS contestant_id, c.name, "
            + "c.enterprise_id, en.name AS enterprise, en.region_code, c.trade_id, t.name_zh AS trade_name, "
            + "t.name_en AS trade_name_en FROM registration r JOIN contestant c ON c.id = r.contestant_id "
            + "JOIN enterprise en ON en.id = c.enterprise_id JOIN trade t ON t.id = c.trade_id "
            + "WHERE r.event_id = $1";
    private static final int AT_ONCE = 1;

    private RawResultsRead() {
    }

    public static void main(String[] args) {
        PostgresqlConnectionFactory connections = new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder().host(args[0]).port(Integer.parseInt(args[1]))
                        .database(args[2]).username(args[3]).password(args[4]).build());
        long programme = Long.parseLong(args[5]);
        AtomicLong rows = new AtomicLong();
        long started = System.nanoTime();
        List<Long> events = Mono.usingWhen(connections.create(), connection -> Flux.from(connection
                        .createStatement("SELECT id FROM event WHERE programme_id = $1").bind("$1", programme)
                        .execute()).flatMap(result -> result.map((row, meta) -> row.get("id", Long.class)))
                        .collectList(), Connection::close)
                .block();
        Flux.fromIterable(events)
                .flatMap(event -> Mono.usingWhen(connections.create(),
                        connection -> read(connection, RESULTS, event, rows).then(read(connection, ENTRANTS, event,
                                rows)), Connection::close), AT_ONCE)
                .blockLast(Duration.ofHours(1));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("raw read: " + rows.get() + " rows of " + events.size() + " events in " + millis + " ms");
    }

    /** Every column of every row decoded. */
    private static Mono<Void> read(Connection connection, String sql, long event, AtomicLong rows) {
        return Flux.from(connection.createStatement(sql).bind("$1", event).execute())
                .flatMap(result -> result.map((row, meta) -> {
                    int columns = meta.getColumnMetadatas().size();
                    Object last = null;
                    for (int i = 0; i < columns; i++) {
                        last = row.get(i); // decoded as the column's own type: text, numeric, time, …
                    }
                    return last == null ? Boolean.FALSE : Boolean.TRUE;
                }))
                .doOnNext(row -> rows.incrementAndGet())
                .then();
    }
}
