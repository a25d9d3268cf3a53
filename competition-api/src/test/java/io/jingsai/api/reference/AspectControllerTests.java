package io.jingsai.api.reference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

@IntegrationTest
class AspectControllerTests {

    WebTestClient web;

    @Autowired
    void clients(WebTestClient client) {
        web = TestClients.anonymous(client);
    }

    @Test
    void listsTheSixAspectsInOfficialOrderWithoutSigningIn() {
        web.get().uri("/api/reference/aspects").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(6)
                .jsonPath("$[0].code").isEqualTo("ENGINEERING_EXCELLENCE")
                .jsonPath("$[0].nameZh").isEqualTo("工程创优")
                .jsonPath("$[5].nameZh").isEqualTo("班组建设");
    }
}
