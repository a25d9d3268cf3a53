package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures.Judge;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every accepted sheet changes its entry's result, and each change is in the outbox ({@code result_change}) and
 * announced on the channel {@code result_change}, which a listener on another connection (another instance) hears
 * once the transaction commits.
 */
@IntegrationTest
class ResultChangeTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;
    @Autowired
    ConnectionFactory connections;

    @Test
    @SuppressWarnings("unchecked")
    void eachResultChangeIsInTheOutboxAndAnnouncedToOtherConnections() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        long event = fixtures.event(MarkingFixtures.SCHEME);
        long entry = fixtures.entry();
        List<Judge> judges = fixtures.judges(2);
        fixtures.startMarking();

        Connection connection = Mono.from(connections.create()).block();
        try {
            PostgresqlConnection listener = postgres(connection);
            listener.createStatement("LISTEN result_change").execute().flatMap(result -> result.getRowsUpdated())
                    .then().block();
            Flux<Map<String, Object>> heard = listener.getNotifications()
                    .map(Notification::getParameter)
                    .map(payload -> (Map<String, Object>) JsonMapper.builder().build().readValue(payload, Map.class))
                    .filter(change -> ((Number) change.get("registrationId")).longValue() == entry)
                    .cache();
            heard.subscribe();

            for (Judge judge : judges) {
                submit(judge.client(), event, entry, UUID.randomUUID().toString(), sheet("M1", 40, "M2", 10))
                        .expectStatus().isCreated();
            }

            List<Map<String, Object>> changes = heard.take(2).collectList().block(Duration.ofSeconds(30));
            assertThat(changes).extracting(change -> ((Number) change.get("resultVersion")).longValue())
                    .containsExactly(0L, 1L);
            assertThat(changes).allSatisfy(change ->
                    assertThat(((Number) change.get("eventId")).longValue()).isEqualTo(event));
            List<Long> outbox = database.sql("SELECT id FROM result_change WHERE registration_id = :r ORDER BY id")
                    .bind("r", entry).map(row -> row.get("id", Long.class)).all().collectList().block();
            assertThat(changes).extracting(change -> ((Number) change.get("id")).longValue())
                    .containsExactlyElementsOf(outbox);
            assertThat(database.sql("SELECT result_version FROM result_change WHERE registration_id = :r ORDER BY id")
                    .bind("r", entry).map(row -> row.get(0, Long.class)).all().collectList().block())
                    .containsExactly(0L, 1L);
        } finally {
            Mono.from(connection.createStatement("UNLISTEN *").execute()).then(Mono.from(connection.close()))
                    .block();
        }
    }

    private static PostgresqlConnection postgres(Connection connection) {
        Connection unwrapped = connection;
        while (!(unwrapped instanceof PostgresqlConnection) && unwrapped instanceof Wrapped<?> wrapped) {
            unwrapped = (Connection) wrapped.unwrap();
        }
        return (PostgresqlConnection) unwrapped;
    }
}
