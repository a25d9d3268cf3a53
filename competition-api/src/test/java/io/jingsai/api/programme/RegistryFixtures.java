package io.jingsai.api.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.TestIdentities;

/**
 * Test data for programmes, projects and events: valid request bodies to start from, and the rows they refer to,
 * each unique across runs (a configured server keeps data). Enterprises go through the API; trades are inserted in
 * SQL because the trade API lives in another feature.
 */
public final class RegistryFixtures {

    private final WebTestClient web;
    private final DatabaseClient database;

    public RegistryFixtures(WebTestClient web, DatabaseClient database) {
        this.web = web;
        this.database = database;
    }

    /** A valid programme with key areas TECH and INDUSTRY and default quotas. */
    public static Map<String, Object> programmeBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("year", 2024);
        body.put("organizer", "陕西省总工会");
        body.put("regionCode", "610000");
        body.put("keyAreas", List.of(
                Map.of("code", "TECH", "nameZh", "科技强省", "nameEn", "Science and technology"),
                Map.of("code", "INDUSTRY", "nameZh", "现代化产业体系")));
        body.put("fundFen", 1_500_000_000L);
        return body;
    }

    /** A valid project body with one indicator scored against its target. */
    public static Map<String, Object> projectBody(String name, long hostEnterpriseId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("hostEnterpriseId", hostEnterpriseId);
        body.put("aspect", "ENGINEERING_EXCELLENCE");
        body.put("keyArea", "TECH");
        body.put("regionCode", "610100");
        body.put("indicators", new ArrayList<>(List.of(indicator("COST", "0.4", "HIGHER_IS_BETTER", "500", "0"))));
        return body;
    }

    public static Map<String, Object> indicator(String code, String weight, String direction, String target,
                                                String baseline) {
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("code", code);
        indicator.put("name", "指标" + code);
        indicator.put("unit", "万元");
        indicator.put("weight", weight == null ? null : new java.math.BigDecimal(weight));
        indicator.put("direction", direction);
        indicator.put("target", target == null ? null : new java.math.BigDecimal(target));
        indicator.put("baseline", baseline == null ? null : new java.math.BigDecimal(baseline));
        return indicator;
    }

    /** Parses JSON into mutable maps and lists, for bodies too deep to write as map literals. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(text, Map.class);
    }

    /**
     * A valid scheme: theory 30% (one measurement aspect of 100) and practical 70% (measurement 60, judgement 30,
     * deduction module 10).
     */
    public static Map<String, Object> scheme(String theoryWeight, String practicalWeight) {
        return json("""
                {"declaredTotal": 100,
                 "components": [{"id": "theory", "kind": "THEORY", "weight": %s, "declaredMax": 100},
                                {"id": "practical", "kind": "PRACTICAL", "weight": %s, "declaredMax": 100}],
                 "criteria": [
                   {"id": "T", "name": "理论知识", "componentId": "theory", "subCriteria": [{"id": "T1", "name": "笔试",
                     "aspects": [{"id": "T1a", "description": "理论试卷", "type": "MEASUREMENT", "maxMark": 100}]}]},
                   {"id": "P", "name": "实操", "componentId": "practical", "subCriteria": [{"id": "P1", "name": "线路安装",
                     "aspects": [{"id": "P1a", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 60},
                                 {"id": "P1b", "description": "工艺美观", "type": "JUDGEMENT", "maxMark": 30,
                                  "levelDescriptors": ["不合格", "合格", "良好", "优秀"]},
                                 {"id": "P1c", "description": "安全文明生产", "type": "DEDUCTION", "maxMark": 10,
                                  "deductionPerViolation": 5}]}]}]}""".formatted(theoryWeight, practicalWeight));
    }

    /** A valid individual event of a programme in a trade, with awards and a tie-break chain. */
    public static Map<String, Object> eventBody(long programmeId, long tradeId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programmeId);
        body.put("tradeId", tradeId);
        body.put("name", name);
        body.put("entryKind", "INDIVIDUAL");
        body.put("venue", "西安技师学院");
        body.put("startsAt", "2024-10-12T01:00:00Z");
        body.put("endsAt", "2024-10-13T09:00:00Z");
        body.put("scheme", scheme("0.3", "0.7"));
        body.put("rules", json("""
                {"tieBreak": [{"key": "total", "order": "DESCENDING"},
                              {"key": "completionTime", "order": "ASCENDING"},
                              {"key": "practical", "order": "DESCENDING"}],
                 "awards": {"bands": [{"name": "一等奖", "share": 0.1}, {"name": "二等奖", "share": 0.2},
                                      {"name": "三等奖", "share": 0.3, "minimumStarters": 6}],
                            "titles": [{"title": "技术能手", "maxRank": 3}]}}"""));
        return body;
    }

    public long enterprise() {
        return id(web.post().uri("/api/enterprises")
                .bodyValue(Map.of("name", TestIdentities.unique("中铁一局"), "creditCode", TestIdentities.creditCode(),
                        "regionCode", "610100", "ownership", "STATE_OWNED")));
    }

    public long trade() {
        String name = TestIdentities.unique("电工");
        return database.sql("INSERT INTO trade (name_zh, name_en) VALUES (:zh, :en) RETURNING id")
                .bind("zh", name).bind("en", "Electrician " + name)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    public long programme() {
        return programme(programmeBody(TestIdentities.unique("劳动竞赛")));
    }

    public long programme(Map<String, Object> body) {
        return id(web.post().uri("/api/programmes").bodyValue(body));
    }

    public long project(long programmeId) {
        return project(programmeId, projectBody(TestIdentities.unique("地铁项目"), enterprise()));
    }

    public long project(long programmeId, Map<String, Object> body) {
        return id(web.post().uri("/api/programmes/{id}/projects", programmeId).bodyValue(body));
    }

    public long event(Map<String, Object> body) {
        return id(web.post().uri("/api/events").bodyValue(body));
    }

    /**
     * Takes the event through its life to {@code status}, a step at a time from where it is (DRAFT → OPEN → MARKING
     * → REVIEW), and answers its new version.
     */
    public long moveEvent(long eventId, String status) {
        List<String> order = List.of("DRAFT", "OPEN", "MARKING", "REVIEW", "PUBLISHED");
        Map<?, ?> event = web.get().uri("/api/events/{id}", eventId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        long version = ((Number) event.get("version")).longValue();
        for (int step = order.indexOf((String) event.get("status")) + 1; step <= order.indexOf(status); step++) {
            Map<?, ?> moved = web.post().uri("/api/events/{id}/transition", eventId)
                    .header("If-Match", "\"" + version + "\"").bodyValue(Map.of("status", order.get(step)))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            version = ((Number) moved.get("version")).longValue();
        }
        return version;
    }

    private static long id(WebTestClient.RequestHeadersSpec<?> request) {
        Object id = request.exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        return ((Number) id).longValue();
    }
}
