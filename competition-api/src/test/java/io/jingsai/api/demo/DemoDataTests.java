package io.jingsai.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.boards.BoardFixtures;
import io.jingsai.api.JingsaiApplication;
import io.jingsai.api.ServerTest;
import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;

/**
 * {@code jingsai.demo=true} on an empty database: an application context of its own, on a schema of its own in the
 * test database (the shared one is never empty), with small sizes. The database is filled as configured, through
 * the services (audit chains verify), marks keep arriving, and a restart on the filled database resumes marking
 * where it stood and writes nothing else.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTests {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final DemoSettings SMALL = new DemoSettings(7, 12, 20, 60, 3, 8, 3, 0.5, 20);

    @Autowired
    Environment environment;
    @Autowired
    DatabaseClient shared;

    String schema;
    ConfigurableApplicationContext demo;
    DatabaseClient database;
    WebTestClient web;

    @BeforeAll
    void startOnAnEmptySchema() {
        schema = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        shared.sql("CREATE SCHEMA " + schema).fetch().rowsUpdated().block();
        use(start(SMALL));
        DemoData data = demo.getBean(DemoData.class);
        eventually("the demo data written", () -> data.state() == DemoData.State.MARKING
                || data.state() == DemoData.State.FAILED);
        assertThat(data.state()).isEqualTo(DemoData.State.MARKING);
    }

    @AfterAll
    void dropTheSchema() {
        if (demo != null) {
            demo.close();
        }
        shared.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").fetch().rowsUpdated().block();
    }

    @Test
    @Order(1)
    void theDatabaseIsFilledAsConfigured() {
        assertThat(count("SELECT count(*) FROM programme")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM programme WHERE status = 'RUNNING'")).as("running, as its events mark")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM enterprise")).isEqualTo(SMALL.enterprises());
        assertThat(count("SELECT count(*) FROM contestant")).isEqualTo(SMALL.contestants());
        assertThat(count("SELECT count(DISTINCT trade_id) FROM contestant")).isEqualTo(SMALL.trades());
        assertThat(count("SELECT count(*) FROM event WHERE status = 'MARKING'")).isEqualTo(SMALL.events());
        assertThat(count("SELECT count(*) FROM registration"))
                .isEqualTo((long) SMALL.events() * SMALL.entriesPerEvent());
        assertThat(count("SELECT count(*) FROM judge")).isEqualTo((long) SMALL.events() * SMALL.judgesPerEvent());
        assertThat(count("SELECT count(*) FROM account WHERE judge_id IS NOT NULL"))
                .isEqualTo((long) SMALL.events() * SMALL.judgesPerEvent());
        long perRound = (long) SMALL.events() * SMALL.entriesPerEvent() * SMALL.judgesPerEvent();
        assertThat(count("SELECT count(*) FROM score_sheet")).isGreaterThanOrEqualTo(Math.round(perRound * 0.5));

        long event = count("SELECT min(id) FROM event");
        Map<String, Object> board = read("/api/public/events/" + event + "/board");
        assertThat(((Number) board.get("total")).intValue()).isPositive();
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void identifiersAreValidByTheApplicationsOwnRules() {
        List<String> codes = database.sql("SELECT credit_code FROM enterprise")
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(codes).hasSize(SMALL.enterprises()).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(UnifiedSocialCreditCode.parse(code).isValid()).as(code).isTrue());

        List<Long> contestants = database.sql("SELECT id FROM contestant ORDER BY id LIMIT 10")
                .map(row -> row.get(0, Long.class)).all().collectList().block();
        for (long id : contestants) {
            Map<String, Object> revealed = web.get()
                    .uri("/api/contestants/{id}?reveal=idNumber&reason={why}", id, "演示数据检查")
                    .headers(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            String number = (String) revealed.get("idNumber");
            assertThat(ResidentIdNumber.parse(number, java.time.Clock.systemUTC()).isValid()).as(number).isTrue();
        }
    }

    @Test
    @Order(3)
    void marksKeepArriving() {
        long changes = count("SELECT count(*) FROM result_change");
        long versions = count("SELECT coalesce(sum(version), 0) FROM entry_result");
        eventually("ten more result changes", () -> count("SELECT count(*) FROM result_change") >= changes + 10
                && count("SELECT coalesce(sum(version), 0) FROM entry_result") >= versions + 10);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void everyAuditChainVerifies() {
        List<String> chains = database.sql("SELECT chain FROM audit_chain")
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(chains).hasSizeGreaterThanOrEqualTo(SMALL.events());
        for (String chain : chains) {
            Map<String, Object> verification = web.get().uri("/api/audit/chains/{chain}/verification", chain)
                    .headers(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(verification).as(chain).containsEntry("intact", true);
            assertThat(((Number) verification.get("entriesChecked")).longValue()).isPositive();
        }
    }

    @Test
    @Order(5)
    void aRestartOnTheFilledDatabaseResumesMarkingAndWritesNothingElse() {
        demo.getBean(DemoData.class).stop();
        Map<String, Long> filled = counts(FILLED);
        long changes = count("SELECT count(*) FROM result_change");
        long versions = count("SELECT coalesce(sum(version + 1), 0) FROM score_sheet");
        demo.close();
        use(start(SMALL));
        DemoData data = demo.getBean(DemoData.class);
        eventually("the restart to decide", () -> data.state() != DemoData.State.WAITING
                && data.state() != DemoData.State.FILLING);
        assertThat(data.state()).isEqualTo(DemoData.State.MARKING);
        eventually("ten more sheets after the restart", () -> data.handedIn() >= 10
                && count("SELECT coalesce(sum(version + 1), 0) FROM score_sheet") >= versions + 10);
        data.stop();

        assertThat(counts(FILLED)).as("nothing filled again").isEqualTo(filled);
        assertThat(count("SELECT count(*) FROM result_change")).isGreaterThanOrEqualTo(changes + 10);
        // marking goes round the plan sheet by sheet, so sheets never stand more than one round apart: a restart
        // that began again from the first round, or jumped ahead, would break this
        long perRound = (long) SMALL.events() * SMALL.entriesPerEvent() * SMALL.judgesPerEvent();
        long handedInOnce = count("SELECT count(*) FROM score_sheet");
        long lowest = handedInOnce < perRound ? -1 : count("SELECT min(version) FROM score_sheet");
        assertThat(count("SELECT max(version) FROM score_sheet")).isBetween(lowest, lowest + 1);
    }

    @Test
    @Order(6)
    void everyAuditChainStillVerifiesAfterTheRestart() {
        everyAuditChainVerifies();
    }

    /** The tables only filling writes; marking writes score sheets and result changes. */
    private static final List<String> FILLED = List.of("programme", "enterprise", "contestant", "judge", "event",
            "registration", "account", "panel_member");

    private Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, count("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    /** Reads and calls go to this running application from now on. */
    private void use(ConfigurableApplicationContext context) {
        demo = context;
        database = context.getBean(DatabaseClient.class);
        web = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort())
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    private ConfigurableApplicationContext start(DemoSettings settings) {
        String r2dbc = environment.getRequiredProperty("spring.r2dbc.url");
        String jdbc = environment.getRequiredProperty("spring.flyway.url");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "spring.r2dbc.url", r2dbc + (r2dbc.contains("?") ? "&" : "?") + "schema=" + schema,
                "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username", ""),
                "spring.r2dbc.password", environment.getProperty("spring.r2dbc.password", ""),
                "spring.flyway.url", jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "spring.flyway.user", environment.getProperty("spring.flyway.user", ""),
                "spring.flyway.password", environment.getProperty("spring.flyway.password", ""),
                "spring.flyway.default-schema", schema,
                "jingsai.admin.username", IntegrationTest.ADMIN,
                "jingsai.admin.password", IntegrationTest.ADMIN_PASSWORD));
        properties.putAll(Map.of(
                "jingsai.demo", "true",
                "jingsai.demo.seed", String.valueOf(settings.seed()),
                "jingsai.demo.trades", String.valueOf(settings.trades()),
                "jingsai.demo.enterprises", String.valueOf(settings.enterprises()),
                "jingsai.demo.contestants", String.valueOf(settings.contestants()),
                "jingsai.demo.events", String.valueOf(settings.events()),
                "jingsai.demo.entries-per-event", String.valueOf(settings.entriesPerEvent()),
                "jingsai.demo.judges-per-event", String.valueOf(settings.judgesPerEvent()),
                "jingsai.demo.initial-share", String.valueOf(settings.initialShare()),
                "jingsai.demo.marks-per-second", String.valueOf(settings.marksPerSecond())));
        // As arguments: they take precedence over application.properties, as the command line's do.
        return new SpringApplicationBuilder(JingsaiApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    /** Waits, polling, for at most {@link #PATIENCE}: a bound on a test that hangs, not a measure of speed. */
    private static void eventually(String what, Supplier<Boolean> condition) {
        BoardFixtures.eventually(what, PATIENCE, condition);
    }
}
