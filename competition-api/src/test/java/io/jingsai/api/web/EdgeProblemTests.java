package io.jingsai.api.web;

import static io.jingsai.api.web.RawHttpConnection.SIGNED_IN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.jingsai.api.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #12, item 5: every error the server sends is problem+json, also those refused before the application runs
 * (by Spring Security's firewall, by Spring's adapter, by Reactor Netty's decoder), and no problem reflects the Host
 * header. Requests go over a plain socket, byte for byte, so no client normalises them first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingsai.admin.username=" + IntegrationTest.ADMIN,
        "jingsai.admin.password=" + IntegrationTest.ADMIN_PASSWORD})
class EdgeProblemTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    static Stream<Arguments> refusedRequests() {
        Stream<Arguments> cases = Stream.of(
                arguments("GET /api/enterprises/%2E%2E/programmes HTTP/1.1", "", 400),
                arguments("GET /api/%2e%2e/reference/trades HTTP/1.1", "", 400),
                arguments("GET /api/enterprises%2F1 HTTP/1.1", "", 400),
                arguments("GET /api/enterprises/%00 HTTP/1.1", "", 400),
                arguments("GET /api/enterprises;jsessionid=1 HTTP/1.1", "", 400),
                arguments("GET /api/reference/trades;x=1 HTTP/1.1", "", 400),
                arguments("TRACE /api/enterprises HTTP/1.1", "", 405),
                arguments("PROPFIND /api/enterprises HTTP/1.1", "", 405),
                arguments("GET /api/enterprises?q=%zz HTTP/1.1", "", 400),
                arguments("GET /api/reference/trades?q=%zz HTTP/1.1", "", 400),
                arguments("GET /api/reference/trades?q=郑 HTTP/1.1", "", 400),
                arguments("GET /api/enterprises?q=郑 HTTP/1.1", "", 400),
                arguments("GET /api/reference/trades?q=" + "a".repeat(5000) + " HTTP/1.1", "", 414),
                arguments("GET /api/reference/trades HTTP/1.1", "X-Padding: " + "b".repeat(9000) + "\r\n", 431),
                arguments("GET /api/reference/trades HTTP/1.1", "Not a header\r\n", 400),
                arguments("GET /api/reference/trades HTTP/2.0", "", 400),
                arguments("GET /api/reference/no-such-thing HTTP/1.1", "", 404));
        return cases.flatMap(c -> Stream.of(
                arguments(c.get()[0], c.get()[1], c.get()[2]),
                arguments(c.get()[0], SIGNED_IN + c.get()[1], c.get()[2])));
    }

    @ParameterizedTest
    @MethodSource("refusedRequests")
    void everyRefusalIsAProblemThatDoesNotEchoTheHost(String requestLine, String headers, int status) throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, PATIENCE)) {
            RawHttpConnection.Response response = connection.send(requestLine, headers, "");

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asString()).isNotBlank();
            assertThat(problem.path("detail").asString()).isNotBlank();
            if (problem.has("instance")) {
                assertThat(problem.get("instance").asString()).startsWith("/");
            }
            assertThat(response.text()).doesNotContain("evil.example");
            assertThat(response.headers().values()).noneMatch(value -> value.contains("evil.example"));
        }
    }

    @Test
    void aRefusedMethodNamesTheAllowedOnes() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, PATIENCE)) {
            RawHttpConnection.Response response = connection.send("TRACE /api/reference/trades HTTP/1.1", "", "");

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("Allow")).contains("GET").doesNotContain("TRACE");
        }
    }

    @Test
    void anUnknownPathHasThePathAsInstance() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, PATIENCE)) {
            RawHttpConnection.Response response = connection.get("/api/no-such-thing?x=1", SIGNED_IN);

            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("instance").asString()).isEqualTo("/api/no-such-thing");
            assertThat(problem.get("detail").asString()).isEqualTo("没有这个资源");
        }
    }

    /**
     * The decoder's refusal right after an answer that read the database: that answer is written from another thread,
     * so the refused request can arrive while Reactor Netty still holds the finished exchange, which once swallowed
     * the 414 (the client waited until it gave up).
     */
    @Test
    void aRequestLineTooLongRightAfterAnAnswerFromTheDatabaseIsAnsweredAtOnce() throws Exception {
        String tooLong = "POST /api/auth/refresh?q=" + "x".repeat(5000) + " HTTP/1.1";
        for (int attempt = 0; attempt < 200; attempt++) {
            try (RawHttpConnection connection = new RawHttpConnection(port, PATIENCE)) {
                RawHttpConnection.Response fromDatabase = connection.get("/api/enterprises?size=1", SIGNED_IN);
                RawHttpConnection.Response refused = connection.send(tooLong,
                        SIGNED_IN + "Content-Type: application/json\r\n", "{\"refreshToken\":\"x\"}");

                assertThat(fromDatabase.status()).isEqualTo(200);
                assertThat(refused.status()).as("attempt %d", attempt).isEqualTo(414);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
            }
        }
    }

    @Test
    void aRefusalBelowSpringKeepsTheConnectionInStep() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, PATIENCE)) {
            RawHttpConnection.Response refused = connection.get("/api/reference/trades?q=%zz", "");
            RawHttpConnection.Response head = connection.send("HEAD /api/reference/trades?q=%zz HTTP/1.1", "", "");
            RawHttpConnection.Response next = connection.get("/api/reference/trades?size=1", "");

            assertThat(refused.status()).isEqualTo(400);
            assertThat(head.status()).isEqualTo(400);
            assertThat(head.header("Content-Type")).startsWith("application/problem+json");
            assertThat(next.status()).isEqualTo(200);
            assertThat(JSON.readTree(next.body()).path("items").isArray()).isTrue();
        }
    }
}
