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

    /** A client that reads the whole OpenAPI document, larger than the default 256 KB a client buffers. */
    public static WebTestClient documentReader(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(DOCUMENT_BYTES)).build();
    }

    private static final int DOCUMENT_BYTES = 4 * 1024 * 1024;

    public static WebTestClient administrator(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60))
                .defaultHeaders(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD))
                .build();
    }
}
