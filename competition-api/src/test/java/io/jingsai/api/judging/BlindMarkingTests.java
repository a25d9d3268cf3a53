package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * Blind marking (工位号加密) over HTTP on PostgreSQL: while a blind event's identities are hidden, nothing its judges or
 * its chief judge read names an entrant, an enterprise or a registration number (checked against the names and
 * numbers actually registered), organizers still see them, the public board stays closed; the chief judge reveals
 * identities only once marking has closed, once, in the audit chain; then judges see who is behind each station.
 */
@IntegrationTest
class BlindMarkingTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    /** Who is behind a station, as registered. */
    private record Entrant(long registrationId, int registrationNumber, String station, String name,
                           String enterprise) {
    }

    @Test
    void judgesSeeStationsOnlyUntilTheChiefJudgeRevealsIdentitiesAfterMarkingCloses() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        TestRegistry registry = fixtures.registry();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        fixtures.blind(true, 200);
        admin.get().uri("/api/events/{e}", event).exchange().expectBody()
                .jsonPath("$.blind").isEqualTo(true)
                .jsonPath("$.identitiesRevealedAt").doesNotExist();

        String first = TestIdentities.unique("盲评企业甲");
        String second = TestIdentities.unique("盲评企业乙");
        long firstEnterprise = enterprise(registry, first);
        long secondEnterprise = enterprise(registry, second);
        Entrant a = register(fixtures, firstEnterprise, first, "B-01");
        Entrant b = register(fixtures, secondEnterprise, second, "B-02");
        Entrant c = register(fixtures, secondEnterprise, second, null);
        List<Entrant> entrants = List.of(a, b, c);
        List<Judge> judges = fixtures.judges(3);
        Judge x = judges.get(0);
        Judge y = judges.get(1);
        Judge z = judges.get(2);
        // W works for A's enterprise: recused from A, by the own-enterprise rule.
        Judge w = fixtures.onPanelAndSignedIn(List.of(fixtures.judge(firstEnterprise))).get(0);
        Judge chief = fixtures.chiefJudge();
        WebTestClient organizer = new TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", fixtures.programme));

        // A blind event starts marking only when every entry has a station: judges see nothing else.
        fixtures.move("OPEN");
        fixtures.move("MARKING", 409).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("registration/" + c.registrationId())
                .jsonPath("$.errors[0].rule").isEqualTo("blind.stationMissing");
        admin.put().uri("/api/events/{e}/registrations/{r}", event, c.registrationId()).header("If-Match", "\"0\"")
                .bodyValue(Map.of("stationNumber", "B-03", "status", "REGISTERED")).exchange().expectStatus().isOk();
        c = new Entrant(c.registrationId(), c.registrationNumber(), "B-03", c.name(), c.enterprise());
        entrants = List.of(a, b, c);
        fixtures.move("MARKING");
        fixtures.blind(false, 409).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("blind")
                .jsonPath("$.errors[0].rule").isEqualTo("blind.frozen");

        // A's judgement scores 0, 3, 1 are too far apart: A waits for review. X records a deduction for B.
        submit(x.client(), event, a.registrationId(), key(), sheet("M1", 40, "M2", 10, "J1", 0)).expectStatus()
                .isCreated();
        submit(y.client(), event, a.registrationId(), key(), sheet("M1", 40, "M2", 10, "J1", 3)).expectStatus()
                .isCreated();
        submit(z.client(), event, a.registrationId(), key(), sheet("M1", 40, "M2", 10, "J1", 1)).expectStatus()
                .isCreated();
        for (Judge judge : List.of(x, y, z, w)) {
            for (Entrant entrant : List.of(b, c)) {
                submit(judge.client(), event, entrant.registrationId(), key(), sheet("M1", 45, "M2", 10, "J1", 2))
                        .expectStatus().isCreated();
            }
        }
        MarkingFixtures.penalize(x.client(), event, b.registrationId(), key(),
                Map.of("kind", "DEDUCTION", "aspectId", "D1", "reason", "未戴护目镜")).expectStatus().isCreated();

        // Judges: their worklists, sheets and the deduction they recorded, by station only.
        String worklist = read(x.client(), "/api/events/" + event + "/worklist");
        assertNoIdentity(worklist, entrants);
        x.client().get().uri("/api/events/{e}/worklist", event).exchange().expectBody()
                .jsonPath("$.entries[*].stationNumber").isEqualTo(List.of("B-01", "B-02", "B-03"))
                .jsonPath("$.entries[0].registrationNumber").doesNotExist()
                .jsonPath("$.entries[1].registrationNumber").doesNotExist()
                .jsonPath("$.entries[2].registrationNumber").doesNotExist()
                .jsonPath("$.entries[0].progress").isEqualTo("TO_REVIEW");
        w.client().get().uri("/api/events/{e}/worklist", event).exchange().expectBody()
                .jsonPath("$.entries[*].stationNumber").isEqualTo(List.of("B-02", "B-03"));
        assertNoIdentity(read(x.client(), "/api/events/" + event + "/registrations/" + a.registrationId()
                + "/score-sheets/" + x.id()), entrants);

        // The chief judge is a judge too: desk, standings, results, registrations, recusals, penalties and files.
        String desk = read(chief.client(), "/api/events/" + event + "/desk");
        assertNoIdentity(desk, entrants);
        chief.client().get().uri("/api/events/{e}/desk", event).exchange().expectBody()
                .jsonPath("$.review[0].registrationId").isEqualTo(a.registrationId())
                .jsonPath("$.review[0].stationNumber").isEqualTo("B-01")
                .jsonPath("$.review[0].registrationNumber").doesNotExist();
        List<String> chiefReads = List.of("/results", "/results/changes", "/registrations",
                "/registrations/" + a.registrationId(), "/registrations/" + a.registrationId() + "/result",
                "/registrations/export?format=csv", "/results/export?format=csv",
                "/results/judge-sheets?format=csv", "/panel/recusals", "/penalties");
        for (String path : chiefReads) {
            assertNoIdentity(read(chief.client(), "/api/events/" + event + path), entrants);
        }
        chief.client().get().uri("/api/events/{e}/registrations/{r}", event, a.registrationId()).exchange()
                .expectBody()
                .jsonPath("$.stationNumber").isEqualTo("B-01")
                .jsonPath("$.registrationNumber").doesNotExist()
                .jsonPath("$.contestantId").doesNotExist()
                .jsonPath("$.verificationCode").doesNotExist();
        chief.client().get().uri("/api/events/{e}/results", event).exchange().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(3)
                .jsonPath("$.entries[0].stationNumber").exists()
                .jsonPath("$.entries[0].registrationNumber").doesNotExist();
        chief.client().get().uri("/api/events/{e}/panel/recusals?judgeId={j}", event, w.id()).exchange()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].registrationId").isEqualTo(a.registrationId())
                .jsonPath("$[0].registrationNumber").doesNotExist()
                .jsonPath("$[0].cause").doesNotExist();
        assertThat(read(chief.client(), "/api/events/" + event + "/registrations/export?format=csv"))
                .contains("B-01", "B-02", "B-03");

        // Organizers see who is behind each station, as always.
        for (WebTestClient organizes : List.of(admin, organizer)) {
            String results = read(organizes, "/api/events/" + event + "/results/export?format=csv");
            String registrations = read(organizes, "/api/events/" + event + "/registrations/export?format=csv");
            for (Entrant entrant : entrants) {
                assertThat(results).contains(entrant.name(), entrant.enterprise());
                assertThat(registrations).contains(entrant.name(), entrant.enterprise());
            }
            organizes.get().uri("/api/events/{e}/desk", event).exchange().expectBody()
                    .jsonPath("$.review[0].registrationNumber").isEqualTo(a.registrationNumber());
            organizes.get().uri("/api/events/{e}/panel/recusals?judgeId={j}", event, w.id()).exchange().expectBody()
                    .jsonPath("$[0].registrationNumber").isEqualTo(a.registrationNumber())
                    .jsonPath("$[0].cause").isEqualTo("OWN_ENTERPRISE");
        }

        // The public board names entrants: closed while identities are hidden.
        TestClients.anonymous(web).get().uri("/api/public/events/{e}/board", event).exchange()
                .expectStatus().isNotFound();
        assertThat(publicEventIds()).doesNotContain(event);
        // So do a contestant's own results: not found while identities are hidden, even with the right code.
        String code = (String) organizer.get().uri("/api/events/{e}/registrations/{r}", event, a.registrationId())
                .exchange().expectBody(Map.class).returnResult().getResponseBody().get("verificationCode");
        assertThat(code).isNotBlank();
        ownResult(event, a.registrationNumber(), code).expectStatus().isNotFound();

        // No reveal while marking, nor by anyone but the chief judge.
        reveal(chief.client(), event).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].rule").isEqualTo("blind.markingNotClosed");
        for (WebTestClient other : List.of(x.client(), admin, organizer)) {
            reveal(other, event).expectStatus().isForbidden();
        }

        // Closing is refused with the entries named by station (A in dispute, B held by its pending deduction); then
        // settled and closed by the chief judge.
        chief.client().post().uri("/api/events/{e}/transition", event)
                .header("If-Match", "\"" + fixtures.rereadVersion() + "\"").bodyValue(Map.of("status", "REVIEW"))
                .exchange().expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[?(@.rule == 'publication.notCompleteAtStation')].field")
                .isEqualTo(List.of("registration/" + a.registrationId(), "registration/" + b.registrationId()))
                .jsonPath("$.errors[?(@.rule == 'publication.notCompleteAtStation')].message")
                .value(messages -> assertThat(messages.toString()).contains("B-01", "B-02"));
        MarkingFixtures.replace(y.client(), event, a.registrationId(), y.id(), "\"0\"", key(),
                sheet("M1", 40, "M2", 10, "J1", 1)).expectStatus().isOk();
        List<?> pending = (List<?>) chief.client().get().uri("/api/events/{e}/penalties?pending=true", event)
                .exchange().expectBody(Map.class).returnResult().getResponseBody().get("items");
        long penalty = ((Number) ((Map<?, ?>) pending.get(0)).get("id")).longValue();
        MarkingFixtures.decide(chief.client(), event, penalty, Map.of("outcome", "APPROVED")).expectStatus().isOk();
        chief.client().post().uri("/api/events/{e}/transition", event)
                .header("If-Match", "\"" + fixtures.rereadVersion() + "\"").bodyValue(Map.of("status", "REVIEW"))
                .exchange().expectStatus().isOk();
        fixtures.rereadVersion();

        // Marking has closed; identities stay hidden until revealed, and publication waits for the reveal.
        assertNoIdentity(read(x.client(), "/api/events/" + event + "/worklist"), entrants);
        assertNoIdentity(read(chief.client(), "/api/events/" + event + "/results/export?format=csv"), entrants);
        TestClients.anonymous(web).get().uri("/api/public/events/{e}/board", event).exchange()
                .expectStatus().isNotFound();
        fixtures.move("PUBLISHED", 409).expectBody()
                .jsonPath("$.errors[?(@.rule == 'publication.identitiesHidden')].field")
                .isEqualTo(List.of("event/" + event));

        // The reveal: once, by the chief judge; a second changes nothing.
        String chiefName = (String) chief.client().get().uri("/api/account").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("username");
        long closedVersion = fixtures.rereadVersion();
        Map<?, ?> revealed = reveal(chief.client(), event).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"" + (closedVersion + 1) + "\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(fixtures.rereadVersion()).isEqualTo(closedVersion + 1);
        assertThat(revealed.get("identitiesRevealedBy")).isEqualTo(chiefName);
        assertThat(revealed.get("identitiesRevealedAt")).isNotNull();
        Map<?, ?> again = reveal(chief.client(), event).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("identitiesRevealedAt")).isEqualTo(revealed.get("identitiesRevealedAt"));
        assertThat(again.get("version")).isEqualTo(revealed.get("version"));

        // Judges now see who is behind each station; the board opens.
        x.client().get().uri("/api/events/{e}/worklist", event).exchange().expectBody()
                .jsonPath("$.entries[*].registrationNumber")
                .isEqualTo(List.of(a.registrationNumber(), b.registrationNumber(), c.registrationNumber()));
        String results = read(chief.client(), "/api/events/" + event + "/results/export?format=csv");
        for (Entrant entrant : entrants) {
            assertThat(results).contains(entrant.name(), entrant.enterprise());
        }
        chief.client().get().uri("/api/events/{e}/registrations/{r}", event, a.registrationId()).exchange()
                .expectBody().jsonPath("$.registrationNumber").isEqualTo(a.registrationNumber())
                .jsonPath("$.contestantId").exists();
        String board = read(TestClients.anonymous(web), "/api/public/events/" + event + "/board");
        assertThat(board).contains(a.name(), b.name(), c.name());
        assertThat(publicEventIds()).contains(event);
        ownResult(event, a.registrationNumber(), code).expectStatus().isOk().expectBody()
                .jsonPath("$.entrant").isEqualTo(a.name());

        // One reveal in the audit chain, by the chief judge, and the chain holds.
        Map<?, ?> entries = admin.get().uri("/api/audit/chains/event-{e}/entries?size=200", event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> reveals = new ArrayList<>();
        for (Object entry : (List<?>) entries.get("items")) {
            if ("event.identitiesRevealed".equals(((Map<?, ?>) entry).get("action"))) {
                reveals.add((Map<?, ?>) entry);
            }
        }
        assertThat(reveals).hasSize(1);
        assertThat(reveals.get(0).get("actor")).isEqualTo(chiefName);
        assertThat(reveals.get(0).get("subject")).isEqualTo("event/" + event);
        admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.intact").isEqualTo(true);

        fixtures.move("PUBLISHED");
    }

    @Test
    void onlyOrganizersSeeVerificationCodesAlsoWhenMarkingIsNotBlind() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(MarkingFixtures.SCHEME);
        String name = TestIdentities.unique("查询码企业");
        Entrant entrant = register(fixtures, enterprise(fixtures.registry(), name), name, "C-01");
        Judge judge = fixtures.judges(1).get(0);
        Judge chief = fixtures.chiefJudge();
        WebTestClient organizer = new TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", fixtures.programme));

        String code = (String) organizer.get().uri("/api/events/{e}/registrations/{r}", event,
                entrant.registrationId()).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("verificationCode");
        assertThat(code).isNotBlank();
        assertThat(read(admin, "/api/events/" + event + "/registrations/export?format=csv")).contains(code);
        // Judges do not read registrations; the chief judge does, without the codes.
        judge.client().get().uri("/api/events/{e}/registrations/{r}", event, entrant.registrationId())
                .exchange().expectStatus().isForbidden();
        chief.client().get().uri("/api/events/{e}/registrations/{r}", event, entrant.registrationId())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.contestantId").exists()
                .jsonPath("$.verificationCode").doesNotExist();
        chief.client().get().uri("/api/events/{e}/registrations", event).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].registrationNumber").isEqualTo(entrant.registrationNumber())
                .jsonPath("$.items[0].verificationCode").doesNotExist();
        String exported = read(chief.client(), "/api/events/" + event + "/registrations/export?format=csv");
        assertThat(exported).contains(entrant.name()).doesNotContain(code);
    }

    @Test
    void onlyABlindEventHasIdentitiesToReveal() {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        long event = fixtures.event(MarkingFixtures.SCHEME);
        Judge chief = fixtures.chiefJudge();
        reveal(chief.client(), event).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("blind")
                .jsonPath("$.errors[0].rule").isEqualTo("blind.notBlind");
        // Open events may still become blind, and stop being blind.
        fixtures.move("OPEN");
        fixtures.blind(true, 200);
        fixtures.blind(false, 200);
        fixtures.admin().get().uri("/api/events/{e}", event).exchange().expectBody()
                .jsonPath("$.blind").isEqualTo(false);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static long enterprise(TestRegistry registry, String name) {
        return registry.create("/api/enterprises", Map.of("name", name, "creditCode", TestIdentities.creditCode(),
                "regionCode", "610100", "ownership", "PRIVATE"));
    }

    /** A contestant of the enterprise entered into the fixtures' event, at the station (none if null). */
    private static Entrant register(MarkingFixtures fixtures, long enterprise, String enterpriseName,
                                    String station) {
        String name = TestIdentities.unique("盲评选手");
        long contestant = fixtures.registry().create("/api/contestants", TestRegistry.contestantBody(name,
                TestIdentities.residentId(), enterprise, fixtures.trade));
        Map<String, Object> body = new HashMap<>(Map.of("contestantId", contestant));
        if (station != null) {
            body.put("stationNumber", station);
        }
        Map<?, ?> made = fixtures.admin().post().uri("/api/events/{e}/registrations", fixtures.event)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
        return new Entrant(((Number) made.get("id")).longValue(), ((Number) made.get("registrationNumber")).intValue(),
                station, name, enterpriseName);
    }

    /** Neither the name nor the enterprise of any entrant appears. */
    private static void assertNoIdentity(String body, List<Entrant> entrants) {
        for (Entrant entrant : entrants) {
            assertThat(body).doesNotContain(entrant.name()).doesNotContain(entrant.enterprise());
        }
    }

    private static String read(WebTestClient client, String path) {
        byte[] body = client.get().uri(path).exchange().expectStatus().isOk().expectBody(byte[].class)
                .returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private WebTestClient.ResponseSpec ownResult(long event, int registrationNumber, String code) {
        return TestClients.anonymous(web).get()
                .uri("/api/public/events/{e}/results/{n}?code={c}", event, registrationNumber, code).exchange();
    }

    private static WebTestClient.ResponseSpec reveal(WebTestClient client, long event) {
        return client.post().uri("/api/events/{e}/reveal", event).exchange();
    }

    private List<Long> publicEventIds() {
        Map<?, ?> page = TestClients.anonymous(web).get().uri("/api/public/events?size=200").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue())
                .toList();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
