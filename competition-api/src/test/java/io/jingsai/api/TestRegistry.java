package io.jingsai.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Test-data builder: registers what a test needs through the API and returns the new ids. */
public final class TestRegistry {

    private final WebTestClient admin;

    public TestRegistry(WebTestClient admin) {
        this.admin = admin;
    }

    public long enterprise() {
        return create("/api/enterprises", Map.of("name", TestIdentities.unique("测试企业"),
                "creditCode", TestIdentities.creditCode(), "regionCode", "610100", "ownership", "PRIVATE"));
    }

    public long trade() {
        String unique = TestIdentities.unique("t");
        return create("/api/reference/trades", Map.of("nameZh", "测试工种" + unique, "nameEn", "Test trade " + unique));
    }

    public long contestant(long enterpriseId, long tradeId) {
        return create("/api/contestants", contestantBody(TestIdentities.unique("选手"), TestIdentities.residentId(),
                enterpriseId, tradeId));
    }

    public long team(long enterpriseId, List<Long> memberIds) {
        return create("/api/teams", Map.of("name", TestIdentities.unique("班组"), "enterpriseId", enterpriseId,
                "scoreRule", "SUM", "memberIds", memberIds));
    }

    public static Map<String, Object> contestantBody(String name, String idNumber, long enterpriseId, long tradeId) {
        return Map.of("name", name, "idNumber", idNumber, "enterpriseId", enterpriseId, "tradeId", tradeId);
    }

    public static String idNumberBornOn(LocalDate birth, boolean male) {
        return TestIdentities.residentId(birth, male);
    }

    public long create(String path, Object body) {
        Map<?, ?> created = admin.post().uri(path).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) created.get("id")).longValue();
    }
}
