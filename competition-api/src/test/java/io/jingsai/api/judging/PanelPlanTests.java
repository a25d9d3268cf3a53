package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.entryMark;
import static io.jingsai.api.judging.MarkingFixtures.markAspect;
import static io.jingsai.api.judging.MarkingFixtures.penalize;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * Automatic panel assignment over HTTP on PostgreSQL: the same seed gives the same plan, recusal is respected
 * whatever the seed, refusals name their rule and write nothing, and marking, the worklists and the desk follow the
 * plan. The scheme ({@link MarkingFixtures#SCHEME}) has a judgement aspect J1, so each entry needs three judges.
 */
@IntegrationTest
class PanelPlanTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    MarkingFixtures fixtures;
    WebTestClient admin;
    long event;

    @BeforeEach
    void setUp() {
        fixtures = new MarkingFixtures(web, database);
        admin = fixtures.admin();
        event = fixtures.event(MarkingFixtures.SCHEME);
    }

    @Test
    void theSameSeedGivesTheSamePanelAndOtherSeedsUsuallyAnother() {
        List<Long> judges = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            judges.add(onPanel(null, "JUDGE"));
        }
        long chief = onPanel(null, "CHIEF_JUDGE");
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            entries.add(fixtures.entry());
        }

        Map<String, Object> first = plan(Map.of("seed", 42));
        assertThat(first).containsEntry("planned", true).containsEntry("judgesPerEntry", 3)
                .containsEntry("minimum", 3).containsEntry("minimumAspect", "J1")
                .containsEntry("uncovered", List.of());
        Map<Long, List<Long>> byEntry = judgesByEntry(first);
        assertThat(byEntry.keySet()).containsExactlyInAnyOrderElementsOf(entries);
        byEntry.values().forEach(own -> assertThat(own).hasSize(3).isSubsetOf(judges).doesNotContain(chief));
        // 10 entries × 3 judges over 6 judges: 5 each.
        assertThat(loads(first).values()).containsOnly(5);
        assertThat(loads(first).keySet()).containsExactlyInAnyOrderElementsOf(judges);

        assertThat(judgesByEntry(plan(Map.of("seed", 42)))).isEqualTo(byEntry);
        Set<Map<Long, List<Long>>> others = new HashSet<>();
        for (long seed = 1; seed <= 5; seed++) {
            others.add(judgesByEntry(plan(Map.of("seed", seed))));
        }
        others.add(byEntry);
        assertThat(others).as("six seeds, six plans of 10 entries: some differ").hasSizeGreaterThan(1);
        Map<String, Object> again = plan(Map.of("seed", 42));
        assertThat(judgesByEntry(again)).isEqualTo(byEntry);
        assertThat(read()).isEqualTo(again);

        // Eight plans, each recorded with the one it replaced.
        List<List<String>> chain = database.sql("SELECT before_state, after_state FROM audit_entry "
                        + "WHERE chain = :chain AND action = 'panel.planned' AND subject = 'panel' ORDER BY position")
                .bind("chain", "event-" + event)
                .map(row -> Arrays.asList(row.get("before_state", String.class),
                        row.get("after_state", String.class)))
                .all().collectList().block();
        assertThat(chain).hasSize(8);
        assertThat(chain.get(0).get(0)).isNull();
        assertThat(chain.get(0).get(1)).contains("\"seed\":42", "\"judgesPerEntry\":3",
                "\"" + judges.get(0) + "\":[");
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).get(0)).as("plan %d replaced plan %d", i, i - 1)
                    .isEqualTo(chain.get(i - 1).get(1));
        }
        admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    /** What the plan shows once the panel or the entries change after it was made. */
    @Test
    void aJudgeLeavingTakesTheirEntriesAlongAndLateComersHaveNone() {
        List<Long> judges = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            judges.add(onPanel(null, "JUDGE"));
        }
        for (int i = 0; i < 4; i++) {
            fixtures.entry();
        }
        Map<Long, List<Long>> byEntry = judgesByEntry(plan(Map.of("seed", 7)));
        long leaving = judges.get(0);
        admin.delete().uri("/api/events/{e}/panel/{j}", event, leaving).header("If-Match", "\"0\"").exchange()
                .expectStatus().isNoContent();
        long late = onPanel(null, "JUDGE");
        long lateEntry = fixtures.entry();

        Map<String, Object> now = read();
        List<Long> left = byEntry.entrySet().stream().filter(entry -> entry.getValue().contains(leaving))
                .map(Map.Entry::getKey).toList();
        List<Long> uncovered = new ArrayList<>(left);
        uncovered.add(lateEntry);
        assertThat(longs(now.get("uncovered"))).containsExactlyInAnyOrderElementsOf(uncovered);
        assertThat(loads(now)).doesNotContainKey(leaving).containsEntry(late, 0);
        assertThat(judgesByEntry(now).get(lateEntry)).isEmpty();
    }

    /**
     * Judges of two enterprises and of none, entrants of three, a declared conflict: whatever the seed, no entry
     * has a judge of its entrant's enterprise or one who declared a conflict with it (the model: enterprise
     * equality, as in {@link PanelTests}).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261204L, 7L, 42L})
    void noEntryHasAJudgeOfItsEnterpriseOrOneWithADeclaredConflict(long seed) {
        Random random = new Random(seed);
        List<Long> enterprises = List.of(fixtures.registry().enterprise(), fixtures.registry().enterprise(),
                fixtures.registry().enterprise());
        List<Long> judgeEnterprises = new ArrayList<>(Arrays.asList(enterprises.get(0), enterprises.get(0),
                enterprises.get(1), enterprises.get(1), null, null, null));
        Collections.shuffle(judgeEnterprises, random);
        Map<Long, Long> judgeEnterprise = new HashMap<>();
        for (Long enterprise : judgeEnterprises) {
            judgeEnterprise.put(onPanel(enterprise, "JUDGE"), enterprise);
        }
        Map<Long, Long> entryEnterprise = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            long enterprise = enterprises.get(random.nextInt(3));
            entryEnterprise.put(fixtures.entry(enterprise), enterprise);
        }
        List<Long> judges = new ArrayList<>(judgeEnterprise.keySet());
        List<Long> entries = new ArrayList<>(entryEnterprise.keySet());
        long declaring = judges.get(random.nextInt(judges.size()));
        long declared = entries.get(random.nextInt(entries.size()));
        admin.post().uri("/api/events/{e}/panel/{j}/conflicts", event, declaring)
                .bodyValue(Map.of("registrationId", declared, "reason", "亲属关系")).exchange()
                .expectStatus().isCreated();

        Map<Long, List<Long>> byEntry = judgesByEntry(plan(Map.of("seed", seed)));
        assertThat(byEntry.keySet()).containsExactlyInAnyOrderElementsOf(entries);
        byEntry.forEach((entry, own) -> {
            assertThat(own).as("entry %d", entry).hasSize(3).doesNotHaveDuplicates();
            own.forEach(judge -> assertThat(entryEnterprise.get(entry))
                    .as("judge %d on entry %d", judge, entry).isNotEqualTo(judgeEnterprise.get(judge)));
        });
        assertThat(byEntry.get(declared)).doesNotContain(declaring);
    }

    @Test
    void refusalsNameTheirRuleAndWriteNothing() {
        assign(Map.of("seed", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("event " + event + " has no competing entries to assign");
        long home = fixtures.registry().enterprise();
        long ownEntry = fixtures.entry(home);
        fixtures.entry();
        onPanel(null, "CHIEF_JUDGE");
        onPanel(home, "JUDGE");
        onPanel(home, "JUDGE");
        assign(Map.of("seed", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("the panel of event " + event
                        + " has 2 judges (the chief judge not counted); each entry needs 3");
        onPanel(home, "JUDGE");
        onPanel(null, "JUDGE");
        assign(Map.of("seed", 1)).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("registration/" + ownEntry)
                .jsonPath("$.errors[0].rule").isEqualTo("panelPlan.entryShort")
                .jsonPath("$.errors[0].message").isEqualTo("registration number 1: only 1 judges may mark it (the "
                        + "others are recused), 3 needed");
        assign(Map.of("seed", 1, "judgesPerEntry", 2)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("judgesPerEntry")
                .jsonPath("$.errors[0].rule").isEqualTo("panelPlan.belowMinimum")
                .jsonPath("$.errors[0].message").isEqualTo("must be at least 3: aspect J1 needs 3 judges");
        assign(Map.of("seed", 1, "judgesPerEntry", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("judgesPerEntry");
        assign(Map.of("judgesPerEntry", 3)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("seed")
                .jsonPath("$.errors[0].rule").isEqualTo("required");
        admin.post().uri("/api/events/{e}/panel/assignment", 9_000_000_000_000L).bodyValue(Map.of("seed", 1))
                .exchange().expectStatus().isNotFound();

        assertThat(read()).containsEntry("planned", false).containsEntry("judges", List.of());
        assertThat(database.sql("SELECT COUNT(*) AS n FROM panel_plan WHERE event_id = :e").bind("e", event)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();

        onPanel(null, "JUDGE");
        onPanel(null, "JUDGE");
        fixtures.move("OPEN");
        plan(Map.of("seed", 1));
        fixtures.move("MARKING");
        assign(Map.of("seed", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("event " + event + " is MARKING: judges are assigned "
                        + "automatically only before marking starts (DRAFT, OPEN)");
    }

    /**
     * Four judges, six entries, three judges each: 18 sheets, four or five a judge. A conflict declared during
     * marking takes judge 0 off one of their entries, which then has two judges and no complete result; every other
     * entry is complete from the plan's judges alone. The chief judge, outside the plan, still marks.
     */
    @Test
    @SuppressWarnings("unchecked")
    void markingWorklistsAndTheDeskFollowTheAutomaticPanel() {
        List<Judge> judges = fixtures.judges(4);
        Judge chief = fixtures.chiefJudge();
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(fixtures.entry());
        }
        Map<String, Object> plan = plan(Map.of("seed", 2026));
        Map<Long, List<Long>> byEntry = judgesByEntry(plan);
        assertThat(loads(plan).values()).containsOnly(4, 5);
        chief.client().get().uri("/api/events/{e}/panel/assignment", event).exchange().expectStatus().isOk();
        judges.get(0).client().get().uri("/api/events/{e}/panel/assignment", event).exchange()
                .expectStatus().isForbidden();
        fixtures.startMarking();

        Judge declaring = judges.get(0);
        long declared = entries.stream().filter(entry -> byEntry.get(entry).contains(declaring.id())).findFirst()
                .orElseThrow();
        admin.post().uri("/api/events/{e}/panel/{j}/conflicts", event, declaring.id())
                .bodyValue(Map.of("registrationId", declared, "reason", "评分中发现为同乡")).exchange()
                .expectStatus().isCreated();
        assertThat(longs(read().get("uncovered"))).containsExactly(declared);

        Map<Long, Integer> expectedEntries = new TreeMap<>();
        for (Judge judge : judges) {
            List<Long> own = entries.stream().filter(entry -> byEntry.get(entry).contains(judge.id()))
                    .filter(entry -> !(judge == declaring && entry == declared)).toList();
            expectedEntries.put(judge.id(), own.size());
            Map<String, Object> worklist = judge.client().get().uri("/api/events/{e}/worklist", event).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((List<Map<String, Object>>) worklist.get("entries")).stream()
                    .map(entry -> ((Number) entry.get("registrationId")).longValue()).toList())
                    .as("judge %d's worklist", judge.id()).containsExactlyInAnyOrderElementsOf(own);
            for (long entry : entries) {
                WebTestClient.ResponseSpec answer = submit(judge.client(), event, entry, key(),
                        sheet("M1", 40, "M2", 10, "J1", 2));
                if (own.contains(entry)) {
                    answer.expectStatus().isCreated();
                } else {
                    answer.expectStatus().isForbidden();
                }
            }
        }
        Judge anyJudge = judges.get(1);
        long notTheirs = entries.stream().filter(entry -> !byEntry.get(entry).contains(anyJudge.id())).findFirst()
                .orElseThrow();
        submit(anyJudge.client().mutate().defaultHeader("Accept-Language", "en").build(), event, notTheirs, key(),
                sheet("M1", 40, "M2", 10, "J1", 2)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("judge " + anyJudge.id() + " is not assigned "
                        + "registration " + notTheirs + " (the event marks by automatic assignment)");
        penalize(anyJudge.client(), event, notTheirs, key(), Map.of("kind", "DISQUALIFICATION", "reason", "违规"))
                .expectStatus().isForbidden();
        // One aspect across entries: an entry not theirs refuses the whole request, naming that entry.
        long theirs = entries.stream().filter(entry -> byEntry.get(entry).contains(anyJudge.id())).findFirst()
                .orElseThrow();
        markAspect(anyJudge.client(), event, "M2", key(), List.of(entryMark(theirs, 10, 0L),
                entryMark(notTheirs, 10, null))).expectStatus().isForbidden().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("marks[1].registrationId"))
                .jsonPath("$.errors[0].rule").isEqualTo("scoreSheet.notAssigned");

        for (long entry : entries) {
            admin.get().uri("/api/events/{e}/registrations/{r}/result", event, entry).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.status")
                    .isEqualTo(entry == declared ? "INCOMPLETE" : "COMPLETE");
        }
        Map<String, Object> desk = admin.get().uri("/api/events/{e}/desk", event).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> progress = (Map<String, Object>) desk.get("progress");
        assertThat(progress).containsEntry("expected", 17 * 3).containsEntry("received", 17 * 3);
        Map<Long, Integer> deskEntries = new TreeMap<>();
        ((List<Map<String, Object>>) progress.get("judges")).forEach(judge -> deskEntries.put(
                ((Number) judge.get("judgeId")).longValue(), ((Number) judge.get("entries")).intValue()));
        assertThat(deskEntries).isEqualTo(expectedEntries);

        submit(chief.client(), event, declared, key(), sheet("M1", 40, "M2", 10, "J1", 2)).expectStatus()
                .isCreated();
        admin.get().uri("/api/events/{e}/registrations/{r}/result", event, declared).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETE");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private long onPanel(Long enterprise, String role) {
        long judge = fixtures.judge(enterprise);
        admin.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", role))
                .exchange().expectStatus().isCreated();
        return judge;
    }

    private WebTestClient.ResponseSpec assign(Map<String, Object> body) {
        return admin.post().uri("/api/events/{e}/panel/assignment", event).header("Accept-Language", "en")
                .bodyValue(body).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plan(Map<String, Object> body) {
        return assign(body).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read() {
        return admin.get().uri("/api/events/{e}/panel/assignment", event).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, List<Long>> judgesByEntry(Map<String, Object> plan) {
        Map<Long, List<Long>> byEntry = new TreeMap<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) plan.get("entries")) {
            byEntry.put(((Number) entry.get("registrationId")).longValue(), longs(entry.get("judgeIds")));
        }
        return byEntry;
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Integer> loads(Map<String, Object> plan) {
        Map<Long, Integer> loads = new TreeMap<>();
        for (Map<String, Object> judge : (List<Map<String, Object>>) plan.get("judges")) {
            List<Long> own = longs(judge.get("registrationIds"));
            assertThat(judge.get("entries")).isEqualTo(own.size());
            loads.put(((Number) judge.get("judgeId")).longValue(), own.size());
        }
        return loads;
    }

    private static List<Long> longs(Object values) {
        return ((List<?>) values).stream().map(value -> ((Number) value).longValue()).toList();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
