package io.jingsai.api.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;

@IntegrationTest
class JudgeControllerTests {

    @Autowired
    WebTestClient anonymous;

    WebTestClient web;
    TestRegistry registry;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
    }

    @Test
    void registersChangesAndRemovesAJudge() {
        long enterprise = registry.enterprise();
        long id = registry.create("/api/judges", Map.of("name", "李敏", "enterpriseId", enterprise,
                "qualification", "PROVINCIAL", "email", "LiMin@Example.cn"));

        web.get().uri("/api/judges/{id}?reveal=contact&reason=通知评审安排", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo("limin@example.cn")
                .jsonPath("$.enterpriseId").isEqualTo(enterprise);
        web.put().uri("/api/judges/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", "李敏", "qualification", "NATIONAL")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.qualification").isEqualTo("NATIONAL")
                .jsonPath("$.enterpriseId").doesNotExist();
        web.get().uri(b -> b.path("/api/judges").queryParam("qualification", "NATIONAL")
                        .queryParam("q", "李敏").queryParam("size", 200).queryParam("sort", "createdAt,desc").build())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo(id);
        web.delete().uri("/api/judges/{id}", id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void phoneAndEmailAreMaskedAsForContestantsUnlessRevealed() {
        String name = TestIdentities.unique("王裁判");
        @SuppressWarnings("unchecked")
        Map<String, Object> created = web.post().uri("/api/judges").bodyValue(Map.of("name", name,
                        "qualification", "NATIONAL", "phone", "13900139000", "email", "wangcp@example.cn")).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(created).containsEntry("phone", "139****9000").containsEntry("email", "w***@example.cn")
                .containsEntry("contactMasked", true);
        long id = ((Number) created.get("id")).longValue();

        web.get().uri("/api/judges/{id}", id).exchange()
                .expectBody().jsonPath("$.phone").isEqualTo("139****9000").jsonPath("$.email").isEqualTo("w***@example.cn");
        web.get().uri(b -> b.path("/api/judges").queryParam("q", name).build()).exchange()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("139****9000", "w***@example.cn").doesNotContain("13900139000", "wangcp"));
        web.get().uri("/api/judges/{id}?reveal=contact&reason=通知评审安排", id).exchange()
                .expectBody().jsonPath("$.phone").isEqualTo("13900139000").jsonPath("$.email")
                .isEqualTo("wangcp@example.cn").jsonPath("$.contactMasked").isEqualTo(false);
        web.get().uri("/api/judges/{id}?reveal=everything", id).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reveal");
    }

    @Test
    void aCreatedJudgeReadsBackWithTheSameInstants() {
        Map<?, ?> created = web.post().uri("/api/judges").bodyValue(Map.of("name", "时间", "qualification", "MUNICIPAL"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> read = web.get().uri("/api/judges/{id}", created.get("id")).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(read.get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(read.get("updatedAt")).isEqualTo(created.get("updatedAt"));
    }

    @Test
    void invalidEmailAndUnknownQualificationAreRejected() {
        web.post().uri("/api/judges").bodyValue(Map.of("name", "甲", "qualification", "PROVINCIAL",
                        "email", "not-an-email")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        web.post().uri("/api/judges").bodyValue(Map.of("name", "甲", "qualification", "GALACTIC")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("qualification");
    }

    @Test
    void unknownEnterpriseIsRejected() {
        web.post().uri("/api/judges").bodyValue(Map.of("name", "乙", "qualification", "MUNICIPAL",
                        "enterpriseId", 999_999_999L)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("enterpriseId");
    }
}
