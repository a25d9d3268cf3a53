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
 * Issue #18: the judges' page at /judge is served to everyone (it holds code only; the API checks every call), in
 * Chinese first, under the dashboard's policy that lets only this server's scripts and styles run.
 */
@IntegrationTest
class JudgePageTests {

    @Autowired
    WebTestClient client;

    @Test
    void theJudgePageIsServedToEveryone() {
        for (WebTestClient web : List.of(TestClients.anonymous(client), TestClients.administrator(client))) {
            String page = web.get().uri("/judge").exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("<html lang=\"zh-CN\">", "<script type=\"module\" src=\"/judge/js/main.js\">",
                    "id=\"sign-in-form\"", "role=\"status\"").doesNotContain("style=", "<script>");
            web.head().uri("/judge").exchange().expectStatus().isOk();
        }
    }

    @Test
    void thePageAllowsOnlyThisServersScriptsAndStyles() {
        String policy = TestClients.anonymous(client).get().uri("/judge").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self';", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    }
}
