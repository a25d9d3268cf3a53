package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;

/** If-Match is compared strongly (RFC 9110 13.1.1): a weak ETag never matches, so it changes and removes nothing. */
@IntegrationTest
class IfMatchTests {

    @Autowired
    WebTestClient client;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
    }

    @Test
    void aWeakTagOfTheCurrentVersionDoesNotMatch() {
        long id = new TestRegistry(web).trade();
        String path = "/api/reference/trades/" + id;
        String name = TestIdentities.unique("钳工");

        for (String weak : new String[] {"W/\"0\"", "\"00\"", "\"+0\""}) {
            web.put().uri(path).header("If-Match", weak).bodyValue(Map.of("nameZh", name, "nameEn", "Fitter"))
                    .exchange()
                    .expectStatus().isEqualTo(412)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            web.delete().uri(path).header("If-Match", weak).exchange().expectStatus().isEqualTo(412);
        }
        web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody().jsonPath("$.nameZh").value(value -> assertThat(value)
                        .isNotEqualTo(name));

        web.put().uri(path).header("If-Match", "\"0\"").bodyValue(Map.of("nameZh", name, "nameEn", "Fitter")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        web.put().uri(path).header("If-Match", "1").bodyValue(Map.of("nameZh", name, "nameEn", "Fitter")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
        web.delete().uri(path).header("If-Match", "*").exchange().expectStatus().isEqualTo(428);
        web.delete().uri(path).header("If-Match", "\"1\"").exchange().expectStatus().isNoContent();
    }
}
