package io.jingsai.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.ServerTest;
import io.jingsai.api.TestIdentities;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;

/**
 * Clients that hang up mid-request (browsers, proxies, load tools at the end of a run) never cost the service a
 * database connection: after many requests of every kind whose clients close the connection at random moments, the
 * pool has none acquired and the service answers at once.
 */
@ServerTest
class CancelledRequestsTests {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            (IntegrationTest.ADMIN + ":" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    ConnectionPool connections;

    /** One request of each kind: a streamed list, paged lists (two queries each), an export, a transactional write. */
    private final List<Supplier<String>> requests = List.of(
            () -> get("/api/reference/aspects"),
            () -> get("/api/reference/trades?size=200"),
            () -> get("/api/enterprises?size=50"),
            () -> get("/api/contestants/export"),
            CancelledRequestsTests::postEnterprise);

    @Test
    void requestsWhoseClientsHangUpAtRandomMomentsGiveEveryConnectionBack() throws Exception {
        Random random = new Random(20261204);
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String request = requests.get(random.nextInt(requests.size())).get();
                long patienceMillis = random.nextInt(30);
                sent.add(clients.submit(() -> sendAndHangUp(request, patienceMillis)));
            }
            for (Future<?> request : sent) {
                request.get(1, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(acquiredOnceSettled()).as("connections still acquired after every request ended").isZero();
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /** Sends a whole request, then closes the connection before, while or after the server answers. */
    private Void sendAndHangUp(String request, long patienceMillis) throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(patienceMillis);
        }
        return null;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN + "\r\n\r\n";
    }

    private static String postEnterprise() {
        String json = "{\"name\":\"" + TestIdentities.unique("断线测试") + "\",\"creditCode\":\""
                + TestIdentities.creditCode() + "\",\"regionCode\":\"610100\",\"industry\":\"建筑业\","
                + "\"ownership\":\"PRIVATE\"}";
        return "POST /api/enterprises HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ADMIN
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    /** Requests still running on the server after their client left end within moments; leaked ones never do. */
    private int acquiredOnceSettled() throws InterruptedException {
        PoolMetrics pool = connections.getMetrics().orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.acquiredSize() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return pool.acquiredSize();
    }
}
