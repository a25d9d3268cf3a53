package io.jingsai.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.bulk.ImportFiles;
import io.jingsai.api.programme.RegistryFixtures;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Requests that race each other over real HTTP: the same number never given twice, one of several changes to the
 * same version winning, overlapping imports writing every row once. Each race starts its requests together (a
 * barrier) on threads of their own.
 */
@ServerTest
@SuppressWarnings({"rawtypes", "unchecked"})
class ConcurrentRequestsTests {

    private static final int RACERS = 12;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connections;

    WebTestClient web;
    TestRegistry registry;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
        registry = new TestRegistry(web);
    }

    @Test
    void concurrentRegistrationsGetTheNumbersOneToNWithoutGapsOrRepeats() {
        long enterprise = registry.enterprise();
        long trade = registry.trade();
        RegistryFixtures fixtures = new RegistryFixtures(web, database);
        long event = fixtures.event(RegistryFixtures.eventBody(fixtures.programme(), trade,
                TestIdentities.unique("并发报名")));
        List<Long> contestants = IntStream.range(0, RACERS).mapToObj(i -> registry.contestant(enterprise, trade))
                .toList();

        List<EntityExchangeResult<Map>> answers = race(i -> web.post().uri("/api/events/{e}/registrations", event)
                .bodyValue(Map.of("contestantId", contestants.get(i), "stationNumber", "S-" + i))
                .exchange().expectBody(Map.class).returnResult());

        assertThat(answers).extracting(answer -> answer.getStatus().value()).containsOnly(201);
        assertThat(answers).extracting(answer -> ((Number) answer.getResponseBody().get("registrationNumber")).intValue())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, RACERS).boxed().toList());
        web.get().uri("/api/events/{e}/registrations?size=200", event).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(RACERS);
    }

    @Test
    void ofConcurrentChangesToOneVersionExactlyOneWinsAndTheOthersAre412() {
        Map<String, Object> body = new HashMap<>(Map.of("name", TestIdentities.unique("并发修改"),
                "creditCode", TestIdentities.creditCode(), "regionCode", "610100", "ownership", "PRIVATE"));
        long enterprise = registry.create("/api/enterprises", body);

        List<EntityExchangeResult<Map>> answers = race(i -> {
            Map<String, Object> change = new HashMap<>(body);
            change.put("industry", "行业" + i);
            return web.put().uri("/api/enterprises/{id}", enterprise).header("If-Match", "\"0\"").bodyValue(change)
                    .exchange().expectBody(Map.class).returnResult();
        });

        assertWinnerAndLosers(answers);
        String winner = answers.stream().filter(a -> a.getStatus().value() == 200).findFirst().orElseThrow()
                .getResponseBody().get("industry").toString();
        web.get().uri("/api/enterprises/{id}", enterprise).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.industry").isEqualTo(winner).jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void ofConcurrentChangesToOneRegistrationExactlyOneWins() {
        long enterprise = registry.enterprise();
        long trade = registry.trade();
        RegistryFixtures fixtures = new RegistryFixtures(web, database);
        long event = fixtures.event(RegistryFixtures.eventBody(fixtures.programme(), trade,
                TestIdentities.unique("并发改报名")));
        long registration = registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(enterprise, trade)));

        List<EntityExchangeResult<Map>> answers = race(i -> web.put()
                .uri("/api/events/{e}/registrations/{id}", event, registration).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "REGISTERED", "stationNumber", "R-" + i))
                .exchange().expectBody(Map.class).returnResult());

        assertWinnerAndLosers(answers);
        web.get().uri("/api/events/{e}/registrations/{id}", event, registration).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"");
    }

    /**
     * Three files share one credit code. They are validated while the enterprise table is held (nothing is
     * registered yet, so each passes), then written together: one file is written whole, the other two are
     * rejected naming the row of the shared code, and write nothing.
     */
    @Test
    void overlappingImportsWriteEveryCodeOnceAndRejectTheFilesThatLostNamingTheRow() {
        String tag = TestIdentities.unique("并发导入");
        String shared = TestIdentities.creditCode();
        List<List<List<String>>> files = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            List<List<String>> rows = new ArrayList<>(List.of(enterpriseRow(tag + f + "甲"), enterpriseRow(tag + f + "乙")));
            rows.add(f, List.of(tag + f + "共", shared, "610100", "", "民营")); // shared code in row f + 2
            files.add(rows);
        }

        List<String> jobs;
        try (TableLock held = TableLock.share(connections, "enterprise")) {
            jobs = race(files.size(), f -> ImportFiles.submit(web, "enterprises", "企业" + f + ".csv",
                    ImportFiles.file(SheetFormat.CSV, ImportFiles.ENTERPRISE_COLUMNS, files.get(f))));
            jobs.forEach(job -> ImportFiles.awaitStatus(web, job, List.of("WRITING")));
        }
        List<Map<String, Object>> ended = jobs.stream().map(job -> ImportFiles.awaitEnd(web, job)).toList();

        assertThat(ended).extracting(job -> job.get("status"))
                .containsExactlyInAnyOrder("SUCCEEDED", "REJECTED", "REJECTED");
        for (int f = 0; f < 3; f++) {
            Map<String, Object> job = ended.get(f);
            boolean written = "SUCCEEDED".equals(job.get("status"));
            assertThat(job).containsEntry("rowsWritten", written ? 3 : 0);
            if (!written) {
                assertThat((List<Object>) job.get("problems")).containsExactly(Map.<String, Object>of("row", f + 2,
                        "column", "统一社会信用代码", "rule", "duplicate",
                        "message", "an enterprise with this credit code is already registered"));
            }
            for (List<String> row : files.get(f)) {
                boolean expected = written || row.get(1).equals(shared);
                web.get().uri(b -> b.path("/api/enterprises").queryParam("q", row.get(1)).build()).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.total").isEqualTo(expected ? 1 : 0);
            }
        }
    }

    private static List<String> enterpriseRow(String name) {
        return List.of(name, TestIdentities.creditCode(), "610100", "", "国有");
    }

    private static void assertWinnerAndLosers(List<EntityExchangeResult<Map>> answers) {
        assertThat(answers).extracting(answer -> answer.getStatus().value())
                .containsOnly(200, 412)
                .filteredOn(status -> status == 200).hasSize(1);
        answers.stream().filter(a -> a.getStatus().value() == 412).forEach(loser -> assertThat(loser.getResponseHeaders()
                .getContentType().toString()).startsWith("application/problem+json"));
    }

    /** Runs {@link #RACERS} requests (or as many as {@code request} is given indexes for) at once. */
    private static <T> List<T> race(IntFunction<T> request) {
        return race(RACERS, request);
    }

    private static <T> List<T> race(int count, IntFunction<T> request) {
        CyclicBarrier start = new CyclicBarrier(count);
        return Flux.range(0, count)
                .flatMapSequential(i -> Mono.fromCallable(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.apply(i);
                }).subscribeOn(Schedulers.boundedElastic()), count)
                .collectList()
                .block(Duration.ofMinutes(3));
    }
}
