package io.jingsai.api.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;

/** A write whose answer the client would not accept is refused before anything is written. */
@IntegrationTest
class JsonAnswersOnlyTests {

    @Autowired
    WebTestClient client;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
    }

    @Test
    void aCreateThatCouldOnlyBeAnsweredInXmlIs406AndWritesNothing() {
        String code = TestIdentities.creditCode();
        Map<String, Object> enterprise = Map.of("name", TestIdentities.unique("拒收"), "creditCode", code,
                "regionCode", "610100", "industry", "建筑业", "ownership", "PRIVATE");

        web.post().uri("/api/enterprises").accept(MediaType.APPLICATION_XML).bodyValue(enterprise).exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        web.get().uri("/api/enterprises?q={code}", code).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aClientThatAcceptsJsonAmongOthersIsServed() {
        Map<String, Object> enterprise = Map.of("name", TestIdentities.unique("接受"),
                "creditCode", TestIdentities.creditCode(), "regionCode", "610100", "industry", "建筑业",
                "ownership", "PRIVATE");

        web.post().uri("/api/enterprises").header("Accept", "application/xml, application/json;q=0.5")
                .bodyValue(enterprise).exchange()
                .expectStatus().isCreated();
    }
}
