package io.jingsai.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TableLock;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.ConnectionFactory;

/**
 * Imports that fail after validation, while writing: the database refuses a row, or the process working on the job
 * stops. Either way nothing is written, the job ends FAILED, and no job is left WRITING.
 */
@IntegrationTest
class ImportWriteFailureTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient client;

    @Autowired
    DatabaseClient database;

    @Autowired
    R2dbcEntityTemplate template;

    @Autowired
    ConnectionFactory connections;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
    }

    /** A trigger refuses the last row of a valid file, as a constraint the validation does not know would. */
    @Test
    void aRowTheDatabaseRefusesFailsTheJobAndWritesNothing() {
        String tag = TestIdentities.unique("拒写");
        String refused = tag + "丙";
        String function = "refuse_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.name = '" + refused + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                + "RETURN NEW; END $$");
        execute("CREATE TRIGGER " + function + " BEFORE INSERT ON enterprise FOR EACH ROW EXECUTE FUNCTION "
                + function + "()");
        try {
            List<List<String>> rows = List.of(row(tag + "甲"), row(tag + "乙"), row(refused));
            String id = ImportFiles.submit(web, "enterprises", "企业.csv",
                    ImportFiles.file(SheetFormat.CSV, ImportFiles.ENTERPRISE_COLUMNS, rows));

            Map<String, Object> job = ImportFiles.awaitEnd(web, id);

            assertThat(job).containsEntry("status", "FAILED").containsEntry("rowsWritten", 0);
            assertThat(job.get("message").toString()).startsWith("the server failed; nothing was written");
            web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).build()).exchange()
                    .expectBody().jsonPath("$.total").isEqualTo(0);
        } finally {
            execute("DROP TRIGGER " + function + " ON enterprise");
            execute("DROP FUNCTION " + function + "()");
        }
    }

    @Test
    void aSweepFailsTheRunningJobsWhoseHeartbeatStoppedAndNoOthers() {
        Instant now = Instant.parse("2031-05-01T08:00:00Z");
        Instant stale = now.minus(AbandonedImportJobs.ABANDONED_AFTER).minusMillis(1);
        Instant fresh = now.minus(AbandonedImportJobs.ABANDONED_AFTER).plusSeconds(1);
        UUID writingAbandoned = insertJob(ImportStatus.WRITING, stale);
        UUID validatingAbandoned = insertJob(ImportStatus.VALIDATING, stale);
        UUID writingAlive = insertJob(ImportStatus.WRITING, fresh);
        UUID succeededLongAgo = insertJob(ImportStatus.SUCCEEDED, stale);
        try {
            Long failed = new AbandonedImportJobs(template, Clock.fixed(now, ZoneOffset.UTC)).sweep().block(WAIT);

            assertThat(failed).isGreaterThanOrEqualTo(2);
            for (UUID id : List.of(writingAbandoned, validatingAbandoned)) {
                assertThat(ImportFiles.job(web, id.toString())).containsEntry("status", "FAILED")
                        .containsEntry("finishedAt", "2031-05-01T08:00:00Z")
                        .containsEntry("message", AbandonedImportJobs.MESSAGE);
            }
            assertThat(ImportFiles.job(web, writingAlive.toString())).containsEntry("status", "WRITING");
            assertThat(ImportFiles.job(web, succeededLongAgo.toString())).containsEntry("status", "SUCCEEDED");
        } finally {
            database.sql("DELETE FROM import_job WHERE id = ANY(:ids)")
                    .bind("ids", new UUID[] {writingAbandoned, validatingAbandoned, writingAlive, succeededLongAgo})
                    .then().block(WAIT);
        }
    }

    /**
     * The job is held while writing (the enterprise table is locked) and a sweep from the future finds it abandoned
     * and says nothing was written; when the lock goes, the write must not go through after all.
     */
    @Test
    void aJobSweptWhileWritingEndsFailedAndItsRowsAreNotWritten() {
        String tag = TestIdentities.unique("弃写");
        String id;
        try (TableLock held = TableLock.share(connections, "enterprise")) {
            id = ImportFiles.submit(web, "enterprises", "企业.csv", ImportFiles.file(SheetFormat.CSV,
                    ImportFiles.ENTERPRISE_COLUMNS, List.of(row(tag + "甲"), row(tag + "乙"))));
            ImportFiles.awaitStatus(web, id, List.of("WRITING"));
            Clock later = Clock.offset(Clock.systemUTC(), AbandonedImportJobs.ABANDONED_AFTER.multipliedBy(2));
            new AbandonedImportJobs(template, later).sweep().block(WAIT);
            assertThat(ImportFiles.job(web, id)).containsEntry("status", "FAILED");
        }
        // The write goes on once the lock is gone: wait until it has ended (no insert waits on the table any more).
        awaitNoInsertInto("enterprise");

        assertThat(ImportFiles.job(web, id)).containsEntry("status", "FAILED").containsEntry("rowsWritten", 0)
                .containsEntry("message", AbandonedImportJobs.MESSAGE);
        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).build()).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private static List<String> row(String name) {
        return List.of(name, TestIdentities.creditCode(), "610100", "", "民营");
    }

    private UUID insertJob(ImportStatus status, Instant heartbeat) {
        UUID id = UUID.randomUUID();
        template.insert(new ImportJobRow(id, "enterprises", "sweep-test.csv", status, 1, 0, 0, Json.of("[]"), null,
                heartbeat, status.running() ? null : heartbeat, heartbeat)).block(WAIT);
        return id;
    }

    private void execute(String sql) {
        database.sql(sql).then().block(WAIT);
    }

    private void awaitNoInsertInto(String table) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Long inserting = database.sql("SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE :insert "
                            + "AND state <> 'idle' AND datname = current_database() AND pid <> pg_backend_pid()")
                    .bind("insert", "%INSERT INTO " + table + " %")
                    .map(r -> r.get("n", Long.class)).one().block(WAIT);
            if (inserting == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("an insert into " + table + " is still running");
    }
}
