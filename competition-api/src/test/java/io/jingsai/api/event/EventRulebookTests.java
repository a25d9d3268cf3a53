package io.jingsai.api.event;

import static io.jingsai.api.programme.RegistryFixtures.eventBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.programme.RegistryFixtures;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.scoring.marking.AspectMarks;
import io.jingsai.scoring.marking.EntryMarks;

/** Other features get an event's compiled rules from the rulebook: once per version, recompiled when it changes. */
@IntegrationTest
class EventRulebookTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    @Autowired
    EventRulebook rulebook;

    WebTestClient web;
    RegistryFixtures fixtures;
    Map<String, Object> body;
    long id;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        fixtures = new RegistryFixtures(web, database);
        body = eventBody(fixtures.programme(), fixtures.trade(), TestIdentities.unique("赛项规则"));
        id = fixtures.event(body);
    }

    /** Theory 80 and practical 60 + 30 + 10 = 100: 0.3 × 80 + 0.7 × 100 = 94; with 0.2 / 0.8, 16 + 80 = 96. */
    @Test
    void eachVersionIsCompiledOnceAndAChangeIsSeenAtOnce() {
        EventRules first = rulebook.rules(id).block();
        assertThat(first.eventId()).isEqualTo(id);
        assertThat(first.version()).isZero();
        assertThat(rulebook.rules(id).block()).isSameAs(first);
        assertThat(first.scorer().score(marks()).total()).isEqualByComparingTo("94");

        body.put("scheme", RegistryFixtures.scheme("0.2", "0.8"));
        web.put().uri("/api/events/{id}", id).header("If-Match", "\"0\"").bodyValue(body).exchange()
                .expectStatus().isOk();

        EventRules changed = rulebook.rules(id).block();
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.scorer().score(marks()).total()).isEqualByComparingTo("96");
        assertThat(rulebook.rules(id).block()).isSameAs(changed);
    }

    @Test
    void aVersionWrittenElsewhereIsCompiledWhenFirstAskedFor() {
        EventRules before = rulebook.rules(id).block();
        database.sql("UPDATE event SET rules = jsonb_set(rules, '{tieBreak}', "
                        + "'[{\"key\": \"theory\", \"order\": \"DESCENDING\"}]'), version = version + 1 WHERE id = :id")
                .bind("id", id).then().block();

        EventRules after = rulebook.rules(id).block();
        assertThat(after).isNotSameAs(before);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.ranking().chain().keys()).extracting(Object::toString).containsExactly("theory ↓");
    }

    @Test
    void storedRulesTheEngineNoLongerAcceptsAreAConflictAndAMissingEventIsNotFound() {
        database.sql("UPDATE event SET rules = jsonb_set(rules, '{tieBreak}', "
                        + "'[{\"key\": \"gone\", \"order\": \"DESCENDING\"}]'), version = version + 1 WHERE id = :id")
                .bind("id", id).then().block();

        assertThatThrownBy(() -> rulebook.rules(id).block()).isInstanceOfSatisfying(ConflictException.class,
                conflict -> assertThat(conflict.key()).isEqualTo("event.rulesNoLongerValid"));
        assertThatThrownBy(() -> rulebook.rules(Long.MAX_VALUE).block()).isInstanceOf(NotFoundException.class);
    }

    private static EntryMarks marks() {
        return EntryMarks.of("entry", List.of(AspectMarks.ofValues("T1a", "80"), AspectMarks.ofValues("P1a", "60"),
                AspectMarks.ofValues("P1b", "3", "3", "3")));
    }
}
