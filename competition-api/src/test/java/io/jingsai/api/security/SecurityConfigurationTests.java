package io.jingsai.api.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.session.WebSessionManager;

import io.jingsai.api.IntegrationTest;
import reactor.core.publisher.Mono;

@IntegrationTest
class SecurityConfigurationTests {

    @Autowired
    WebFilterChainProxy security;

    /**
     * The API is stateless: a signed-in request must not look up a web session. Creating one (the default request
     * cache asks for it on every request) hops to other threads and made keep-alive responses stall (issue #12).
     */
    @Test
    void aSignedInRequestNeverLooksUpAWebSession() {
        AtomicInteger sessionLookups = new AtomicInteger();
        WebSessionManager sessions = exchange -> Mono.fromSupplier(() -> {
            sessionLookups.incrementAndGet();
            return new MockWebSession();
        });
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get("/api/enterprises")
                        .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                                (IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD).getBytes(UTF_8))))
                .sessionManager(sessions)
                .build();
        AtomicInteger reachedTheApplication = new AtomicInteger();

        security.filter(exchange, passed -> {
            reachedTheApplication.incrementAndGet();
            return Mono.empty();
        }).block(Duration.ofSeconds(30));

        assertThat(reachedTheApplication).hasValue(1);
        assertThat(exchange.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(sessionLookups).hasValue(0);
    }
}
