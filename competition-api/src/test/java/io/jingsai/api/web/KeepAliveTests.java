package io.jingsai.api.web;

import static io.jingsai.api.web.RawHttpConnection.SIGNED_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.jingsai.api.IntegrationTest;

/**
 * Issue #12, item 3: on kept-alive connections some responses never came until the client closed. An answer that
 * read the database is written from another thread than the connection's; the next request could then arrive while
 * the previous one was still ending, and when that request was answered at once (a 400, 404 or 401 found before any
 * I/O) Reactor Netty stopped reading the connection, so the request after it waited for ever.
 *
 * <p>Thousands of requests over a few kept-alive connections against the running server, signed in and anonymous,
 * errors interleaved with answers from the database; every response must come within a few seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingsai.admin.username=" + IntegrationTest.ADMIN,
        "jingsai.admin.password=" + IntegrationTest.ADMIN_PASSWORD})
class KeepAliveTests {

    private static final int CONNECTIONS = 4;
    private static final int REQUESTS_PER_CONNECTION = 500;
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String JSON = "Content-Type: application/json\r\n";

    private record Call(String requestLine, String headers, String body, int expected) {

        @Override
        public String toString() {
            return requestLine + (headers.contains("Authorization") ? " (signed in)" : " (anonymous)");
        }
    }

    /** Answers from the database, each followed by answers the server gives at once. */
    private static final List<Call> MIX = List.of(
            new Call("GET /api/enterprises?size=1 HTTP/1.1", SIGNED_IN, "", 200),
            new Call("GET /api/enterprises?sort=nope HTTP/1.1", SIGNED_IN, "", 400),
            new Call("GET /api/no-such-thing HTTP/1.1", SIGNED_IN, "", 404),
            new Call("GET /api/programmes HTTP/1.1", "", "", 401),
            new Call("GET /api/reference/trades?size=1 HTTP/1.1", "", "", 200),
            new Call("POST /api/enterprises HTTP/1.1", SIGNED_IN + JSON, "{\"name\": ", 400),
            new Call("POST /api/enterprises HTTP/1.1", SIGNED_IN + "Content-Type: text/plain\r\n", "not read", 415),
            new Call("GET /api/reference/no-such-thing HTTP/1.1", "", "", 404));

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnsweredPromptly() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<List<String>>> connections = new ArrayList<>();
            for (int connection = 0; connection < CONNECTIONS; connection++) {
                int offset = connection;
                connections.add(clients.submit(() -> sendAll(offset)));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> connection : connections) {
                failures.addAll(connection.get());
            }
            assertThat(failures).isEmpty();
        } finally {
            clients.shutdownNow();
        }
    }

    /** Sends the mix, starting at {@code offset}, over one connection; returns what went wrong. */
    private List<String> sendAll(int offset) throws IOException {
        List<String> failures = new ArrayList<>();
        try (RawHttpConnection connection = new RawHttpConnection(port, PATIENCE)) {
            for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                Call call = MIX.get((offset + i) % MIX.size());
                try {
                    RawHttpConnection.Response response = connection.send(call.requestLine(), call.headers(),
                            call.body());
                    if (response.status() != call.expected()) {
                        failures.add("request " + i + " on connection " + offset + ", " + call + ": status "
                                + response.status() + ", expected " + call.expected());
                    }
                } catch (SocketTimeoutException stalled) {
                    failures.add("request " + i + " on connection " + offset + ", " + call + ": no response within "
                            + PATIENCE.toSeconds() + " s");
                    return failures;
                }
            }
        }
        return failures;
    }
}
