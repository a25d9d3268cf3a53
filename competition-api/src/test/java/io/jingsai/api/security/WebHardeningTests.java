package io.jingsai.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.web.ProblemDetailsExceptionHandler;
import reactor.core.publisher.Mono;

@IntegrationTest
class WebHardeningTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ProblemDetailsExceptionHandler problems;

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndHstsOnlyOverTls() {
        WebTestClient client = TestClients.anonymous(web);
        client.get().uri("/api/reference/aspects").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().doesNotExist("Strict-Transport-Security");
        client.get().uri("https://localhost/api/reference/aspects").exchange().expectStatus().isOk()
                .expectHeader().exists("Strict-Transport-Security");
    }

    @Test
    void theApiDocumentsFollowOneRule() {
        WebTestClient client = TestClients.anonymous(web);
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk();
    }

    /** No origin is configured here: a cross-site request is refused before signing in, even with credentials. */
    @Test
    void aCrossSiteRequestIsRefusedAsAProblemWhileSameOriginAndScriptsPass() {
        TestClients.administrator(web).post().uri("http://localhost/api/enterprises")
                .header(HttpHeaders.ORIGIN, "https://evil.example").bodyValue("{}")
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("不允许来自此来源的跨站请求");
        TestClients.anonymous(web).get().uri("http://localhost/api/reference/aspects")
                .header(HttpHeaders.ORIGIN, "http://localhost").exchange().expectStatus().isOk();
        TestClients.anonymous(web).get().uri("/api/reference/aspects").exchange().expectStatus().isOk();
    }

    @Test
    void aConfiguredDashboardOriginPasses() {
        CrossOriginGuard guard = new CrossOriginGuard(problems, List.of(" https://dashboard.example "));
        assertThat(passes(guard, "https://dashboard.example")).isTrue();
        assertThat(passes(guard, "https://dashboard.example.evil")).isFalse();
    }

    /** A dashboard or tablet on another origin sends the keys of retries and streams, and reads a replay's mark. */
    @Test
    void aDashboardMaySendRetryAndStreamHeadersAndReadTheReplayHeader() {
        CrossOriginGuard guard = new CrossOriginGuard(problems, List.of("https://dashboard.example"));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .post("http://api.example/api/events/1/registrations/1/score-sheets"));
        org.springframework.web.cors.CorsConfiguration cors = guard.corsConfiguration().getCorsConfiguration(exchange);
        assertThat(cors).isNotNull();
        assertThat(cors.getAllowedHeaders()).contains("Idempotency-Key", "Last-Event-ID");
        assertThat(cors.getExposedHeaders()).contains("Idempotent-Replayed", HttpHeaders.ETAG);
    }

    private static boolean passes(CrossOriginGuard guard, String origin) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("http://api.example/api/reference/aspects").header(HttpHeaders.ORIGIN, origin));
        AtomicBoolean passed = new AtomicBoolean();
        guard.filter(exchange, next -> {
            passed.set(true);
            return Mono.empty();
        }).block(Duration.ofSeconds(10));
        assertThat(passed.get() || exchange.getResponse().getStatusCode() == HttpStatus.FORBIDDEN).isTrue();
        return passed.get();
    }
}
