package io.jingsai.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
    long programme;
    Map<String, Object> eventBody;
    long event;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
        fixtures = new RegistryFixtures(web, database);
        enterprise = registry.enterprise();
        trade = registry.trade();
        programme = fixtures.programme();
        eventBody = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("焊工赛"));
        event = fixtures.event(eventBody);
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
    void teamsEnterOnlyEventsOfTheTradeTheyAndAllTheirMembersAreIn() {
        Map<String, Object> body = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("班组赛"));
        body.put("entryKind", "TEAM");
        long teamEvent = fixtures.event(body);
        long otherTrade = registry.trade();
        long welder = registry.contestant(enterprise, trade);
        long electrician = registry.contestant(enterprise, otherTrade);
        long namedForTheTradeWithAnOutsider = team(trade, List.of(welder, electrician));
        long withoutTradeAllOutsiders = team(null, List.of(registry.contestant(enterprise, otherTrade)));
        long namedForAnotherTrade = team(otherTrade, List.of(registry.contestant(enterprise, trade)));
        long allInTheTrade = team(null, List.of(registry.contestant(enterprise, trade), welder));

        web.post().uri("/api/events/{e}/registrations", teamEvent)
                .bodyValue(Map.of("teamId", namedForTheTradeWithAnOutsider)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("teamId")
                .jsonPath("$.errors[0].rule").isEqualTo("team.membersInOtherTrades")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains(String.valueOf(electrician)));
        web.post().uri("/api/events/{e}/registrations", teamEvent)
                .bodyValue(Map.of("teamId", withoutTradeAllOutsiders)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("teamId");
        web.post().uri("/api/events/{e}/registrations", teamEvent)
                .bodyValue(Map.of("teamId", namedForAnotherTrade)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("entrant.otherTrade")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains(String.valueOf(otherTrade)));
        web.post().uri("/api/events/{e}/registrations", teamEvent)
                .bodyValue(Map.of("teamId", 999_999_999L)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("teamId");
        registry.create("/api/events/" + teamEvent + "/registrations", Map.of("teamId", allInTheTrade));
        web.get().uri("/api/events/{e}/registrations", teamEvent).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].teamId").isEqualTo(allInTheTrade);
    }

    @Test
    void changesNeedTheVersionAndWithdrawalIsItsOwnRecordedOperation() {
        long id = register(Map.of("contestantId", registry.contestant(enterprise, trade), "stationNumber", "B-1"));

        web.put().uri("/api/events/{e}/registrations/{id}", event, id)
                .bodyValue(Map.of("status", "OBSERVER")).exchange()
                .expectStatus().isEqualTo(428);
        web.put().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "WITHDRAWN", "stationNumber", "B-2")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status")
                .jsonPath("$.errors[0].rule").isEqualTo("registration.withdrawOnly");
        web.put().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "OBSERVER", "stationNumber", "B-2")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("OBSERVER").jsonPath("$.stationNumber").isEqualTo("B-2");

        withdraw(id, null, "选手因伤退赛").expectStatus().isEqualTo(428);
        withdraw(id, "\"0\"", "选手因伤退赛").expectStatus().isEqualTo(412);
        withdraw(id, "\"1\"", " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        withdraw(id, "\"1\"", "选手因伤退赛").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("WITHDRAWN")
                .jsonPath("$.registrationNumber").isEqualTo(1)
                .jsonPath("$.stationNumber").isEqualTo("B-2")
                .jsonPath("$.withdrawnBy").isEqualTo(IntegrationTest.ADMIN)
                .jsonPath("$.withdrawalReason").isEqualTo("选手因伤退赛")
                .jsonPath("$.withdrawnAt").exists();
        web.get().uri("/api/audit/chains/event-{e}/entries?sort=position,desc&size=1", event).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].action").isEqualTo("registration.withdrawn")
                .jsonPath("$.items[0].subject").isEqualTo("registration/" + id)
                .jsonPath("$.items[0].actor").isEqualTo(IntegrationTest.ADMIN)
                .jsonPath("$.items[0].reason").isEqualTo("选手因伤退赛")
                .jsonPath("$.items[0].before.status").isEqualTo("OBSERVER")
                .jsonPath("$.items[0].after.status").isEqualTo("WITHDRAWN");

        withdraw(id, "\"2\"", "again").expectStatus().isEqualTo(409);
        web.put().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"2\"")
                .bodyValue(Map.of("status", "REGISTERED")).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void onceMarkingBeganARegistrationIsNotReplacedButCanBeWithdrawnKeepingItsRow() {
        long id = register(Map.of("contestantId", registry.contestant(enterprise, trade), "stationNumber", "C-7"));
        moveEventTo("OPEN", 0);
        moveEventTo("MARKING", 1);

        web.put().uri("/api/events/{e}/registrations/{id}", event, id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "OBSERVER")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("MARKING", "withdrawal"));
        web.get().uri("/api/events/{e}/registrations/{id}", event, id).exchange()
                .expectBody().jsonPath("$.stationNumber").isEqualTo("C-7").jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.version").isEqualTo(0);

        withdraw(id, "\"0\"", "违反赛场纪律").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN").jsonPath("$.stationNumber").isEqualTo("C-7");
        Map<String, Object> row = database.sql("SELECT status, station_number, withdrawn_by, withdrawal_reason, "
                        + "withdrawn_at FROM registration WHERE id = :id").bind("id", id).fetch().one().block();
        assertThat(row).containsEntry("status", "WITHDRAWN").containsEntry("station_number", "C-7")
                .containsEntry("withdrawn_by", IntegrationTest.ADMIN)
                .containsEntry("withdrawal_reason", "违反赛场纪律");
        assertThat(row.get("withdrawn_at")).isNotNull();
    }

    private void moveEventTo(String status, long version) {
        web.post().uri("/api/events/{id}/transition", event).header("If-Match", "\"" + version + "\"")
                .bodyValue(Map.of("status", status)).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec withdraw(long id, String ifMatch, String reason) {
        return web.post().uri("/api/events/{e}/registrations/{id}/withdrawal", event, id)
                .headers(h -> {
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .bodyValue(Map.of("reason", reason)).exchange();
    }

    private long team(Long teamTrade, List<Long> members) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", TestIdentities.unique("班组"),
                "enterpriseId", enterprise, "scoreRule", "SUM", "memberIds", members));
        if (teamTrade != null) {
            body.put("tradeId", teamTrade);
        }
        return registry.create("/api/teams", body);
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
        List<Long> contestants = List.of(registry.contestant(enterprise, trade), registry.contestant(enterprise, trade),
                registry.contestant(enterprise, trade));
        // Stations in another order than the numbers, so neither a sort by station nor by name passes by chance.
        List<String> stations = List.of("C-03", "A-01", "B-02");
        List<Long> registrations = new ArrayList<>();
        for (int i = 0; i < contestants.size(); i++) {
            registrations.add(register(Map.of("contestantId", contestants.get(i), "stationNumber", stations.get(i))));
        }
        // Changing the first entry rewrites its row: read without an order, the table would now give it last.
        web.put().uri("/api/events/{e}/registrations/{id}", event, registrations.get(0)).header("If-Match", "\"0\"")
                .bodyValue(Map.of("status", "REGISTERED", "stationNumber", "C-09")).exchange()
                .expectStatus().isOk();
        List<String> idNumbers = contestants.stream().map(id -> web.get()
                .uri("/api/contestants/{id}?reveal=idNumber&reason=核对身份", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("idNumber").toString()).toList();

        byte[] file = web.get().uri("/api/events/{e}/registrations/export?format=xlsx", event).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        Sheet sheet = SheetReader.of(RegistrationExport.COLUMNS).read(file, SheetFormat.XLSX);
        assertThat(sheet.rows()).extracting(row -> row.value("报名号")).containsExactly("1", "2", "3");
        assertThat(sheet.rows()).extracting(row -> row.value("工位号")).containsExactly("C-09", "A-01", "B-02");
        assertThat(sheet.rows()).extracting(row -> row.value("身份证号")).containsExactlyElementsOf(idNumbers.stream()
                .map(number -> number.substring(0, 6) + "********" + number.substring(14)).toList());
    }
}
