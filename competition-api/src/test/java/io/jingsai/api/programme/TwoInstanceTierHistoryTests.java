package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.JingsaiApplication;
import io.jingsai.api.ServerTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.result.ResultChangesFollowed;
import reactor.core.publisher.Flux;

/**
 * Two instances on one database, both following every result change: the test's server (A) and a second application
 * context (B). Whatever order and overlap their recordings of one programme come in, each entry and exit is recorded
 * once (one writer per programme; a writer whose snapshot is older than another's commit tries again).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceTierHistoryTests {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    DatabaseClient database;
    @Autowired
    TierRecorder onA;

    ConfigurableApplicationContext second;

    @BeforeAll
    void startTheSecondInstance() {
        second = new SpringApplicationBuilder(JingsaiApplication.class).properties(Map.of(
                "server.port", "0",
                "spring.r2dbc.url", environment.getRequiredProperty("spring.r2dbc.url"),
                "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username", ""),
                "spring.r2dbc.password", environment.getProperty("spring.r2dbc.password", ""),
                "jingsai.admin.username", IntegrationTest.ADMIN,
                "jingsai.admin.password", IntegrationTest.ADMIN_PASSWORD)).run();
        assertThat(((WebServerApplicationContext) second).getWebServer().getPort()).isNotEqualTo(port);
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesRecordingTheSameChangesAtOnceRecordEachEntryOnce() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        WebTestClient admin = TestClients.administrator(web);
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("两实例历程"));
        body.put("quotas", Map.of("stars", 2));
        long programme = new RegistryFixtures(admin, database).programme(body);
        StarEvents.Event event = new StarEvents(web, database).event(programme, 40, 50, 60, 70, 80);
        TierHistoryTests.eventually("both instances followed the marks",
                () -> recorded(programme).equals(stars(admin, programme)));

        // Forget what was recorded, then let both instances record the same changes, eight times over, at once.
        database.sql("DELETE FROM tier_history WHERE programme_id = :p").bind("p", programme).fetch().rowsUpdated()
                .block();
        database.sql("DELETE FROM tier_membership WHERE programme_id = :p").bind("p", programme).fetch()
                .rowsUpdated().block();
        List<ResultChangesFollowed.Change> changes = database.sql(
                        "SELECT id, event_id, registration_id FROM result_change WHERE event_id = :e ORDER BY id")
                .bind("e", event.id())
                .map(row -> new ResultChangesFollowed.Change(row.get("id", Long.class), row.get("event_id", Long.class),
                        row.get("registration_id", Long.class)))
                .all().collectList().block();
        TierRecorder onB = second.getBean(TierRecorder.class);
        // What each instance's worker does with the changes it followed, eight rounds at once across both.
        Flux.range(0, 8).flatMap(i -> (i % 2 == 0 ? onA : onB).recordChanges(changes), 8)
                .blockLast(Duration.ofSeconds(60));

        assertThat(recorded(programme)).isEqualTo(stars(admin, programme)).hasSize(2);
        assertThat(database.sql("SELECT COUNT(*) AS n FROM tier_history WHERE programme_id = :p")
                .bind("p", programme).map(row -> row.get("n", Long.class)).one().block())
                .as("each star entered once").isEqualTo(2);
    }

    /** The LIVE stars replayed from the stored history; an entry twice or an exit of a non-member fails. */
    private Set<Long> recorded(long programme) {
        Set<Long> members = new LinkedHashSet<>();
        database.sql("SELECT movement, subject_id FROM tier_history "
                        + "WHERE programme_id = :p AND basis = 'LIVE' AND tier = 'STARS' ORDER BY id")
                .bind("p", programme)
                .map(row -> Map.entry(row.get("movement", String.class), row.get("subject_id", Long.class)))
                .all().toIterable()
                .forEach(row -> assertThat(row.getKey().equals("ENTERED") ? members.add(row.getValue())
                        : members.remove(row.getValue())).as("follows the membership before it").isTrue());
        return members;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> stars(WebTestClient admin, long programme) {
        Map<String, Object> board = admin.get().uri("/api/programmes/{p}/star-standings", programme).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Set<Long> stars = new LinkedHashSet<>();
        ((List<Map<String, Object>>) board.get("entries")).stream().filter(entry -> entry.get("star").equals(true))
                .forEach(entry -> stars.add(((Number) entry.get("contestantId")).longValue()));
        return stars;
    }
}
