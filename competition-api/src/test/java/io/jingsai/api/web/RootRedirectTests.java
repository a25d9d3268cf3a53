package io.jingsai.api.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

/** Issue #12, item 9: the root sends a browser to the API documentation instead of asking it to sign in. */
@IntegrationTest
class RootRedirectTests {

    @Autowired
    WebTestClient client;

    @Test
    void theRootRedirectsEveryoneToTheApiDocumentation() {
        for (WebTestClient web : new WebTestClient[] {TestClients.anonymous(client), TestClients.administrator(client)}) {
            web.get().uri("/").exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/swagger-ui.html")
                    .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
            web.head().uri("/").exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/swagger-ui.html");
        }
    }

    @Test
    void theApiDocumentationNeedsNoSignIn() {
        TestClients.anonymous(client).get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }
}
