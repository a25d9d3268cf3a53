package io.jingsai.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.fuzz.ApiDocument.Operation;
import io.jingsai.api.fuzz.FuzzReport.Exchange;

/**
 * Sends a few thousand bad requests, generated from the app's own OpenAPI document, to a real server over a few
 * kept-alive connections, signed in and anonymous, and asserts for every response: never a 5xx, every 4xx an
 * {@code application/problem+json} problem, never a stall, and no row written by a rejected request.
 *
 * <p>Deterministic for a seed: {@code -Djingsai.fuzz.seed=N} (default {@value #DEFAULT_SEED}) gives the same
 * requests in the same order; only the fixtures' ids and the fresh names and identifiers filled in when a request
 * is sent change from run to run (several connections also interleave differently). Other settings: {@code jingsai.fuzz.only} (a regex over "operation kind detail" to replay a subset),
 * {@code jingsai.fuzz.timeoutSeconds} (5), {@code jingsai.fuzz.connections} (4),
 * {@code jingsai.fuzz.bodyCases} and {@code jingsai.fuzz.otherCases} (cases per operation with and without a JSON
 * body). The full report goes to {@code target/openapi-fuzz-report.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jingsai.admin.username=" + IntegrationTest.ADMIN,
        "jingsai.admin.password=" + IntegrationTest.ADMIN_PASSWORD})
class OpenApiFuzzTests {

    static final long DEFAULT_SEED = 20_261_204L;
    private static final Path REPORT = Path.of("target", "openapi-fuzz-report.txt");

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    WebTestClient anonymous;
    private final Map<String, String> seconds = new LinkedHashMap<>();
    private long phaseStarted;

    @BeforeEach
    void clients() {
        anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        admin = anonymous.mutate()
                .defaultHeaders(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD)).build();
    }

    @Test
    void badRequestsToEveryOperationGetProblemsWithoutStallsOrWrites() throws Exception {
        phaseStarted = System.nanoTime();
        long seed = Long.getLong("jingsai.fuzz.seed", DEFAULT_SEED);
        ApiDocument document = new ApiDocument(TestClients.documentReader(anonymous).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(document.operations()).as("operations in the document").isNotEmpty();
        phase("reading the document");
        TableWatch watch = new TableWatch(database);
        Map<String, String> empty = watch.snapshot();
        Fixtures fixtures = Fixtures.create(admin);
        assertThat(TableWatch.changes(empty, watch.snapshot())).as("the table watch sees the fixtures written")
                .isNotEmpty();
        FuzzPlan plan = new FuzzPlan(document, fixtures, publicOperations(document, fixtures),
                Integer.getInteger("jingsai.fuzz.bodyCases", 64), Integer.getInteger("jingsai.fuzz.otherCases", 32));
        phase("fixtures");
        List<FuzzRequest> requests = plan.requests(seed);
        assertThat(FuzzPlan.signature(plan.requests(seed))).as("the same seed generates the same requests")
                .isEqualTo(FuzzPlan.signature(requests));
        requests = FuzzPlan.only(requests, System.getProperty("jingsai.fuzz.only"));
        phase("generating");

        FuzzReport report = new FuzzReport(seed);
        List<Exchange> exchanges = send(requests, watch, report);
        removeWhatWasCreated(exchanges);
        phase("removing what was created");

        String summary = summary(document, requests);
        writeReport(summary + report.render(Integer.MAX_VALUE, 5) + report.renderAccepted());
        assertThat(report.passed()).as("%s%s%n(full report: %s)", summary, report.render(80, 1),
                REPORT.toAbsolutePath()).isTrue();
    }

    private List<Exchange> send(List<FuzzRequest> requests, TableWatch watch, FuzzReport report)
            throws InterruptedException {
        try (Sender sender = new Sender(port, Integer.getInteger("jingsai.fuzz.connections", 4),
                Duration.ofSeconds(Long.getLong("jingsai.fuzz.timeoutSeconds", 5)),
                IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD)) {
            currentVersions(requests, sender);
            FuzzRun run = new FuzzRun(sender, watch, report);
            List<Exchange> exchanges = run.run(requests);
            phase("sending and checking (" + run.replays() + ")");
            return exchanges;
        }
    }

    /** Operations that answer an anonymous, valid request with something other than 401: they get more of them. */
    private Set<String> publicOperations(ApiDocument document, Fixtures fixtures) {
        Set<String> open = new LinkedHashSet<>();
        for (Operation operation : document.operations()) {
            if (operation.method().equals("GET")) {
                int status = anonymous.get().uri(url(DocumentCases.baseTarget(document, fixtures, operation)))
                        .exchange().returnResult(byte[].class).getStatus().value();
                if (status != 401) {
                    open.add(operation.label());
                }
            }
        }
        return open;
    }

    /** Reads the current version of every resource a request changes, so PUTs can name it in If-Match. */
    private void currentVersions(List<FuzzRequest> requests, Sender sender) {
        requests.stream().map(FuzzRequest::resource).filter(r -> r != null).distinct().forEach(resource ->
                sender.version(resource, admin.get().uri(url(resource)).exchange().returnResult(byte[].class)
                        .getResponseHeaders().getETag()));
    }

    /** Best effort: what bad input managed to create is deleted again, newest first, so later runs see less junk. */
    private void removeWhatWasCreated(List<Exchange> exchanges) {
        List<String> created = new ArrayList<>(exchanges.stream()
                .filter(e -> e.outcome().answered() && e.outcome().status() == 201)
                .map(e -> e.outcome().header("location")).filter(l -> l != null && l.startsWith("/")).toList());
        Collections.reverse(created);
        for (String location : created) {
            String etag = admin.get().uri(url(location)).exchange().returnResult(byte[].class).getResponseHeaders()
                    .getETag();
            if (etag != null) {
                admin.delete().uri(url(location)).header("If-Match", etag).exchange().returnResult(byte[].class);
            }
        }
    }

    private URI url(String target) {
        return URI.create("http://localhost:" + port + target);
    }

    private void phase(String name) {
        long now = System.nanoTime();
        seconds.put(name, String.format("%.1f s", (now - phaseStarted) / 1e9));
        phaseStarted = now;
    }

    private String summary(ApiDocument document, List<FuzzRequest> requests) {
        Map<String, Integer> byFamily = new LinkedHashMap<>();
        requests.forEach(r -> byFamily.merge(r.family(), 1, Integer::sum));
        return String.format("%d operations in the document; %d requests (%s; %d anonymous)%n  time: %s%n",
                document.operations().size(), requests.size(), byFamily,
                requests.stream().filter(r -> !r.signedIn()).count(), seconds);
    }

    private static void writeReport(String text) throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, text, StandardCharsets.UTF_8);
        System.out.println(text);
    }
}
