package io.jingsai.api.boards;

import static io.jingsai.api.boards.BoardFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The freeze of a public board (封榜) over real HTTP: marks submitted after an organizer freezes the board stay off
 * the public board, its top, around and its stream (also a stream resumed with a Last-Event-ID from before the
 * freeze), while the organizer's live board shows them; the frozen board keeps its ETag; releasing it, or the results
 * going out for public review, shows them all; a freeze scheduled for a time to come is taken then.
 *
 * <p>The oracle of every frozen read is the board as it was read just before the freeze, and the organizer's live
 * board at the same moment: the public answers the first, never what only the second has.
 */
@ServerTest
class BoardFreezeTests {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
            new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient database;

    WebTestClient anonymous;
    WebTestClient admin;
    WebTestClient organizer;
    String organizerName;
    BoardFixtures fixtures;
    String board;
    String freeze;

    @BeforeEach
    void setUp() {
        anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        admin = TestClients.administrator(anonymous);
        fixtures = new BoardFixtures(anonymous, database);
        TestAccounts accounts = new TestAccounts(admin, anonymous);
        TestAccounts.Created account = accounts.create(Map.of("role", "ORGANIZER", "programmeId", fixtures.programme));
        organizer = accounts.signIn(account);
        organizerName = account.username();
        board = "/api/public/events/" + fixtures.event + "/board";
        freeze = "/api/events/" + fixtures.event + "/board/freeze";
    }

    @Test
    @SuppressWarnings("unchecked")
    void marksAfterAFreezeStayOffThePublicBoardAndStreamUntilItIsReleased() {
        long first = fixtures.entry();
        long second = fixtures.entry();
        long late = fixtures.entry();
        long later = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, first, 70);
        fixtures.mark(judge, second, 80);
        eventually("two entries on the board", () -> total(read(anonymous, board)) == 2);
        List<Integer> beforeTheFreeze = numbers(read(anonymous, board));

        List<ServerSentEvent<Map<String, Object>>> watched = new CopyOnWriteArrayList<>();
        Disposable watching = stream(null).subscribe(watched::add);
        try {
            eventually("the watcher's snapshot", () -> !watched.isEmpty());
            String lastIdBeforeTheFreeze = watched.get(watched.size() - 1).id();

            EntityExchangeResult<Map> frozen = organizer.post().uri(freeze).exchange().expectStatus().isCreated()
                    .expectHeader().location(freeze).expectBody(Map.class).returnResult();
            Map<String, Object> state = frozen.getResponseBody();
            assertThat(state).containsEntry("frozen", true).containsEntry("changedBy", organizerName)
                    .containsEntry("eventId", (int) fixtures.event);
            String frozenSince = (String) state.get("frozenSince");
            assertThat(Instant.parse(frozenSince)).isBeforeOrEqualTo(Instant.now());
            assertThat(frozen.getResponseHeaders().getETag()).isEqualTo("\"" + state.get("version") + "\"");
            organizer.post().uri(freeze).exchange().expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.detail").isNotEmpty();

            EntityExchangeResult<byte[]> frozenPage = anonymous.get().uri(board).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult();
            String frozenTag = frozenPage.getResponseHeaders().getETag();
            assertThat(read(anonymous, board)).containsEntry("frozenSince", frozenSince);
            eventually("the watcher told of the freeze", () -> watched.stream().anyMatch(BoardFreezeTests::isFrozen));
            ServerSentEvent<Map<String, Object>> freezing = watched.stream().filter(BoardFreezeTests::isFrozen)
                    .findFirst().orElseThrow();
            assertThat(freezing.event()).isEqualTo("change");
            assertThat(freezing.data()).containsEntry("frozenSince", frozenSince).containsEntry("total", 2);
            assertThat((List<?>) freezing.data().get("changed")).as("nothing else changed").isEmpty();
            int heardWhenFrozen = watched.size();

            fixtures.mark(judge, late, 99);
            fixtures.mark(judge, later, 50);
            eventually("both later marks on the organizer's live board",
                    () -> total(read(organizer, "/api/events/" + fixtures.event + "/board")) == 4);
            Map<String, Object> live = read(organizer, "/api/events/" + fixtures.event + "/board");
            assertThat(live).doesNotContainKey("frozenSince");
            assertThat(numbers(live).get(0)).isEqualTo(fixtures.number(late));

            Map<String, Object> publicPage = read(anonymous, board);
            assertThat(numbers(publicPage)).as("the public board as it was at the freeze")
                    .isEqualTo(beforeTheFreeze);
            assertThat(publicPage).containsEntry("total", 2).containsEntry("frozenSince", frozenSince);
            anonymous.get().uri(board).header(HttpHeaders.IF_NONE_MATCH, frozenTag).exchange()
                    .expectStatus().isNotModified();
            anonymous.get().uri(board + "/top?k=10").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.entries.length()").isEqualTo(2)
                    .jsonPath("$.frozenSince").isEqualTo(frozenSince)
                    .jsonPath("$.version").isEqualTo(frozenTag.replace("\"", ""));
            anonymous.get().uri(board + "/around/{n}", fixtures.number(late)).exchange().expectStatus().isNotFound();
            anonymous.get().uri(board + "/around/{n}?k=0", fixtures.number(first)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.entries[0].total").isEqualTo(70);

            ServerSentEvent<Map<String, Object>> fresh = stream(null).blockFirst(Duration.ofSeconds(30));
            assertThat(fresh.event()).isEqualTo("snapshot");
            assertThat(fresh.data()).containsEntry("total", 2).containsEntry("frozenSince", frozenSince);
            assertThat(numbersOf((List<Map<String, Object>>) fresh.data().get("top"))).isEqualTo(beforeTheFreeze);

            List<ServerSentEvent<Map<String, Object>>> resumed = stream(lastIdBeforeTheFreeze)
                    .take(Duration.ofMillis(1500)).collectList().block(Duration.ofSeconds(30));
            assertThat(resumed).as("what was missed: the freeze, nothing after it").singleElement()
                    .satisfies(event -> assertThat(event.data()).containsEntry("frozenSince", frozenSince)
                            .containsEntry("total", 2));
            pause(Duration.ofMillis(600)); // three ticks: a change would have been published by now
            assertThat(watched).as("nothing after the freeze").hasSize(heardWhenFrozen);

            organizer.delete().uri(freeze).exchange().expectStatus().isEqualTo(428);
            organizer.delete().uri(freeze).header(HttpHeaders.IF_MATCH, "\"999\"").exchange()
                    .expectStatus().isEqualTo(412);
            organizer.delete().uri(freeze).header(HttpHeaders.IF_MATCH, frozen.getResponseHeaders().getETag())
                    .exchange().expectStatus().isNoContent();

            Map<String, Object> released = read(anonymous, board);
            assertThat(released).doesNotContainKey("frozenSince").containsEntry("total", 4);
            assertThat(numbers(released)).isEqualTo(numbers(live));
            anonymous.get().uri(board).header(HttpHeaders.IF_NONE_MATCH, frozenTag).exchange()
                    .expectStatus().isOk();
            eventually("the watcher told of the release", () -> watched.size() > heardWhenFrozen);
            ServerSentEvent<Map<String, Object>> release = watched.get(heardWhenFrozen);
            assertThat(release.event()).isEqualTo("change");
            assertThat(release.data()).doesNotContainKey("frozenSince").containsEntry("total", 4);
            assertThat(numbersOf((List<Map<String, Object>>) release.data().get("changed")))
                    .contains(fixtures.number(late), fixtures.number(later));
        } finally {
            watching.dispose();
        }

        Map<String, Object> after = read(organizer, freeze);
        assertThat(after).containsEntry("frozen", false).doesNotContainKey("frozenSince");
        organizer.delete().uri(freeze).header(HttpHeaders.IF_MATCH, "\"" + after.get("version") + "\"").exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("" + fixtures.event));
        List<Map<String, Object>> audit = (List<Map<String, Object>>) admin.get()
                .uri("/api/audit/chains/event-{e}/entries?size=200&sort=position", fixtures.event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(audit).filteredOn(entry -> String.valueOf(entry.get("action")).startsWith("board."))
                .extracting(entry -> entry.get("action"), entry -> entry.get("actor"))
                .containsExactly(tuple("board.frozen", organizerName), tuple("board.unfrozen", organizerName));
    }

    /** Only while MARKING; the chief judge reads the live board and the freeze but does not freeze. */
    @Test
    void aFreezeNeedsMarkingAndEndsWhenTheResultsGoOutForReview() {
        long first = fixtures.entry();
        long second = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        organizer.post().uri(freeze).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        read(organizer, freeze);
        organizer.get().uri("/api/events/{e}/board", fixtures.event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        assertThat(read(organizer, freeze)).containsEntry("frozen", false).containsEntry("version", 0);

        fixtures.startMarking();
        fixtures.mark(judge, first, 60);
        eventually("the first on the board", () -> total(read(anonymous, board)) == 1);
        organizer.post().uri(freeze).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isCreated();
        fixtures.mark(judge, second, 90);
        eventually("the second on the live board",
                () -> total(read(organizer, "/api/events/" + fixtures.event + "/board")) == 2);
        assertThat(total(read(anonymous, board))).isEqualTo(1);

        fixtures.move("REVIEW");
        assertThat(read(organizer, freeze)).containsEntry("frozen", false);
        eventually("the public board live again", () -> !read(anonymous, board).containsKey("frozenSince"));
        Map<String, Object> reviewed = read(anonymous, board);
        assertThat(reviewed).doesNotContainKey("frozenSince").containsEntry("total", 2);
        organizer.post().uri(freeze).exchange().expectStatus().isEqualTo(409);
    }

    /** A freeze for a time to come: nothing until then, the board frozen from then on; one far off is cancelled. */
    @Test
    void aScheduledFreezeIsTakenWhenItComesDue() {
        long early = fixtures.entry();
        long late = fixtures.entry();
        WebTestClient judge = fixtures.judge();
        fixtures.startMarking();
        fixtures.mark(judge, early, 75);
        eventually("the early entry on the board", () -> total(read(anonymous, board)) == 1);

        Instant far = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> scheduled = organizer.post().uri(freeze).bodyValue(Map.of("at", far.toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(scheduled).containsEntry("frozen", false).containsEntry("scheduledAt", far.toString());
        organizer.post().uri(freeze).exchange().expectStatus().isEqualTo(409);
        organizer.delete().uri(freeze).header(HttpHeaders.IF_MATCH, "\"" + scheduled.get("version") + "\"")
                .exchange().expectStatus().isNoContent();
        assertThat(read(organizer, freeze)).containsEntry("frozen", false).doesNotContainKey("scheduledAt");

        Instant soon = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS); // times go to the µs at most
        organizer.post().uri(freeze).bodyValue(Map.of("at", soon.toString())).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.frozen").isEqualTo(false);
        assertThat(read(anonymous, board)).doesNotContainKey("frozenSince");
        eventually("the scheduled freeze taken", () -> Boolean.TRUE.equals(read(organizer, freeze).get("frozen")));
        Map<String, Object> taken = read(organizer, freeze);
        assertThat(Instant.parse((String) taken.get("frozenSince"))).isAfterOrEqualTo(soon);
        assertThat(taken).containsEntry("changedBy", organizerName).doesNotContainKey("scheduledAt");

        fixtures.mark(judge, late, 95);
        eventually("the late mark on the live board",
                () -> total(read(organizer, "/api/events/" + fixtures.event + "/board")) == 2);
        assertThat(read(anonymous, board)).containsEntry("total", 1)
                .containsEntry("frozenSince", taken.get("frozenSince"));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Flux<ServerSentEvent<Map<String, Object>>> stream(String lastEventId) {
        return anonymous.get().uri(board + "/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange().expectStatus().isOk().returnResult(EVENTS).getResponseBody()
                .filter(event -> event.event() != null);
    }

    private static boolean isFrozen(ServerSentEvent<Map<String, Object>> event) {
        return event.data() != null && event.data().get("frozenSince") != null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(WebTestClient client, String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    static int total(Map<String, Object> page) {
        return ((Number) page.get("total")).intValue();
    }

    @SuppressWarnings("unchecked")
    static List<Integer> numbers(Map<String, Object> page) {
        return numbersOf((List<Map<String, Object>>) page.get("entries"));
    }

    private static List<Integer> numbersOf(List<Map<String, Object>> lines) {
        return lines.stream().map(line -> ((Number) line.get("registrationNumber")).intValue())
                .filter(Objects::nonNull).toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
