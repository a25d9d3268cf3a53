package io.jingsai.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetReader;

@IntegrationTest
class RegistrationControllerTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    WebTestClient web;
    TestRegistry registry;
    RegistryFixtures fixtures;
    long enterprise;
    long trade;
    long event;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
        fixtures = new RegistryFixtures(web, database);
        enterprise = registry.enterprise();
        trade = registry.trade();
        event = fixtures.event(RegistryFixtures.eventBody(fixtures.programme(), trade, TestIdentities.unique("焊工赛")));
    }

    long register(Map<String, Object> body) {
        return registry.create("/api/events/" + event + "/registrations", body);
    }

    @Test
    void registrationNumbersFollowRegistrationOrderAndStationsAreUnique() {
        long first = registry.contestant(enterprise, trade);
        long second = registry.contestant(enterprise, trade);
        long third = registry.contestant(enterprise, trade);
        register(Map.of("contestantId", first, "stationNumber", "A-01"));
        register(Map.of("contestantId", second));

        web.post().uri("/api/events/{e}/registrations", event)
                .bodyValue(Map.of("contestantId", third, "stationNumber", "A-01")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("赛项 " + event + " 中该工位号已被占用");
        web.get().uri("/api/events/{e}/registrations", event).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.items[0].registrationNumber").isEqualTo(1)
                .jsonPath("$.items[0].contestantId").isEqualTo(first)
                .jsonPath("$.items[1].registrationNumber").isEqualTo(2)
                .jsonPath("$.items[1].stationNumber").doesNotExist();
    }

    @Test
    void theSamePersonCannotEnterTwice() {
        long contestant = registry.contestant(enterprise, trade);
        register(Map.of("contestantId", contestant));

        web.post().uri("/api/events/{e}/registrations", event).bodyValue(Map.of("contestantId", contestant))
                .exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void entrantsMustExistMatchTheEventKindAndTrade() {
        long otherTrade = registry.trade();
        long welderElsewhere = registry.contestant(enterprise, otherTrade);
        long team = registry.team(enterprise, List.of(registry.contestant(enterprise, trade)));

        web.post().uri("/api/events/{e}/registrations", event).bodyValue(Map.of("contestantId", welderElsewhere))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("contestantId")
                .jsonPath("$.errors[0].rule").isEqualTo("entrant.otherTrade")
                .jsonPath("$.errors[0].message")
                .isEqualTo("选手 " + welderElsewhere + " 属于工种 " + otherTrade + "，而本赛项的工种是 " + trade);
        web.post().uri("/api/events/{e}/registrations", event).bodyValue(Map.of("teamId", team))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("teamId")
                .jsonPath("$.errors[0].rule").isEqualTo("entrant.individualEvent");
        web.post().uri("/api/events/{e}/registrations", event).bodyValue(Map.of("contestantId", 999_999_999L))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("reference.missing");
        web.post().uri("/api/events/{e}/registrations", event).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("contestantId")
                .jsonPath("$.errors[0].rule").isEqualTo("entrant.exactlyOne");
        web.post().uri("/api/events/{e}/registrations", 999_999_999L)
                .bodyValue(Map.of("contestantId", welderElsewhere)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void changesNeedTheVersionAndWithdrawnEntriesKeepTheirNumber() {
        long id = register(Map.of("contestantId", registry.contestant(enterprise, trade)));

        web.put().uri("/api/events/{e}/registrations/{id}", event, id)
                .bodyValue(Map.of("status", "WITHDRAWN")).exchange()
                .expectStatus().isEqualTo(428);
        web.put().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "WITHDRAWN", "stationNumber", "B-2")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN").jsonPath("$.registrationNumber").isEqualTo(1);
        web.put().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "REGISTERED")).exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void registeredContestantsCannotBeRemovedAndEventsWithEntriesCannotBeDeleted() {
        long contestant = registry.contestant(enterprise, trade);
        long id = register(Map.of("contestantId", contestant));

        web.delete().uri("/api/contestants/{id}", contestant).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409);
        web.delete().uri("/api/events/{id}", event).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409);
        web.delete().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void exportListsEntriesInNumberOrderWithMaskedIdNumbers() {
        long first = registry.contestant(enterprise, trade);
        register(Map.of("contestantId", first, "stationNumber", "A-09"));
        String idNumber = web.get().uri("/api/contestants/{id}?reveal=idNumber", first).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("idNumber").toString();

        byte[] file = web.get().uri("/api/events/{e}/registrations/export?format=xlsx", event).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        Sheet sheet = SheetReader.of(RegistrationExport.COLUMNS).read(file, SheetFormat.XLSX);
        assertThat(sheet.rows()).hasSize(1);
        assertThat(sheet.rows().get(0).value("报名号")).isEqualTo("1");
        assertThat(sheet.rows().get(0).value("工位号")).isEqualTo("A-09");
        assertThat(sheet.rows().get(0).value("身份证号")).isEqualTo(idNumber.substring(0, 6) + "********"
                + idNumber.substring(14));
    }
}
