package io.jingsai.api.web;

import static io.jingsai.api.programme.RegistryFixtures.eventBody;
import static io.jingsai.api.programme.RegistryFixtures.programmeBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read exactly as documented: no coercion, truncation or silent default; a refusal names the
 * field by its JSON path and the rule by its key (never a Java type), and writes nothing.
 */
@IntegrationTest
class JsonBodyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    WebTestClient web;
    RegistryFixtures fixtures;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
        fixtures = new RegistryFixtures(web, database);
    }

    @Test
    void moneyIsAWholeNumberOfFen() {
        for (String fund : List.of("1.5", "0.9", "1e3", "1.0", "\"100\"", "\" 12 \"", "true")) {
            String name = TestIdentities.unique("资金");
            refused("/api/programmes", programme(name).replace("\"fundFen\":1500000000", "\"fundFen\":" + fund),
                    "fundFen", "type.wholeNumber");
            assertNoProgrammeNamed(name);
        }
        String name = TestIdentities.unique("资金");
        refused("/api/programmes", programme(name).replace("\"fundFen\":1500000000", "\"fundFen\":99999999999999999999"),
                "fundFen", "number.range");
        assertNoProgrammeNamed(name);
    }

    @Test
    void idsAreWholeNumbersInDigits() {
        for (String id : List.of("1.5", "\" 12 \"", "\"١\"", "\"12\"", "1e1", "-0.0")) {
            String name = TestIdentities.unique("班组");
            refused("/api/teams", """
                    {"name": "%s", "enterpriseId": %s, "scoreRule": "SUM", "memberIds": [1]}""".formatted(name, id),
                    "enterpriseId", "type.wholeNumber");
            refused("/api/teams", """
                    {"name": "%s", "enterpriseId": 1, "scoreRule": "SUM", "memberIds": [1, %s]}""".formatted(name, id),
                    "memberIds[1]", "type.wholeNumber");
            assertThat(count("SELECT COUNT(*) FROM team WHERE name = '" + name + "'")).isZero();
        }
    }

    @Test
    void dateTimesAreIsoTextsWithAZoneThatPostgresHoldsExactly() {
        for (String at : List.of("1700000000", "1.7e9", "\"1700000000\"", "\"2024-10-12T01:00:00\"", "\"2024-10-12\"",
                "true", "[2024]")) {
            String name = TestIdentities.unique("冻结");
            refused("/api/programmes", withField(programme(name), "\"freezeAt\": " + at), "freezeAt",
                    "dateTime.format");
            assertNoProgrammeNamed(name);
        }
        for (String at : List.of("\"+999999999-12-31T23:59:59Z\"", "\"-290000-01-01T00:00:00Z\"",
                "\"0000-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2024-10-12T01:00:00.1234567Z\"")) {
            String name = TestIdentities.unique("冻结");
            refused("/api/programmes", withField(programme(name), "\"freezeAt\": " + at), "freezeAt",
                    "dateTime.range");
            assertNoProgrammeNamed(name);
        }
    }

    @Test
    void dateTimesAtTheEndsOfTheRangeAreReadBackUnchanged() {
        Map<String, String> sentAndRead = Map.of(
                "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z",
                "2024-12-21T00:00:00+08:00", "2024-12-20T16:00:00Z");
        sentAndRead.forEach((sent, read) -> {
            Map<String, Object> body = programmeBody(TestIdentities.unique("冻结"));
            body.put("freezeAt", sent);
            long id = fixtures.programme(body);
            web.get().uri("/api/programmes/{id}", id).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.freezeAt").isEqualTo(read);
        });
    }

    @Test
    void decimalsStayWithinTwelveDigitsAndSixPlaces() {
        String event = eventJson();
        refused("/api/events", event.replace("\"declaredTotal\":100", "\"declaredTotal\":1e309"),
                "scheme.declaredTotal", "number.decimal");
        refused("/api/events", event.replace("\"weight\":0.3", "\"weight\":1e-400"),
                "scheme.components[0].weight", "number.decimal");
        refused("/api/events", event.replace("\"weight\":0.3", "\"weight\":\"0.3\""),
                "scheme.components[0].weight", "number.decimal");
        refused("/api/events", event.replace("\"maxMark\":60", "\"maxMark\":NaN"), null, "请求体不是有效的 JSON");
        assertThat(count("SELECT COUNT(*) FROM event WHERE name = '" + nameOf(event) + "'")).isZero();
    }

    @Test
    void textFieldsTakeStringsOnly() {
        for (String value : List.of("5", "true", "1.5", "{}", "[\"a\"]")) {
            refused("/api/reference/trades", "{\"nameZh\": " + value + ", \"nameEn\": \"Fitter\"}", "nameZh",
                    "type.text");
            refused("/api/enterprises", """
                    {"name": "企业", "creditCode": %s, "regionCode": "610100", "ownership": "PRIVATE"}"""
                            .formatted(value),
                    "creditCode", "type.text");
        }
    }

    @Test
    void enumsAndBooleansTakeTheirOwnValuesOnly() {
        for (String status : List.of("0", "\"\"")) {
            web.post().uri("/api/programmes").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(withField(programme(TestIdentities.unique("状态")), "\"status\": " + status)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("status")
                    .jsonPath("$.errors[0].rule").isEqualTo("oneOf")
                    .jsonPath("$.errors[0].message").isEqualTo("须为以下之一：PLANNING、RUNNING、CLOSED");
        }
        for (String observer : List.of("\"true\"", "1", "\"yes\"")) {
            refused("/api/events/1/registrations", "{\"contestantId\": 1, \"observer\": " + observer + "}", "observer",
                    "type.boolean");
        }
    }

    @Test
    void schemeTextsHaveLimitsLikeEveryOtherText() {
        long programme = fixtures.programme();
        long trade = fixtures.trade();
        Map<String, Object> event = eventBody(programme, trade, TestIdentities.unique("赛项"));
        Map<String, Object> aspect = aspect(event, 0);
        aspect.put("description", "很".repeat(10_000));
        web.post().uri("/api/events").bodyValue(event).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("scheme.criteria[0].subCriteria[0].aspects[0].description")
                .jsonPath("$.errors[0].rule").isEqualTo("size.max")
                .jsonPath("$.errors[0].message").isEqualTo("最多 2000 个字符");
        aspect.put("description", "理论试卷");
        criterion(event, 0).put("name", "名".repeat(201));
        web.post().uri("/api/events").bodyValue(event).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("scheme.criteria[0].name");
        assertThat(count("SELECT COUNT(*) FROM event WHERE name = '" + event.get("name") + "'")).isZero();
    }

    @Test
    void anAspectDescriptionMayRunOverSeveralLines() {
        long programme = fixtures.programme();
        long trade = fixtures.trade();
        Map<String, Object> event = eventBody(programme, trade, TestIdentities.unique("赛项"));
        aspect(event, 0).put("description", "第一条：卷面整洁\n第二条：答题完整\r\n第三条");
        long id = fixtures.event(event);
        web.get().uri("/api/events/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.scheme.criteria[0].subCriteria[0].aspects[0].description")
                .isEqualTo("第一条：卷面整洁\n第二条：答题完整\r\n第三条");
    }

    @Test
    void unknownFieldsAreNamedNotIgnored() {
        String name = TestIdentities.unique("拼写");
        refusedInEnglish("/api/programmes", withField(programme(name), "\"quota\": {\"key\": 3}"), "quota",
                "field.unknown", "is not a field here; the fields are enterpriseIndex, freezeAt, fundFen, keyAreas, name, "
                        + "organizer, quotas, regionCode, starRule, status, year");
        refusedInEnglish("/api/programmes", withField(programme(name), "\"quotas\": {\"stars\": 5, \"star\": 3}"),
                "quotas.star", "field.unknown", "is not a field here; the fields are demonstration, enterprises, key, stars");
        assertNoProgrammeNamed(name);
        refusedInEnglish("/api/events", eventJson().replace("\"name\":\"理论知识\"", "\"nmae\":\"理论知识\""),
                "scheme.criteria[0].nmae", "field.unknown",
                "is not a field here; the fields are componentId, id, name, subCriteria");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        String name = TestIdentities.unique("重复");
        refused("/api/programmes", "{\"name\": \"另一个\", " + programme(name).substring(1), "name",
                "field.repeated");
        refused("/api/programmes", withField(programme(name), "\"quotas\": {\"key\": 5, \"key\": 500}"),
                "quotas.key", "field.repeated");
        refused("/api/programmes", withField(programmeWithoutKeyAreas(name),
                "\"keyAreas\": [{\"code\": \"A\", \"nameZh\": \"甲\", \"code\": \"B\"}]"), "keyAreas[0].code",
                "field.repeated");
        assertNoProgrammeNamed(name);
    }

    @Test
    void aBodyThatIsNotOneObjectIsRefusedAsAWhole() {
        for (String body : List.of("[]", "\"text\"", "42", "null", programme("甲") + " {}", programme("乙") + " 5",
                "{\"name\": ")) {
            web.post().uri("/api/programmes").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("请求体"))
                    .jsonPath("$.errors").doesNotExist();
            web.post().uri("/api/programmes").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en")
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("the request body "));
        }
    }

    @Test
    void idsInBodiesArePositive() {
        long programme = fixtures.programme();
        Map<String, Object> event = eventBody(programme, 1, TestIdentities.unique("赛项"));
        event.put("tradeId", 0);
        event.put("projectId", -1);
        web.post().uri("/api/events").bodyValue(event).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<Object>) fields).containsExactlyInAnyOrder("tradeId", "projectId"));
        Map<String, Object> project = RegistryFixtures.projectBody(TestIdentities.unique("项目"), 0);
        web.post().uri("/api/programmes/{id}/projects", programme).bodyValue(project).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("hostEnterpriseId");
    }

    @Test
    void aValidBodyIsStillAccepted() {
        TestRegistry registry = new TestRegistry(web);
        long enterprise = registry.enterprise();
        web.post().uri("/api/teams").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"name": "%s", "enterpriseId": %d, "scoreRule": "SUM",
                 "memberIds": [%d]}""".formatted(TestIdentities.unique("班组"), enterprise,
                        registry.contestant(enterprise, registry.trade())))
                .exchange().expectStatus().isCreated();
    }

    /** Refused naming the field and the rule; the English message says it in full. */
    private void refusedInEnglish(String path, String body, String field, String rule, String message) {
        refused(path, body, field, rule);
        web.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo(message);
    }

    /** Refused with {@code field} and the rule key {@code rule}; without a field, the detail contains {@code rule}. */
    private void refused(String path, String body, String field, String rule) {
        WebTestClient.BodyContentSpec problem = web.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        problem.jsonPath("$.detail").value(detail -> assertThat((String) detail)
                .doesNotContainPattern("java\\.|tools\\.|jingsai\\.|`|[A-Z][a-z]+Exception"));
        if (field == null) {
            problem.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(rule));
            return;
        }
        problem.jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").value(text -> assertThat((String) text).as(body).isEqualTo(rule));
    }

    /** The object with one more field at its end (a field it has already makes a duplicate key). */
    private static String withField(String object, String field) {
        return object.substring(0, object.lastIndexOf('}')) + ", " + field + "}";
    }

    private static String programmeWithoutKeyAreas(String name) {
        Map<String, Object> body = programmeBody(name);
        body.remove("keyAreas");
        return JSON.writeValueAsString(body);
    }

    private static String programme(String name) {
        return JSON.writeValueAsString(programmeBody(name)).replace(" ", "");
    }

    private String eventJson() {
        long programme = fixtures.programme();
        return JSON.writeValueAsString(eventBody(programme, fixtures.trade(), TestIdentities.unique("赛项")));
    }

    private static String nameOf(String event) {
        return (String) JSON.readValue(event, Map.class).get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> criterion(Map<String, Object> event, int index) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) event.get("scheme")).get("criteria")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> aspect(Map<String, Object> event, int criterion) {
        Map<String, Object> sub = ((List<Map<String, Object>>) criterion(event, criterion).get("subCriteria")).get(0);
        return ((List<Map<String, Object>>) sub.get("aspects")).get(0);
    }

    private void assertNoProgrammeNamed(String name) {
        assertThat(count("SELECT COUNT(*) FROM programme WHERE name = '" + name + "'")).as(name).isZero();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
