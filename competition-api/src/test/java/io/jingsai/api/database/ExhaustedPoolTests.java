package io.jingsai.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** When no connection can be had, requests are answered 503 after a bounded wait instead of waiting for ever. */
@IntegrationTest
class ExhaustedPoolTests {

    @Autowired
    ConnectionPool pool;

    @Autowired
    WebTestClient web;

    @Test
    void aRequestThatCannotGetAConnectionIsAnswered503WithRetryAfter() {
        int max = pool.getMetrics().orElseThrow().getMaxAllocatedSize();
        List<Connection> taken = Flux.range(0, max).flatMap(i -> Mono.from(pool.create()))
                .collectList().block(Duration.ofSeconds(30));
        try {
            TestClients.administrator(web).get().uri("/api/enterprises").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody().jsonPath("$.status").isEqualTo(503);
        } finally {
            Flux.fromIterable(taken).flatMap(Connection::close).blockLast(Duration.ofSeconds(30));
        }
        TestClients.administrator(web).get().uri("/api/enterprises").exchange().expectStatus().isOk();
    }

    @Test
    void healthReportsThePoolToTheAdministrator() {
        TestClients.administrator(web).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.connectionPool.status").isEqualTo("UP")
                .jsonPath("$.components.connectionPool.details.max")
                .isEqualTo(pool.getMetrics().orElseThrow().getMaxAllocatedSize());
    }
}
