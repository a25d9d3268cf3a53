package io.jingsai.api.certificate;

import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * An event with results, made through the API: one measured aspect out of 100 marked by one judge (the mark is the
 * total), award bands of 1, 2 and 3 places (all tied at a cut-off included) and the title 技术能手 to ranks 1–2, and
 * entrants whose names, enterprises, ID numbers and phones the test knows.
 */
final class ResultFixtures {

    static final String SCHEME = """
            {"declaredTotal": 100, "defaultAggregation": {"kind": "MEDIAN"},
             "criteria": [{"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "线路安装", "aspects": [
               {"id": "M1", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 100}]}]}]}""";

    static final String RULES = """
            {"tieBreak": [{"key": "total", "order": "DESCENDING"}],
             "awards": {"cutOff": "INCLUDE_ALL",
                        "bands": [{"name": "一等奖", "places": 1}, {"name": "二等奖", "places": 2},
                                  {"name": "三等奖", "places": 3}],
                        "titles": [{"title": "技术能手", "maxRank": 2}]}}""";

    /** An entrant as the test made it, with its registration's verification code. */
    record Entrant(long registrationId, int number, String name, String enterprise, String idNumber, String phone,
                   String code) {
    }

    private static final Random PHONES = new Random();

    final MarkingFixtures marking;
    final WebTestClient admin;
    final WebTestClient anonymous;
    final long event;
    private MarkingFixtures.Judge judge;

    ResultFixtures(WebTestClient web, DatabaseClient database) {
        marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        anonymous = TestClients.anonymous(web);
        event = marking.event(SCHEME, RULES);
    }

    /** A contestant of an enterprise of their own, entered (observing if {@code observer}). */
    @SuppressWarnings("unchecked")
    Entrant entrant(boolean observer) {
        String enterpriseName = TestIdentities.unique("证书企业");
        long enterprise = id(admin.post().uri("/api/enterprises").bodyValue(Map.of("name", enterpriseName,
                "creditCode", TestIdentities.creditCode(), "regionCode", "610113", "ownership", "PRIVATE")));
        String name = TestIdentities.unique("证书选手");
        String idNumber = TestIdentities.residentId();
        String phone = "139" + String.format("%08d", PHONES.nextInt(100_000_000));
        long contestant = id(admin.post().uri("/api/contestants").bodyValue(Map.of("name", name,
                "idNumber", idNumber, "enterpriseId", enterprise, "tradeId", marking.trade(), "phone", phone)));
        Map<String, Object> registration = admin.post().uri("/api/events/{e}/registrations", event)
                .bodyValue(Map.of("contestantId", contestant, "observer", observer)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return new Entrant(((Number) registration.get("id")).longValue(),
                ((Number) registration.get("registrationNumber")).intValue(), name, enterpriseName, idNumber, phone,
                (String) registration.get("verificationCode"));
    }

    /** Opens the event, starts marking and marks each entrant with its total. */
    void mark(Map<Entrant, Integer> totals) {
        judge = marking.judges(1).get(0);
        marking.startMarking();
        totals.forEach((entrant, total) -> markAgain(entrant, total));
    }

    void markAgain(Entrant entrant, int total) {
        submit(judge.client(), event, entrant.registrationId(), UUID.randomUUID().toString(),
                sheet("M1", BigDecimal.valueOf(total))).expectStatus().isCreated();
    }

    void move(String status) {
        marking.move(status);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String uri, Object... variables) {
        return admin.get().uri(uri, variables).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
    }

    /** The event's standings as organizers read them (GET /api/events/{id}/results). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> standings() {
        return (List<Map<String, Object>>) get("/api/events/{e}/results", event).get("entries");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> certificates() {
        return (List<Map<String, Object>>) get("/api/events/{e}/certificates", event).get("items");
    }

    private static long id(WebTestClient.RequestHeadersSpec<?> request) {
        Object id = request.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
        return ((Number) id).longValue();
    }
}
