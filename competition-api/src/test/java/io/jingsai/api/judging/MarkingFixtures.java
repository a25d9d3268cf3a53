package io.jingsai.api.judging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * Events for marking tests, made through the API: a programme, a trade, an event with a small scheme
 * ({@link #SCHEME}), entries, and judges on its panel with accounts of their own, each signed in with a bearer
 * token.
 */
public final class MarkingFixtures {

    /** M1 50 (median), M2 10 (0 or 10), J1 30 (judgement), D1 a deduction module of 10: 100. */
    public static final String SCHEME = """
            {"declaredTotal": 100, "defaultAggregation": {"kind": "MEDIAN"},
             "criteria": [{"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "线路安装", "aspects": [
               {"id": "M1", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 50},
               {"id": "D1", "description": "安全文明生产", "type": "DEDUCTION", "maxMark": 10,
                "deductionPerViolation": 5},
               {"id": "M2", "description": "安全检查", "type": "MEASUREMENT", "maxMark": 10, "allowedMarks": [0, 10]},
               {"id": "J1", "description": "工艺美观", "type": "JUDGEMENT", "maxMark": 30,
                "levelDescriptors": ["不合格", "合格", "良好", "优秀"]}]}]}]}""";

    /** A judge of the registry, on the panel, with an account of their own. */
    public record Judge(long id, WebTestClient client) {
    }

    private final WebTestClient admin;
    private final WebTestClient anonymous;
    private final DatabaseClient database;
    private final TestRegistry registry;
    final long trade;
    final long programme;
    public long event;
    private Map<String, Object> eventBody;
    private long eventVersion;

    public MarkingFixtures(WebTestClient web, DatabaseClient database) {
        this.admin = TestClients.administrator(web);
        this.anonymous = TestClients.anonymous(web);
        this.database = database;
        this.registry = new TestRegistry(admin);
        RegistryFixtures fixtures = new RegistryFixtures(admin, database);
        this.trade = registry.trade();
        this.programme = fixtures.programme();
    }

    /** Fixtures for events of the same programme in a trade of their own. */
    private MarkingFixtures(MarkingFixtures sameProgramme) {
        this.admin = sameProgramme.admin;
        this.anonymous = sameProgramme.anonymous;
        this.database = sameProgramme.database;
        this.registry = sameProgramme.registry;
        this.trade = registry.trade();
        this.programme = sameProgramme.programme;
    }

    /** Another event of this programme, in another trade: its own fixtures. */
    MarkingFixtures inAnotherTrade() {
        return new MarkingFixtures(this);
    }

    public WebTestClient admin() {
        return admin;
    }

    /** The trade of this fixture's events. */
    public long trade() {
        return trade;
    }

    TestRegistry registry() {
        return registry;
    }

    /** A new DRAFT event of the programme with {@code scheme}; later calls make more events. */
    public long event(String scheme) {
        return event(scheme, "{\"tieBreak\": [{\"key\": \"total\", \"order\": \"DESCENDING\"}]}");
    }

    /** A new DRAFT event of the programme with {@code scheme} and {@code rules} (JSON texts). */
    public long event(String scheme, String rules) {
        eventBody = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("评分赛项"));
        eventBody.put("scheme", RegistryFixtures.json(scheme));
        eventBody.put("rules", RegistryFixtures.json(rules));
        event = new RegistryFixtures(admin, database).event(eventBody);
        eventVersion = 0;
        return event;
    }

    public long entry() {
        return entry(registry.enterprise());
    }

    /** An entry with a station number, observing (taking no award place) if {@code observer}. */
    long entry(String station, boolean observer) {
        return registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(registry.enterprise(), trade), "stationNumber", station,
                        "observer", observer));
    }

    long entry(long enterprise) {
        return registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(enterprise, trade)));
    }

    /** Judges on the panel (of no enterprise unless given), each with an account, signed in. */
    public List<Judge> judges(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(judge(null));
        }
        return onPanelAndSignedIn(ids);
    }

    long judge(Long enterprise) {
        Map<String, Object> body = new HashMap<>(Map.of("name", TestIdentities.unique("裁判"),
                "qualification", "PROVINCIAL"));
        if (enterprise != null) {
            body.put("enterpriseId", enterprise);
        }
        return registry.create("/api/judges", body);
    }

    List<Judge> onPanelAndSignedIn(List<Long> judgeIds) {
        return onPanelAndSignedIn(judgeIds, "JUDGE");
    }

    /** The event's chief judge: a judge of the registry, on the panel as CHIEF_JUDGE, signed in. */
    public Judge chiefJudge() {
        return onPanelAndSignedIn(List.of(judge(null)), "CHIEF_JUDGE").get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Judge> onPanelAndSignedIn(List<Long> judgeIds, String role) {
        for (long judge : judgeIds) {
            admin.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", role))
                    .exchange().expectStatus().isCreated();
        }
        Map<String, Object> made = admin.post().uri("/api/accounts/judges")
                .bodyValue(Map.of("eventId", event, "role", role, "judgeIds", judgeIds))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        List<Judge> judges = new ArrayList<>();
        List<Map<String, Object>> items = (List<Map<String, Object>>) made.get("items");
        for (int i = 0; i < judgeIds.size(); i++) {
            Map<String, Object> account = (Map<String, Object>) items.get(i).get("account");
            judges.add(new Judge(judgeIds.get(i), signIn((String) account.get("username"),
                    (String) items.get(i).get("initialPassword"))));
        }
        return judges;
    }

    /** Changes the one-time password and signs in for a bearer token (no password hashing per request). */
    @SuppressWarnings("unchecked")
    WebTestClient signIn(String username, String initialPassword) {
        String password = "changed-" + UUID.randomUUID();
        anonymous.post().uri("/api/account/password").headers(h -> h.setBasicAuth(username, initialPassword))
                .bodyValue(Map.of("currentPassword", initialPassword, "newPassword", password))
                .exchange().expectStatus().isNoContent();
        Map<String, Object> token = anonymous.post().uri("/api/auth/token")
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        String bearer = (String) token.get("accessToken");
        return anonymous.mutate().responseTimeout(Duration.ofSeconds(120))
                .defaultHeaders(h -> h.setBearerAuth(bearer)).build();
    }

    /** Moves the event on to {@code status} (OPEN, MARKING, REVIEW …), one step. */
    public void move(String status) {
        move(status, 200);
    }

    /** Tries the step, expecting {@code expected}; the event's version moves on only when it is taken. */
    WebTestClient.ResponseSpec move(String status, int expected) {
        WebTestClient.ResponseSpec answer = admin.post().uri("/api/events/{id}/transition", event)
                .header("If-Match", "\"" + eventVersion + "\"")
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isEqualTo(expected);
        if (expected == 200) {
            eventVersion++;
        }
        return answer;
    }

    /** A step back ({@code MARKING} from REVIEW), with its reason. */
    void moveBack(String status, String reason) {
        admin.post().uri("/api/events/{id}/transition", event)
                .header("If-Match", "\"" + eventVersion + "\"")
                .bodyValue(Map.of("status", status, "reason", reason)).exchange().expectStatus().isOk();
        eventVersion++;
    }

    /** Marks the event blind or not, as an organizer does: the event changed with the rest of its body as made. */
    WebTestClient.ResponseSpec blind(boolean blind, int expected) {
        eventBody.put("blind", blind);
        WebTestClient.ResponseSpec answer = admin.put().uri("/api/events/{id}", event)
                .header("If-Match", "\"" + eventVersion + "\"").bodyValue(eventBody)
                .exchange().expectStatus().isEqualTo(expected);
        if (expected == 200) {
            eventVersion++;
        }
        return answer;
    }

    /** The event's version as stored now, after a change these fixtures did not make (a reveal, say). */
    long rereadVersion() {
        Map<?, ?> read = admin.get().uri("/api/events/{id}", event).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        eventVersion = ((Number) read.get("version")).longValue();
        return eventVersion;
    }

    public void startMarking() {
        move("OPEN");
        move("MARKING");
    }

    public static Map<String, Object> sheet(Object... aspectsAndValues) {
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int i = 0; i < aspectsAndValues.length; i += 2) {
            marks.add(Map.of("aspectId", aspectsAndValues[i], "value", aspectsAndValues[i + 1]));
        }
        return Map.of("marks", marks);
    }

    public static WebTestClient.ResponseSpec submit(WebTestClient client, long event, long entry, String key,
                                             Map<String, Object> sheet) {
        return client.post().uri("/api/events/{e}/registrations/{r}/score-sheets", event, entry)
                .headers(h -> {
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .bodyValue(sheet).exchange();
    }

    /** One judge's marks for one aspect across entries ({@code POST …/aspects/{aspectId}/marks}). */
    static WebTestClient.ResponseSpec markAspect(WebTestClient client, long event, String aspect, String key,
                                                 List<Map<String, Object>> marks) {
        return client.post().uri("/api/events/{e}/aspects/{a}/marks", event, aspect)
                .headers(h -> {
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .bodyValue(Map.of("marks", marks)).exchange();
    }

    /** One entry's mark in {@link #markAspect}: the sheet's version seen, or null for an entry without a sheet. */
    static Map<String, Object> entryMark(long registrationId, Object value, Long sheetVersion) {
        Map<String, Object> mark = new HashMap<>(Map.of("registrationId", registrationId, "value", value));
        if (sheetVersion != null) {
            mark.put("sheetVersion", sheetVersion);
        }
        return mark;
    }

    static WebTestClient.ResponseSpec penalize(WebTestClient client, long event, long entry, String key,
                                               Map<String, Object> penalty) {
        return client.post().uri("/api/events/{e}/registrations/{r}/penalties", event, entry)
                .headers(h -> {
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .bodyValue(penalty).exchange();
    }

    static WebTestClient.ResponseSpec decide(WebTestClient client, long event, long penalty,
                                             Map<String, Object> decision) {
        return client.post().uri("/api/events/{e}/penalties/{p}/decision", event, penalty).bodyValue(decision)
                .exchange();
    }

    static WebTestClient.ResponseSpec replace(WebTestClient client, long event, long entry, long judge,
                                              String ifMatch, String key, Map<String, Object> sheet) {
        return client.put().uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", event, entry, judge)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.set("If-Match", ifMatch);
                    }
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .bodyValue(sheet).exchange();
    }
}
