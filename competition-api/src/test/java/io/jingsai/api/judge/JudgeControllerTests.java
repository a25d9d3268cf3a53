package io.jingsai.api.judge;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
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

        web.get().uri("/api/judges/{id}", id).exchange()
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
