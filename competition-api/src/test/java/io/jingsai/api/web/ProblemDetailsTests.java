package io.jingsai.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

@IntegrationTest
class ProblemDetailsTests {

    WebTestClient web;

    @Autowired
    void clients(WebTestClient client) {
        web = TestClients.anonymous(client);
    }

    @Test
    void unknownPathIsProblemJson() {
        web.get().uri("/api/reference/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void missingCredentialsGiveAChallengeAsProblemJson() {
        web.get().uri("/api/programmes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"jingsai\"")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
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
    void wrongMethodIsProblemJson() {
        web.delete().uri("/api/reference/aspects")
                .headers(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(405);
    }
}
