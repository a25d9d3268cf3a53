package io.jingsai.api;

import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/** WebTestClients for integration tests: generous timeouts (CI machines are small and shared). */
public final class TestClients {

    private TestClients() {
    }

    public static WebTestClient anonymous(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    public static WebTestClient administrator(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD))
                .build();
    }
}
