package io.jingsai.api.boards;

import static io.jingsai.api.boards.BoardFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.jingsai.api.TestClients;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Two instances on one database: the test's server (A) and a second application context (B) on another port. A
 * sheet submitted to A shows on B's board and stream, and B catches up with what was submitted while its
 * connection for result changes was down; a board frozen through A is frozen on B too.
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

    /**
     * A board frozen through A: B's public board, top and stream show the frozen board, and a mark submitted to A
     * after the freeze reaches B's live board but not its public one; a board B loads only after a freeze is frozen
     * as well; and a release made while B's connection was down reaches B once it is back.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aFreezeThroughOneInstanceHoldsOnTheOther() {
        WebTestClient adminA = TestClients.administrator(onA);
        WebTestClient adminB = TestClients.administrator(onB);
        BoardFixtures fixtures = new BoardFixtures(onA, database);
        long first = fixtures.entry();
        long late = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, first, 70);
        String board = "/api/public/events/" + fixtures.event + "/board";
        String live = "/api/events/" + fixtures.event + "/board";
        String freeze = "/api/events/" + fixtures.event + "/board/freeze";
        eventually("the first mark on B", () -> total(read(onB, board)) == 1);
        List<ServerSentEvent<Map<String, Object>>> watchedOnB = new CopyOnWriteArrayList<>();
        Disposable watching = onB.get().uri(board + "/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(EVENTS).getResponseBody()
                .filter(event -> event.event() != null).subscribe(watchedOnB::add);
        try {
            eventually("B's stream began", () -> !watchedOnB.isEmpty());
            Map<String, Object> frozen = adminA.post().uri(freeze).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            Object frozenSince = frozen.get("frozenSince");
            eventually("B's board frozen", () -> frozenSince.equals(read(onB, board).get("frozenSince")));
            assertThat(read(adminB, freeze)).containsEntry("frozen", true).containsEntry("frozenSince", frozenSince);

            fixtures.mark(judge, late, 99);
            eventually("the later mark on B's live board", () -> total(read(adminB, live)) == 2);
            assertThat(read(onB, board)).containsEntry("total", 1).containsEntry("frozenSince", frozenSince);
            assertThat(read(onB, board + "/top?k=5").get("entries")).isEqualTo(read(onA, board).get("entries"));
            eventually("B's stream told of the freeze", () -> watchedOnB.stream()
                    .anyMatch(event -> frozenSince.equals(event.data().get("frozenSince"))));
            assertThat(watchedOnB).as("nothing of the later mark on B's stream")
                    .allSatisfy(event -> assertThat(event.data()).containsEntry("total", 1));
        } finally {
            watching.dispose();
        }

        BoardFixtures other = new BoardFixtures(onA, database);
        long entry = other.entry();
        long unseen = other.entry();
        WebTestClient otherJudge = other.judge();
        other.startMarking();
        other.mark(otherJudge, entry, 60);
        String otherBoard = "/api/public/events/" + other.event + "/board";
        eventually("the mark on A", () -> total(read(onA, otherBoard)) == 1);
        adminA.post().uri("/api/events/{e}/board/freeze", other.event).exchange().expectStatus().isCreated();
        other.mark(otherJudge, unseen, 80);
        eventually("the later mark on B's live board",
                () -> total(read(adminB, "/api/events/" + other.event + "/board")) == 2);
        assertThat(read(onB, otherBoard)).as("a board B loaded after the freeze").containsEntry("total", 1)
                .containsKey("frozenSince");

        ResultChangeFollower follower = this.second.getBean(ResultChangeFollower.class);
        Integer pid = follower.backendPid();
        database.sql("SELECT pg_terminate_backend(:pid)").bind("pid", pid).fetch().rowsUpdated().block();
        adminA.delete().uri(freeze).header("If-Match", "\"" + frozen(adminA, freeze) + "\"").exchange()
                .expectStatus().isNoContent();
        eventually("B reconnected", () -> follower.backendPid() != null && !pid.equals(follower.backendPid()));
        eventually("B's board released", () -> !read(onB, board).containsKey("frozenSince"));
        assertThat(read(onB, board)).containsEntry("total", 2);
        assertThat(read(onB, board).get("entries")).isEqualTo(read(onA, board).get("entries"));
    }

    private static Object frozen(WebTestClient client, String freeze) {
        return read(client, freeze).get("version");
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
