package io.jingsai.api.boards;

import static io.jingsai.api.boards.BoardFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.ServerTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Public event boards over real HTTP on PostgreSQL: judges submit score sheets through the API, and the anonymous
 * board ranks the entries as the event's rules do (checked against ranks worked out here from the marks), follows
 * every change, also one whose outbox row commits after a later one, and also after its database connection was
 * dropped; and the stream sends a snapshot, changes, resumes from Last-Event-ID and beats.
 */
@ServerTest
class PublicBoardTests {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
            new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient database;
    @Autowired
    ConnectionFactory connections;
    @Autowired
    ResultChangeFollower follower;
    @Autowired
    EventBoards boards;

    WebTestClient anonymous;
    BoardFixtures fixtures;
    String board;

    @BeforeEach
    void setUp() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        anonymous = web;
        fixtures = new BoardFixtures(web, database);
        board = "/api/public/events/" + fixtures.event + "/board";
    }

    /**
     * Five entries marked, two tied; a sixth without a result is not on the board. The expected ranks are worked out
     * here from the marks: standard competition ranking ("1224"), ties in registration-number order.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theBoardRanksAsTheEventsRulesDoAndShowsNothingPersonal() {
        String idNumber = TestIdentities.residentId();
        String name = TestIdentities.unique("王秀兰");
        long named = fixtures.entry(name, idNumber, "13800138000");
        List<Long> entries = new ArrayList<>(List.of(named, fixtures.entry(), fixtures.entry(), fixtures.entry(),
                fixtures.entry()));
        long unmarked = fixtures.entry();
        WebTestClient judge = fixtures.judge();

        anonymous.get().uri(board).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.get().uri("/api/public/events/987654321987/board").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        fixtures.startMarking();
        anonymous.get().uri(board).exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);

        List<String> marks = List.of("70", "85.5", "70", "92", "60.25");
        Map<Integer, BigDecimal> totals = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            fixtures.mark(judge, entries.get(i), new BigDecimal(marks.get(i)));
            totals.put(fixtures.number(entries.get(i)), new BigDecimal(marks.get(i)));
        }
        eventually("five entries on the board", () -> total(read(board)) == 5);

        Map<String, Object> page = read(board);
        List<Map<String, Object>> shown = (List<Map<String, Object>>) page.get("entries");
        assertThat(shown).extracting(entry -> entry.get("registrationNumber")).containsExactlyElementsOf(
                expectedOrder(totals));
        for (Map<String, Object> entry : shown) {
            BigDecimal total = totals.get((Integer) entry.get("registrationNumber"));
            long better = totals.values().stream().filter(other -> other.compareTo(total) > 0).count();
            assertThat(entry.get("rank")).as("rank of %s", entry).isEqualTo((int) better + 1);
            assertThat(new BigDecimal(entry.get("total").toString())).isEqualByComparingTo(total);
            assertThat(entry).containsEntry("status", "COMPLETE").containsEntry("provisional", false)
                    .containsKeys("entrant", "enterprise", "position");
            assertThat(entry.keySet()).as("what the public sees (a station number once one is given)")
                    .isSubsetOf("rank", "position", "registrationNumber", "stationNumber", "entrant", "enterprise",
                            "total", "status", "provisional");
        }
        String text = text(anonymous.get().uri(board).exchange().expectBody(byte[].class).returnResult());
        assertThat(text).contains(name).doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 6) + "*")
                .doesNotContain("13800138000").doesNotContain("8000\"");

        anonymous.get().uri(board + "/top?k=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[0].total").isEqualTo(92)
                .jsonPath("$.entries[1].total").isEqualTo(85.5);
        int third = (Integer) shown.get(2).get("registrationNumber");
        anonymous.get().uri(board + "/around/{n}?k=1", third).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.offset").isEqualTo(1)
                .jsonPath("$.entries.length()").isEqualTo(3)
                .jsonPath("$.entries[1].registrationNumber").isEqualTo(third);
        anonymous.get().uri(board + "/around/{n}", fixtures.number(unmarked)).exchange().expectStatus().isNotFound();
        anonymous.get().uri(board + "?offset=3&limit=50").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2).jsonPath("$.entries[0].position").isEqualTo(4);
        anonymous.get().uri(board + "?limit=0").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("limit")
                .jsonPath("$.errors[0].rule").isEqualTo("number.range");

        // The version is the ETag: 304 while nothing changes, a new one once something does.
        EntityExchangeResult<byte[]> first = anonymous.get().uri(board).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).isEqualTo("\"" + read(board).get("version") + "\"");
        assertThat(first.getResponseHeaders().getCacheControl()).contains("public").contains("max-age");
        anonymous.get().uri(board).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified().expectBody().isEmpty();
        fixtures.mark(judge, unmarked, 99);
        eventually("the new mark on the board", () -> total(read(board)) == 6);
        anonymous.get().uri(board).header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.entries[0].registrationNumber").isEqualTo(fixtures.number(unmarked))
                .jsonPath("$.entries[0].rank").isEqualTo(1);
    }

    /**
     * Outbox ids are taken when a transaction writes its row, not when it commits. Here a transaction changes an
     * entry's result and takes its outbox id, then a judge's sheet for another entry commits a later id, and only
     * then the first commits: the board must still show its change.
     */
    @Test
    void aChangeThatCommitsAfterALaterOneIsStillApplied() {
        long early = fixtures.entry();
        long late = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, early, 50);
        eventually("the first entry on the board", () -> total(read(board)) == 1);

        Connection writer = Mono.from(connections.create()).block();
        try {
            Mono.from(writer.beginTransaction()).block();
            Long version = Flux.from(writer.createStatement("""
                            UPDATE entry_result SET total = 99,
                                   standing = jsonb_set(standing::jsonb, '{keys,total}', '99')::text,
                                   version = version + 1
                            WHERE registration_id = $1 RETURNING version""").bind("$1", early).execute())
                    .flatMap(result -> result.map((row, meta) -> row.get("version", Long.class))).blockFirst();
            Flux.from(writer.createStatement("""
                            INSERT INTO result_change (event_id, registration_id, result_version, changed_at)
                            VALUES ($1, $2, $3, now())""")
                    .bind("$1", fixtures.event).bind("$2", early).bind("$3", version).execute())
                    .flatMap(result -> result.getRowsUpdated()).blockLast();
            Flux.from(writer.createStatement("SELECT pg_notify('result_change', 'late')").execute())
                    .flatMap(result -> result.getRowsUpdated()).blockLast();

            fixtures.mark(judge, late, 60);
            eventually("the later change on the board", () -> total(read(board)) == 2);
            assertThat(firstTotal(read(board))).as("the early change is not committed yet").isEqualTo("60");
            Mono.from(writer.commitTransaction()).block();
        } finally {
            Mono.from(writer.close()).block();
        }
        eventually("the early change, committed last, on the board", () -> "99".equals(firstTotal(read(board))));
    }

    @Test
    void theFollowerReconnectsAndCatchesUpWithWhatItMissed() {
        long entry = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        assertThat(total(read(board))).isZero();
        Integer pid = follower.backendPid();
        assertThat(pid).isNotNull();

        database.sql("SELECT pg_terminate_backend(:pid)").bind("pid", pid).fetch().rowsUpdated().block();
        fixtures.mark(judge, entry, 77);
        eventually("a new connection", () -> follower.backendPid() != null && !pid.equals(follower.backendPid()));
        eventually("the mark made while the follower was away", () -> total(read(board)) == 1);
        assertThat(firstTotal(read(board))).isEqualTo("77");
    }

    /** A withdrawal changes the entry's result version, so the board takes the entry off without a new mark. */
    @Test
    void aWithdrawnEntryLeavesTheBoard() {
        long stays = fixtures.entry();
        long leaves = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, stays, 60);
        fixtures.mark(judge, leaves, 70);
        eventually("both on the board", () -> total(read(board)) == 2);
        assertThat(firstTotal(read(board))).isEqualTo("70");

        TestClients.administrator(anonymous).post()
                .uri("/api/events/{e}/registrations/{r}/withdrawal", fixtures.event, leaves)
                .header("If-Match", "\"0\"").bodyValue(Map.of("reason", "身体不适")).exchange()
                .expectStatus().isOk();
        eventually("the withdrawn entry off the board", () -> total(read(board)) == 1);
        assertThat(firstTotal(read(board))).isEqualTo("60");
    }

    /** A snapshot after the opening comment, then the change a new sheet makes, each with an id. */
    @Test
    void theStreamSendsASnapshotThenChanges() {
        long first = fixtures.entry();
        long second = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, first, 80);
        eventually("the first entry on the board", () -> total(read(board)) == 1);
        int secondNumber = fixtures.number(second);

        Flux<ServerSentEvent<Map<String, Object>>> stream = stream(null);
        StepVerifier.create(stream.filter(event -> !isHeartbeat(event)))
                .assertNext(opening -> assertThat(opening.comment()).contains("board " + fixtures.event))
                .assertNext(snapshot -> {
                    assertThat(snapshot.event()).isEqualTo("snapshot");
                    assertThat(snapshot.id()).isNotBlank();
                    assertThat(snapshot.data()).containsEntry("total", 1);
                    assertThat(lines(snapshot)).extracting(line -> line.get("rank")).containsExactly(1);
                })
                .then(() -> fixtures.mark(judge, second, 90))
                .assertNext(change -> {
                    assertThat(change.event()).isEqualTo("change");
                    assertThat(change.data()).containsEntry("total", 2);
                    assertThat(changed(change)).anySatisfy(line -> assertThat(line)
                            .containsEntry("registrationNumber", secondNumber).containsEntry("rank", 1));
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    /**
     * Reconnecting with the id of the last event received: the changes missed since, or nothing if none; an id this
     * board never gave gets a snapshot.
     */
    @Test
    void aReconnectingClientResumesFromItsLastEventId() {
        long first = fixtures.entry();
        long second = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, first, 80);
        eventually("the first entry on the board", () -> total(read(board)) == 1);

        ServerSentEvent<Map<String, Object>> snapshot = stream(null).filter(event -> event.event() != null)
                .blockFirst(Duration.ofSeconds(30));
        assertThat(snapshot.event()).isEqualTo("snapshot");
        fixtures.mark(judge, second, 90);
        eventually("the second entry on the board", () -> total(read(board)) == 2);

        ServerSentEvent<Map<String, Object>> missed = stream(snapshot.id()).filter(event -> event.event() != null)
                .blockFirst(Duration.ofSeconds(30));
        assertThat(missed.event()).as("the change missed, not a snapshot").isEqualTo("change");
        assertThat(sequence(missed)).isEqualTo(sequence(snapshot) + 1);

        StepVerifier.create(stream(missed.id()))
                .assertNext(opening -> assertThat(opening.comment()).contains("board"))
                .assertNext(next -> assertThat(isHeartbeat(next)).as("nothing missed: only a heartbeat, %s", next)
                        .isTrue())
                .thenCancel()
                .verify(Duration.ofSeconds(30));

        ServerSentEvent<Map<String, Object>> fresh = stream("elsewhere.3").filter(event -> event.event() != null)
                .blockFirst(Duration.ofSeconds(30));
        assertThat(fresh.event()).isEqualTo("snapshot");
        assertThat(fresh.data()).containsEntry("total", 2);
    }

    @Test
    void theStreamBeatsWhileNothingChangesEndsWhenTheClientLeavesAndIsNotFoundBeforeMarking() {
        anonymous.get().uri(board + "/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound();
        fixtures.startMarking();
        StepVerifier.create(stream(null).filter(PublicBoardTests::isHeartbeat).take(2))
                .expectNextCount(2)
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        EventBoard watched = boards.board(fixtures.event).block();
        eventually("the stream the client left ended on the server", () -> watched.watching() == 0);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Flux<ServerSentEvent<Map<String, Object>>> stream(String lastEventId) {
        return anonymous.get().uri(board + "/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(EVENTS).getResponseBody();
    }

    static boolean isHeartbeat(ServerSentEvent<?> event) {
        return event.comment() != null && event.comment().strip().equals("heartbeat");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(ServerSentEvent<Map<String, Object>> snapshot) {
        return (List<Map<String, Object>>) snapshot.data().get("top");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changed(ServerSentEvent<Map<String, Object>> change) {
        return (List<Map<String, Object>>) change.data().get("changed");
    }

    private static long sequence(ServerSentEvent<Map<String, Object>> event) {
        return ((Number) event.data().get("sequence")).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String path) {
        return anonymous.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    private static int total(Map<String, Object> page) {
        return ((Number) page.get("total")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static String firstTotal(Map<String, Object> page) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
        return entries.isEmpty() ? null : new BigDecimal(entries.get(0).get("total").toString()).stripTrailingZeros()
                .toPlainString();
    }

    private static List<Integer> expectedOrder(Map<Integer, BigDecimal> totals) {
        return totals.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<Integer, BigDecimal>::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    private static String text(EntityExchangeResult<byte[]> answer) {
        return new String(answer.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
