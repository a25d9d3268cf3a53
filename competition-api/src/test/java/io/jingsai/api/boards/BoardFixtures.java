package io.jingsai.api.boards;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * An event to put on a board, made through the API: one measured aspect worth the whole 100, so that a judge's mark
 * is the entry's total; entries of named contestants; a judge on the panel, signed in with a bearer token, who
 * submits score sheets.
 */
public final class BoardFixtures {

    static final String SCHEME = """
            {"declaredTotal": 100, "defaultAggregation": {"kind": "MEDIAN"},
             "criteria": [{"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "操作", "aspects": [
               {"id": "M1", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 100}]}]}]}""";

    private final WebTestClient admin;
    private final WebTestClient anonymous;
    private final TestRegistry registry;
    private final long trade;
    final long programme;
    final long event;
    private final Map<String, Object> eventBody;
    private long eventVersion;

    BoardFixtures(WebTestClient web, DatabaseClient database) {
        this.admin = web.mutate().responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD)).build();
        this.anonymous = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        this.registry = new TestRegistry(admin);
        RegistryFixtures fixtures = new RegistryFixtures(admin, database);
        this.trade = registry.trade();
        this.programme = fixtures.programme();
        eventBody = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("榜单赛项"));
        eventBody.put("scheme", RegistryFixtures.json(SCHEME));
        eventBody.put("rules", RegistryFixtures.json(
                "{\"tieBreak\": [{\"key\": \"total\", \"order\": \"DESCENDING\"}]}"));
        event = fixtures.event(eventBody);
    }

    /** A new entry of a new contestant: its registration id. */
    long entry() {
        return registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(registry.enterprise(), trade)));
    }

    /** A new entry of a contestant with this name, ID number and phone: its registration id. */
    long entry(String name, String idNumber, String phone) {
        Map<String, Object> body = new java.util.HashMap<>(
                TestRegistry.contestantBody(name, idNumber, registry.enterprise(), trade));
        body.put("phone", phone);
        return registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.create("/api/contestants", body)));
    }

    /** The entry's registration number. */
    int number(long entry) {
        return ((Number) admin.get().uri("/api/events/{e}/registrations/{r}", event, entry).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("registrationNumber")).intValue();
    }

    /** A judge on the panel with an account of their own, signed in. */
    @SuppressWarnings("unchecked")
    WebTestClient judge() {
        long judge = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判"),
                "qualification", "PROVINCIAL"));
        admin.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", "JUDGE"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> made = admin.post().uri("/api/accounts/judges")
                .bodyValue(Map.of("eventId", event, "role", "JUDGE", "judgeIds", List.of(judge)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> item = ((List<Map<String, Object>>) made.get("items")).get(0);
        String username = (String) ((Map<String, Object>) item.get("account")).get("username");
        String initial = (String) item.get("initialPassword");
        String password = "changed-" + UUID.randomUUID();
        anonymous.post().uri("/api/account/password").headers(h -> h.setBasicAuth(username, initial))
                .bodyValue(Map.of("currentPassword", initial, "newPassword", password))
                .exchange().expectStatus().isNoContent();
        Map<String, Object> token = anonymous.post().uri("/api/auth/token")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String bearer = (String) token.get("accessToken");
        return anonymous.mutate().defaultHeaders(h -> h.setBearerAuth(bearer)).build();
    }

    /** Moves the event on to {@code status}, one step. */
    void move(String status) {
        admin.post().uri("/api/events/{id}/transition", event).header("If-Match", "\"" + eventVersion + "\"")
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
        eventVersion++;
    }

    void startMarking() {
        move("OPEN");
        move("MARKING");
    }

    /** The judge's sheet for the entry: its one mark, which is the entry's total. */
    void mark(WebTestClient judge, long entry, Object mark) {
        judge.post().uri("/api/events/{e}/registrations/{r}/score-sheets", event, entry)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(Map.of("marks", List.of(Map.of("aspectId", "M1", "value", mark))))
                .exchange().expectStatus().isCreated();
    }

    /** Waits (at most 15 s) until {@code condition} holds; the boards follow changes asynchronously. */
    public static void eventually(String what, Supplier<Boolean> condition) {
        eventually(what, Duration.ofSeconds(15), condition);
    }

    /** Waits, polling, for at most {@code patience}: a bound on a test that hangs, not a measure of speed. */
    public static void eventually(String what, Duration patience, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
