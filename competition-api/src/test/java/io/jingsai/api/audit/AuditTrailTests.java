package io.jingsai.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit trail against PostgreSQL: entries commit with the act they record, a chain stays gapless under
 * concurrent writers, the application cannot change what was recorded, and verification finds an entry that was
 * altered, removed or moved directly in the database (the tampering tests put every row back afterwards, so the kept
 * CI database stays verifiable).
 */
@IntegrationTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    DatabaseClient database;
    @Autowired
    TransactionalOperator transaction;
    @Autowired
    WebTestClient webTestClient;

    WebTestClient web;
    AuditChain chain;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(webTestClient);
        // Chains of ids no event reaches, new for each test: the database keeps data between runs.
        chain = AuditChain.event(ThreadLocalRandom.current().nextLong(900_000_000_000_000_000L, Long.MAX_VALUE / 10 * 9));
    }

    @Test
    void entriesOfAChainAreNumberedInOrderAndEachLinksToTheOneBefore() {
        record(3);

        var entries = entries();
        assertThat(entries).extracting(e -> e.get("position")).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).get("previous_hash")).isEqualTo(AuditTrail.GENESIS);
        assertThat(entries.get(1).get("previous_hash")).isEqualTo(entries.get(0).get("entry_hash"));
        assertThat(entries.get(2).get("previous_hash")).isEqualTo(entries.get(1).get("entry_hash"));
        verification().jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.length").isEqualTo(3)
                .jsonPath("$.entriesChecked").isEqualTo(3)
                .jsonPath("$.headHash").isEqualTo(entries.get(2).get("entry_hash"))
                .jsonPath("$.firstBreak").doesNotExist();
    }

    @Test
    void anActRolledBackLeavesNoEntryAndTheChainGoesOnFromWhereItWas() {
        record(1);
        Mono<Void> failedAct = trail.record(act(2)).then(Mono.error(new IllegalStateException("the act failed")));
        assertThatThrownBy(() -> failedAct.as(transaction::transactional).block(Duration.ofSeconds(30)))
                .hasMessageContaining("the act failed");
        record(1);

        assertThat(entries()).extracting(e -> e.get("action")).containsExactly("test.act", "test.act");
        verification().jsonPath("$.intact").isEqualTo(true).jsonPath("$.length").isEqualTo(2);
    }

    @Test
    void concurrentWritersToOneChainLeaveNoGapsAndNoForks() {
        int writers = 40;
        Flux.range(0, writers)
                .flatMap(i -> trail.record(act(i)), 16)
                .then()
                .block(Duration.ofSeconds(60));

        assertThat(entries()).extracting(e -> e.get("position"))
                .containsExactlyElementsOf(Flux.range(1, writers).map(Long::valueOf).collectList().block());
        verification().jsonPath("$.intact").isEqualTo(true).jsonPath("$.length").isEqualTo(writers);
    }

    @Test
    void theApplicationCannotChangeOrRemoveWhatWasRecorded() {
        record(2);
        String name = chain.name();

        assertRefused("UPDATE audit_entry SET actor = 'someone else' WHERE chain = '" + name + "'");
        assertRefused("DELETE FROM audit_entry WHERE chain = '" + name + "' AND position = 2");
        assertRefused("TRUNCATE audit_entry");
        assertRefused("UPDATE audit_chain SET length = 1 WHERE chain = '" + name + "'");
        assertRefused("UPDATE audit_chain SET length = 7 WHERE chain = '" + name + "'");
        assertRefused("DELETE FROM audit_chain WHERE chain = '" + name + "'");
        verification().jsonPath("$.intact").isEqualTo(true).jsonPath("$.length").isEqualTo(2);
    }

    @Test
    void verificationNamesAnEntryWhoseContentWasChanged() {
        record(4);
        tamper("UPDATE audit_entry SET reason = 'a different reason' WHERE chain = :chain AND position = 3");
        try {
            verification().jsonPath("$.intact").isEqualTo(false)
                    .jsonPath("$.entriesChecked").isEqualTo(2)
                    .jsonPath("$.firstBreak.position").isEqualTo(3)
                    .jsonPath("$.firstBreak.kind").isEqualTo("ALTERED");
        } finally {
            tamper("UPDATE audit_entry SET reason = 'reason 2' WHERE chain = :chain AND position = 3");
        }
        verification().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void verificationNamesAnEntryThatWasRemoved() {
        record(4);
        Map<String, Object> second = entries().get(1);
        tamper("DELETE FROM audit_entry WHERE chain = :chain AND position = 2");
        try {
            verification().jsonPath("$.intact").isEqualTo(false)
                    .jsonPath("$.firstBreak.position").isEqualTo(2)
                    .jsonPath("$.firstBreak.kind").isEqualTo("MISSING");
        } finally {
            restore(second);
        }
        verification().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void verificationNamesTheLastEntriesWhenTheyWereRemoved() {
        record(3);
        Map<String, Object> last = entries().get(2);
        tamper("DELETE FROM audit_entry WHERE chain = :chain AND position = 3");
        try {
            verification().jsonPath("$.intact").isEqualTo(false)
                    .jsonPath("$.firstBreak.position").isEqualTo(3)
                    .jsonPath("$.firstBreak.kind").isEqualTo("MISSING");
        } finally {
            restore(last);
        }
        verification().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void verificationNamesEntriesThatWereMoved() {
        record(4);
        swapPositions(2, 3);
        try {
            verification().jsonPath("$.intact").isEqualTo(false)
                    .jsonPath("$.firstBreak.position").isEqualTo(2)
                    .jsonPath("$.firstBreak.kind").isEqualTo("ALTERED");
        } finally {
            swapPositions(2, 3);
        }
        verification().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void verificationNamesAnEntryReplacedByOneThatHashesCorrectlyButDoesNotFollowItsPredecessor() {
        record(3);
        Map<String, Object> second = entries().get(1);
        String forged = ReferenceEntryHash.of(AuditTrail.GENESIS, chain.name(), 2, Instant.parse("2026-01-01T00:00:00Z"),
                "forger", "test.act", "thing/2", null, null, null);
        tamper("DELETE FROM audit_entry WHERE chain = :chain AND position = 2",
                "INSERT INTO audit_entry (chain, position, occurred_at, actor, action, subject, previous_hash, "
                        + "entry_hash) VALUES (:chain, 2, '2026-01-01T00:00:00Z', 'forger', 'test.act', 'thing/2', '"
                        + AuditTrail.GENESIS + "', '" + forged + "')");
        try {
            verification().jsonPath("$.intact").isEqualTo(false)
                    .jsonPath("$.firstBreak.position").isEqualTo(2)
                    .jsonPath("$.firstBreak.kind").isEqualTo("RELINKED");
        } finally {
            tamper("DELETE FROM audit_entry WHERE chain = :chain AND position = 2 AND actor = 'forger'");
            restore(second);
        }
        verification().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void chainsAreAddressedByNameAndAnUnknownOrMalformedNameIsRefused() {
        record(1);
        web.get().uri("/api/audit/chains/{c}", chain.name()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.chain").isEqualTo(chain.name()).jsonPath("$.length").isEqualTo(1);
        web.get().uri("/api/audit/chains/{c}/entries", chain.name()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].before.step").isEqualTo(0)
                .jsonPath("$.items[0].after.step").isEqualTo(1)
                .jsonPath("$.items[0].reason").isEqualTo("reason 0");
        web.get().uri("/api/audit/chains/event-{id}/verification", Long.MAX_VALUE / 10 * 9 + 1).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/audit/chains/{c}/verification", "events-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("chain")
                .jsonPath("$.errors[0].rule").isEqualTo("audit.chainName");
        TestClients.anonymous(webTestClient).get().uri("/api/audit/chains/{c}", chain.name()).exchange()
                .expectStatus().isUnauthorized();
    }

    private void record(int count) {
        int already = entries().size();
        Flux.range(already, count).concatMap(i -> trail.record(act(i))).then().block(Duration.ofSeconds(30));
    }

    private AuditRecord act(int step) {
        return AuditRecord.of(chain, "tester", "test.act", "thing/" + step, Map.of("step", step),
                Map.of("step", step + 1)).because("reason " + step);
    }

    private List<Map<String, Object>> entries() {
        return database.sql("SELECT * FROM audit_entry WHERE chain = :chain ORDER BY position")
                .bind("chain", chain.name())
                .fetch().all().collectList().block(Duration.ofSeconds(30));
    }

    private WebTestClient.BodyContentSpec verification() {
        return web.get().uri("/api/audit/chains/{c}/verification", chain.name()).exchange()
                .expectStatus().isOk()
                .expectBody();
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> database.sql(sql).then().block(Duration.ofSeconds(30)))
                .hasMessageContaining("audit");
    }

    /** Runs a statement as someone with the tables' owner rights would: with the append-only triggers off. */
    private void tamper(String... statements) {
        Mono<Void> withTriggersOff = database.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
                .then()
                .thenMany(Flux.fromArray(statements)
                        .concatMap(sql -> database.sql(sql).bind("chain", chain.name()).then()))
                .then(database.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").then());
        withTriggersOff.as(transaction::transactional).block(Duration.ofSeconds(30));
    }

    private void restore(Map<String, Object> entry) {
        database.sql("INSERT INTO audit_entry (chain, position, occurred_at, actor, action, subject, reason, "
                        + "before_state, after_state, previous_hash, entry_hash) VALUES (:chain, :position, "
                        + ":occurredAt, :actor, :action, :subject, :reason, :before, :after, :previous, :hash)")
                .bind("chain", entry.get("chain"))
                .bind("position", entry.get("position"))
                .bind("occurredAt", entry.get("occurred_at"))
                .bind("actor", entry.get("actor"))
                .bind("action", entry.get("action"))
                .bind("subject", entry.get("subject"))
                .bind("reason", Parameter.fromOrEmpty(entry.get("reason"), String.class))
                .bind("before", Parameter.fromOrEmpty(entry.get("before_state"), String.class))
                .bind("after", Parameter.fromOrEmpty(entry.get("after_state"), String.class))
                .bind("previous", entry.get("previous_hash"))
                .bind("hash", entry.get("entry_hash"))
                .then().block(Duration.ofSeconds(30));
    }

    /** Swaps two entries' places (through a free position: the chain's positions are unique at every row). */
    private void swapPositions(int a, int b) {
        int free = 1_000_000_000;
        tamper("UPDATE audit_entry SET position = " + free + " WHERE chain = :chain AND position = " + a,
                "UPDATE audit_entry SET position = " + a + " WHERE chain = :chain AND position = " + b,
                "UPDATE audit_entry SET position = " + b + " WHERE chain = :chain AND position = " + free);
    }
}
