package io.jingsai.api.trade;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;

import java.util.Map;

@IntegrationTest
class TradeControllerTests {

    @Autowired
    WebTestClient web;

    @Test
    void referenceTradesArePublicAndIncludeTheCommonOnes() {
        TestClients.anonymous(web).get().uri("/api/reference/trades?q=焊工").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.nameZh == '焊工')].builtIn").isEqualTo(true);
        TestClients.anonymous(web).get().uri("/api/reference/trades?size=1").exchange()
                .expectBody().jsonPath("$.total").value(total -> org.assertj.core.api.Assertions
                        .assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(50));
    }

    @Test
    void organizersAddRenameAndRemoveATrade() {
        WebTestClient admin = TestClients.administrator(web);
        String unique = TestIdentities.unique("x");
        long id = ((Number) admin.post().uri("/api/reference/trades")
                .bodyValue(Map.of("nameZh", "无人机驾驶员" + unique, "nameEn", "Drone pilot " + unique))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();

        admin.put().uri("/api/reference/trades/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("nameZh", "民用无人机驾驶员" + unique, "nameEn", "UAV pilot " + unique))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.nameZh").isEqualTo("民用无人机驾驶员" + unique)
                .jsonPath("$.builtIn").isEqualTo(false);
        admin.delete().uri("/api/reference/trades/{id}", id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void anonymousCannotAddTrades() {
        TestClients.anonymous(web).post().uri("/api/reference/trades")
                .bodyValue(Map.of("nameZh", "某工种", "nameEn", "Some trade")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void duplicateNameIsAConflict() {
        TestClients.administrator(web).post().uri("/api/reference/trades")
                .bodyValue(Map.of("nameZh", "焊工", "nameEn", "Another welder")).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void malformedOccupationCodeIsRejectedNamingTheField() {
        TestClients.administrator(web).post().uri("/api/reference/trades")
                .bodyValue(Map.of("code", "6-31-1", "nameZh", "某工种" + TestIdentities.unique("c"),
                        "nameEn", "Some trade " + TestIdentities.unique("c")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }
}
