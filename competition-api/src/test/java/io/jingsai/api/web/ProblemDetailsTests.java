package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * Every error is problem+json whose title, detail and messages follow {@code Accept-Language} (Chinese unless
 * English is asked for), while fields and rule keys stay the same in every language; no message names a Java class
 * or a Java member.
 */
@IntegrationTest
class ProblemDetailsTests {

    /** What a message must never contain: a package, a class, an exception, or Spring's resource wording. */
    private static final String JAVA_NAMES = "io\\.jingsai|java\\.|tools\\.|org\\.spring|[A-Z][a-z]+(Command|Exception|Change)"
            + "|bodyType|No static resource";

    WebTestClient web;
    WebTestClient admin;

    @Autowired
    DatabaseClient database;

    @Autowired
    void clients(WebTestClient client) {
        web = TestClients.anonymous(client);
        admin = TestClients.administrator(client);
    }

    @Test
    void unknownPathIsAPlainNoSuchResource() {
        web.get().uri("/api/reference/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("未找到")
                .jsonPath("$.detail").isEqualTo("没有这个资源")
                .jsonPath("$.trace").doesNotExist();
        admin.get().uri("/no/such/page.html").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "en")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.detail").isEqualTo("no such resource");
    }

    @Test
    void missingCredentialsGiveAChallengeAsProblemJson() {
        web.get().uri("/api/programmes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"jingsai\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("需要登录")
                .jsonPath("$.detail").isEqualTo("请使用 HTTP Basic 登录后再访问");
        web.get().uri("/api/programmes").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("sign in with HTTP Basic to use this endpoint");
    }

    @Test
    void wrongPasswordIsRejected() {
        web.get().uri("/api/programmes")
                .headers(h -> h.setBasicAuth(IntegrationTest.ADMIN, "wrong"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void wrongMethodIsProblemJsonNamingTheMethodsAllowed() {
        admin.delete().uri("/api/reference/aspects")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "GET")
                .expectBody()
                .jsonPath("$.status").isEqualTo(405)
                .jsonPath("$.detail").isEqualTo("此资源只接受以下请求方法：GET");
    }

    /** A 415 named the command class: "Content type 'text/plain' not supported for bodyType=io.jingsai…". */
    @Test
    void anUnsupportedMediaTypeNamesNoClass() {
        for (String language : List.of("zh-CN", "en")) {
            admin.post().uri("/api/enterprises").contentType(MediaType.TEXT_PLAIN)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                    .bodyValue("name=企业").exchange()
                    .expectStatus().isEqualTo(415)
                    .expectBody()
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("application/json").doesNotContainPattern(JAVA_NAMES));
        }
    }

    /**
     * Rules of several fields were reported under Java names: {@code oneEntrant} and {@code memberIdsDistinct}
     * (the record methods that check them), and a {@code null} body under {@code command} (the controller's
     * parameter).
     */
    @Test
    void rulesAcrossFieldsAreReportedForAnApiField() {
        TestRegistry registry = new TestRegistry(admin);
        long enterprise = registry.enterprise();
        long member = registry.contestant(enterprise, registry.trade());
        admin.post().uri("/api/teams").bodyValue(Map.of("name", TestIdentities.unique("班组"), "enterpriseId", enterprise,
                        "scoreRule", "SUM", "memberIds", List.of(member, member)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("memberIds")
                .jsonPath("$.errors[0].rule").isEqualTo("memberIds.distinct")
                .jsonPath("$.errors[0].message").isEqualTo("不能重复列出同一名选手");

        RegistryFixtures fixtures = new RegistryFixtures(admin, database);
        long event = fixtures.event(RegistryFixtures.eventBody(fixtures.programme(), fixtures.trade(),
                TestIdentities.unique("赛项")));
        for (Map<String, Object> body : List.of(Map.<String, Object>of(),
                Map.<String, Object>of("contestantId", 1, "teamId", 1))) {
            admin.post().uri("/api/events/{id}/registrations", event).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors.length()").isEqualTo(1)
                    .jsonPath("$.errors[0].field").isEqualTo("contestantId")
                    .jsonPath("$.errors[0].rule").isEqualTo("entrant.exactlyOne")
                    .jsonPath("$.detail").isEqualTo("contestantId：contestantId 和 teamId 须且只能填写一个");
        }
        admin.post().uri("/api/events/{id}/registrations", event)
                .bodyValue(Map.of("contestantId", member, "stationNumber", "A 1")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("stationNumber")
                .jsonPath("$.errors[0].rule").isEqualTo("stationNumber.format");
        // A JSON null body was reported as field "command", the controller's parameter.
        for (String path : List.of("/api/enterprises", "/api/teams", "/api/events/" + event + "/registrations")) {
            admin.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("null").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors").doesNotExist()
                    .jsonPath("$.detail").isEqualTo("请求体须为一个 JSON 对象");
        }
    }

    @Test
    void titlesDetailsAndMessagesFollowAcceptLanguageWhileFieldsAndRulesStay() {
        Map<String, String> englishByHeader = Map.of(
                "en", "English", "en-US", "English", "en-GB,en;q=0.9", "English", "fr, en;q=0.5", "English",
                "zh-CN", "Chinese", "zh", "Chinese", "zh-TW", "Chinese", "fr", "Chinese", "*", "Chinese",
                "en-;q=abc", "Chinese");
        englishByHeader.forEach((header, language) -> {
            boolean english = language.equals("English");
            admin.get().uri("/api/events?programmeId=0").header(HttpHeaders.ACCEPT_LANGUAGE, header).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "zh-CN")
                    .expectBody()
                    .jsonPath("$.title").isEqualTo(english ? "Invalid request" : "请求无效")
                    .jsonPath("$.detail").isEqualTo(english ? "programmeId: must be greater than 0" : "programmeId：须大于 0")
                    .jsonPath("$.errors[0].field").isEqualTo("programmeId")
                    .jsonPath("$.errors[0].rule").isEqualTo("positive")
                    .jsonPath("$.errors[0].message").isEqualTo(english ? "must be greater than 0" : "须大于 0");
        });
        admin.get().uri("/api/events?programmeId=0").exchange()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "zh-CN")
                .expectBody().jsonPath("$.title").isEqualTo("请求无效");
    }

    @Test
    void limitsAndAllowedValuesAreFormattedIntoTheMessage() {
        admin.get().uri("/api/events?size=500&sort=venue").header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("2 fields are invalid; see errors")
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].rule").isEqualTo("number.range")
                .jsonPath("$.errors[0].message").isEqualTo("must be a whole number from 1 to 200")
                .jsonPath("$.errors[1].field").isEqualTo("sort")
                .jsonPath("$.errors[1].rule").isEqualTo("sort.field")
                .jsonPath("$.errors[1].message").value(message -> assertThat((String) message)
                        .endsWith("(sortable: createdAt, name, startsAt, status)"));
        admin.post().uri("/api/reference/trades")
                .bodyValue(Map.of("nameZh", "名".repeat(101), "nameEn", "Fitter")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].rule").isEqualTo("size.max")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).matches("最多 \\d+ 个字符"));
    }

    @Test
    void conflictsAndMissingResourcesAreWordedToo() {
        admin.get().uri("/api/programmes/{id}", Long.MAX_VALUE).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛活动 " + Long.MAX_VALUE + " 不存在");
        admin.get().uri("/api/programmes/{id}", Long.MAX_VALUE).header(HttpHeaders.ACCEPT_LANGUAGE, "en").exchange()
                .expectBody().jsonPath("$.detail").isEqualTo("programme " + Long.MAX_VALUE + " does not exist");
        admin.delete().uri("/api/reference/trades/{id}", Long.MAX_VALUE).exchange()
                .expectStatus().isEqualTo(428)
                .expectBody()
                .jsonPath("$.title").isEqualTo("缺少版本")
                .jsonPath("$.detail").isEqualTo("请在 If-Match 中提供所读取版本的 ETag");
    }
}
