package io.jingsai.api.boards;

import static io.jingsai.api.boards.BoardFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.JingsaiApplication;
import io.jingsai.api.ServerTest;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Two instances on one database: the test's server (A) and a second application context (B) on another port. A
 * sheet submitted to A shows on B's board and stream, and B catches up with what was submitted while its
 * connection for result changes was down.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceBoardTests {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
            new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    DatabaseClient database;

    ConfigurableApplicationContext second;
    WebTestClient onA;
    WebTestClient onB;

    @BeforeAll
    void startTheSecondInstance() {
        second = new SpringApplicationBuilder(JingsaiApplication.class).properties(Map.of(
                "server.port", "0",
                "spring.r2dbc.url", environment.getRequiredProperty("spring.r2dbc.url"),
                "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username", ""),
                "spring.r2dbc.password", environment.getProperty("spring.r2dbc.password", ""),
                "jingsai.admin.username", IntegrationTest.ADMIN,
                "jingsai.admin.password", IntegrationTest.ADMIN_PASSWORD)).run();
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        assertThat(secondPort).isNotEqualTo(port);
        onA = client(port);
        onB = client(secondPort);
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSheetSubmittedToOneInstanceShowsOnTheOthersBoardAndStream() {
        BoardFixtures fixtures = new BoardFixtures(onA, database);
        long first = fixtures.entry();
        long second = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        String board = "/api/public/events/" + fixtures.event + "/board";
        assertThat(total(read(onB, board))).isZero();
        int firstNumber = fixtures.number(first);

        Flux<ServerSentEvent<Map<String, Object>>> streamOnB = onB.get().uri(board + "/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk().returnResult(EVENTS)
                .getResponseBody().filter(event -> event.event() != null);
        StepVerifier.create(streamOnB)
                .assertNext(snapshot -> assertThat(snapshot.data()).containsEntry("total", 0))
                .then(() -> fixtures.mark(judge, first, 66))
                .assertNext(change -> {
                    assertThat(change.event()).isEqualTo("change");
                    assertThat((List<Map<String, Object>>) change.data().get("changed")).singleElement()
                            .satisfies(line -> assertThat(line).containsEntry("registrationNumber", firstNumber)
                                    .containsEntry("rank", 1));
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        assertThat(total(read(onB, board))).isEqualTo(1);

        ResultChangeFollower follower = this.second.getBean(ResultChangeFollower.class);
        Integer pid = follower.backendPid();
        database.sql("SELECT pg_terminate_backend(:pid)").bind("pid", pid).fetch().rowsUpdated().block();
        fixtures.mark(judge, second, 88);
        eventually("B reconnected", () -> follower.backendPid() != null && !pid.equals(follower.backendPid()));
        eventually("B caught up with the sheet submitted while it was away",
                () -> total(read(onB, board)) == 2);
        assertThat(((List<Map<String, Object>>) read(onB, board).get("entries")).get(0))
                .containsEntry("registrationNumber", fixtures.number(second)).containsEntry("rank", 1);
        assertThat(read(onB, board).get("entries")).isEqualTo(read(onA, board).get("entries"));
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    private static int total(Map<String, Object> page) {
        return ((Number) page.get("total")).intValue();
    }
}
