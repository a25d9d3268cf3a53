package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

/**
 * Issue #17, item 3: the root is the public dashboard, for everyone, under a policy that lets only this server's
 * scripts and styles run; the API documentation stays public.
 */
@IntegrationTest
class RootPageTests {

    @Autowired
    WebTestClient client;

    @Test
    void theRootIsTheDashboardForEveryone() {
        for (WebTestClient web : List.of(TestClients.anonymous(client), TestClients.administrator(client))) {
            String page = web.get().uri("/").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("<html lang=\"zh-CN\">", "<script type=\"module\" src=\"/dashboard/js/main.js\">",
                    "<caption", "aria-live=\"polite\"");
            web.head().uri("/").exchange().expectStatus().isOk();
        }
    }

    @Test
    void thePageAllowsOnlyThisServersScriptsAndStyles() {
        String policy = TestClients.anonymous(client).get().uri("/").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self';", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    }

    @Test
    void theApiDocumentationNeedsNoSignIn() {
        TestClients.anonymous(client).get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
    }
}
