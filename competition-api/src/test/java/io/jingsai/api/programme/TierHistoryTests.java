package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.boards.BoardFixtures;
import io.jingsai.api.TestAccounts;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * The tier history over HTTP on PostgreSQL. Marks push contestants into and out of the stars tier, a chief judge's
 * correction during public review moves them back, and the publication fills the PUBLISHED tier. The oracle is the
 * stars board itself ({@code GET …/star-standings}): the history replayed (entered adds, left removes, in id order)
 * must give exactly the contestants the board marks as stars now, on each basis; and each row's cause must name the
 * registration whose result changed, or the event whose step it was.
 */
@IntegrationTest
class TierHistoryTests {

    static final int STARS_QUOTA = 2;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    RegistryFixtures fixtures;
    StarEvents events;

    @BeforeEach
    void setUp() {
        MarkingFixtures marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        fixtures = new RegistryFixtures(admin, database);
        events = new StarEvents(web, database);
    }

    @Test
    @SuppressWarnings("unchecked")
    void marksACorrectionAndThePublicationAreRecordedWithTheirCausesAndTheReplayIsTheBoard() {
        long programme = programme(STARS_QUOTA);
        StarEvents.Event event = events.event(programme, 40, 50, 60, 70, 80);
        List<StarEvents.Entrant> e = event.entrants();
        awaitReplayIsTheBoard(programme);
        assertThat(stars(programme, "LIVE")).containsExactlyInAnyOrder(e.get(4).contestant(), e.get(3).contestant());

        int seen = history(programme, Map.of()).size();
        StarEvents.replaceSheet(event.judge(), event, e.get(2), 0, 95, null);
        awaitReplayIsTheBoard(programme);
        List<Map<String, Object>> afterMark = since(history(programme, Map.of()), seen);
        assertThat(afterMark).extracting(row -> row.get("movement") + " " + subject(row))
                .containsExactly("LEFT " + e.get(3).contestant(), "ENTERED " + e.get(2).contestant());
        assertThat(afterMark).allSatisfy(row -> {
            assertThat(row.get("basis")).isEqualTo("LIVE");
            assertThat(row.get("tier")).isEqualTo("STARS");
            assertCausedBy(row, event.id(), e.get(2).registration());
        });
        assertThat(number(afterMark.get(1).get("rank")).intValue()).isEqualTo(1);

        fixtures.moveEvent(event.id(), "REVIEW");
        seen = history(programme, Map.of()).size();
        StarEvents.replaceSheet(event.chief(), event, e.get(2), 1, 30, "申诉成立：复核测量值");
        awaitReplayIsTheBoard(programme);
        List<Map<String, Object>> afterCorrection = since(history(programme, Map.of()), seen);
        assertThat(afterCorrection).extracting(row -> row.get("movement") + " " + subject(row))
                .containsExactly("LEFT " + e.get(2).contestant(), "ENTERED " + e.get(3).contestant());
        afterCorrection.forEach(row -> assertCausedBy(row, event.id(), e.get(2).registration()));
        assertThat(stars(programme, "PUBLISHED")).isEmpty();

        seen = history(programme, Map.of()).size();
        fixtures.moveEvent(event.id(), "PUBLISHED");
        List<Map<String, Object>> afterPublication = since(history(programme, Map.of()), seen);
        assertThat(afterPublication).as("recorded with the step, in its transaction")
                .extracting(row -> row.get("basis") + " " + row.get("movement") + " " + subject(row))
                .containsExactly("PUBLISHED ENTERED " + e.get(4).contestant(),
                        "PUBLISHED ENTERED " + e.get(3).contestant());
        afterPublication.forEach(row -> assertThat((Map<String, Object>) row.get("cause")).containsEntry("kind",
                "EVENT_STEP").containsEntry("from", "REVIEW").containsEntry("to", "PUBLISHED")
                .containsEntry("by", "admin").containsEntry("eventId", (int) event.id()));
        assertReplayIsTheBoard(programme);

        assertThat(history(programme, Map.of("basis", "PUBLISHED", "tier", "STARS"))).hasSize(2);
        assertThat(history(programme, Map.of("subjectId", e.get(2).contestant())))
                .extracting(row -> row.get("movement")).containsExactly("ENTERED", "LEFT");
        assertThat(history(programme, Map.of("tier", "KEY"))).isEmpty();
        assertThat(history(programme, Map.of("from", "2999-01-01T00:00:00Z"))).isEmpty();
        assertThat(history(programme, Map.of("to", "2000-01-01T00:00:00Z"))).isEmpty();
        Map<String, Object> page = admin.get().uri("/api/programmes/{p}/tier-history?size=1&page=1", programme)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(number(page.get("total")).intValue()).isEqualTo(history(programme, Map.of()).size());
        assertThat((List<?>) page.get("items")).hasSize(1);
    }

    /**
     * Seeded random totals and a random run of mark changes: after each change has been followed, the history
     * replayed is the board's stars tier, whatever entered and left on the way.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 2026})
    void afterARandomRunOfMarksTheReplayedHistoryIsTheStarsTierOfTheBoard(long seed) {
        Random random = new Random(seed);
        long programme = programme(1 + random.nextInt(3));
        int[] totals = random.ints(6, 0, 101).toArray();
        StarEvents.Event event = events.event(programme, totals);
        int[] versions = new int[totals.length];
        for (int step = 0; step < 5; step++) {
            int who = random.nextInt(totals.length);
            StarEvents.replaceSheet(event.judge(), event, event.entrants().get(who), versions[who]++, random.nextInt(101), null);
            awaitReplayIsTheBoard(programme);
        }
    }

    /**
     * Key and demonstration projects: each project's values move the LIVE project tiers (cause: that project), the
     * evaluation's publication fills the PUBLISHED tiers and a correction after it (back to REVIEWED) empties them,
     * each with its step as the cause; replayed, each basis gives the project board's tiers.
     */
    @Test
    @SuppressWarnings("unchecked")
    void projectValuesAndTheEvaluationsStepsMoveTheProjectTiersWithTheirCauses() {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("项目历程"));
        body.put("quotas", Map.of("demonstration", 1, "key", 2));
        long programme = fixtures.programme(body);
        long enterprise = fixtures.enterprise();
        List<Long> projects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> project = RegistryFixtures.projectBody(TestIdentities.unique("历程项目"), enterprise);
            project.put("indicators", List.of(RegistryFixtures.indicator("COST", "1", "HIGHER_IS_BETTER", "500",
                    "0")));
            projects.add(fixtures.project(programme, project));
        }
        List<String> movedBy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int seen = history(programme, Map.of()).size();
            long project = projects.get(i);
            enterCost(programme, project, 0, 100 * (i + 1));
            List<Map<String, Object>> moved = since(history(programme, Map.of()), seen);
            moved.forEach(row -> assertThat((Map<String, Object>) row.get("cause"))
                    .containsEntry("kind", "PROJECT_EVALUATED").containsEntry("projectId", (int) project));
            movedBy.add(moved.stream().map(row -> row.get("movement") + " " + row.get("tier") + " "
                    + projects.indexOf(subject(row))).toList().toString());
            assertProjectReplayIsTheBoard(programme);
        }
        assertThat(movedBy).containsExactly("[ENTERED DEMONSTRATION 0]",
                "[LEFT DEMONSTRATION 0, ENTERED DEMONSTRATION 1, ENTERED KEY 0]",
                "[LEFT DEMONSTRATION 1, LEFT KEY 0, ENTERED DEMONSTRATION 2, ENTERED KEY 1]");

        moveEvaluation(programme, "REVIEWED", null);
        int seen = history(programme, Map.of()).size();
        moveEvaluation(programme, "PUBLISHED", null);
        assertThat(since(history(programme, Map.of()), seen)).extracting(row -> row.get("basis") + " "
                        + row.get("movement") + " " + row.get("tier") + " " + projects.indexOf(subject(row))
                        + " " + ((Map<String, Object>) row.get("cause")).get("to"))
                .containsExactly("PUBLISHED ENTERED DEMONSTRATION 2 PUBLISHED", "PUBLISHED ENTERED KEY 1 PUBLISHED");
        assertProjectReplayIsTheBoard(programme);

        seen = history(programme, Map.of()).size();
        moveEvaluation(programme, "REVIEWED", "申诉成立：成本节约数据复核");
        assertThat(since(history(programme, Map.of()), seen)).extracting(row -> row.get("basis") + " "
                        + row.get("movement") + " " + ((Map<String, Object>) row.get("cause")).get("kind"))
                .containsExactly("PUBLISHED LEFT EVALUATION_STEP", "PUBLISHED LEFT EVALUATION_STEP");
        enterCost(programme, projects.get(0), 1, 400);
        moveEvaluation(programme, "PUBLISHED", null);
        assertProjectReplayIsTheBoard(programme);
        assertThat(projectReplay(history(programme, Map.of()), "PUBLISHED"))
                .containsExactlyInAnyOrder("DEMONSTRATION/" + projects.get(0), "KEY/" + projects.get(2));
    }

    @Test
    void onlyTheProgrammesOrganizersReadTheHistory() {
        long programme = programme(STARS_QUOTA);
        WebTestClient organizer = new TestAccounts(admin, web)
                .signedIn(Map.of("role", "ORGANIZER", "programmeId", programme));
        organizer.get().uri("/api/programmes/{p}/tier-history", programme).exchange().expectStatus().isOk();
        TestClients.anonymous(web).get().uri("/api/programmes/{p}/tier-history", programme).exchange()
                .expectStatus().isUnauthorized();
        admin.get().uri("/api/programmes/{p}/tier-history?tier=NONE", programme).exchange()
                .expectStatus().isBadRequest();
        admin.get().uri("/api/programmes/{p}/tier-history", 9_000_000_000_000L).exchange()
                .expectStatus().isNotFound();
    }

    // --- the oracle -----------------------------------------------------------------------------------------------

    private void awaitReplayIsTheBoard(long programme) {
        eventually("the history replayed is the board", () -> replayIsTheBoard(programme));
        assertReplayIsTheBoard(programme);
    }

    private boolean replayIsTheBoard(long programme) {
        List<Map<String, Object>> rows = history(programme, Map.of());
        return replay(rows, "LIVE").equals(stars(programme, "LIVE"))
                && replay(rows, "PUBLISHED").equals(stars(programme, "PUBLISHED"));
    }

    private void assertReplayIsTheBoard(long programme) {
        List<Map<String, Object>> rows = history(programme, Map.of());
        assertThat(replay(rows, "LIVE")).isEqualTo(stars(programme, "LIVE"));
        assertThat(replay(rows, "PUBLISHED")).isEqualTo(stars(programme, "PUBLISHED"));
    }

    /** Entered adds, left removes, in the order recorded; an entry twice or an exit of a non-member fails. */
    private static Set<Long> replay(List<Map<String, Object>> rows, String basis) {
        Set<Long> members = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            if (!row.get("basis").equals(basis) || !row.get("tier").equals("STARS")) {
                continue;
            }
            boolean applied = row.get("movement").equals("ENTERED") ? members.add(subject(row))
                    : members.remove(subject(row));
            assertThat(applied).as("row %s follows the membership before it", row.get("id")).isTrue();
        }
        return members;
    }

    @SuppressWarnings("unchecked")
    private static void assertCausedBy(Map<String, Object> row, long event, long registration) {
        Map<String, Object> cause = (Map<String, Object>) row.get("cause");
        assertThat(cause.get("kind")).isEqualTo("RESULT_CHANGED");
        List<Map<String, Object>> changes = (List<Map<String, Object>>) cause.get("resultChanges");
        assertThat(changes).extracting(change -> number(change.get("eventId")).longValue() + "/"
                + number(change.get("registrationId")).longValue()).containsExactly(event + "/" + registration);
    }

    /** The project board's tiers, as "TIER/id", on the basis: LIVE always, PUBLISHED once the board is. */
    @SuppressWarnings("unchecked")
    private Set<String> projectTiers(long programme, String basis) {
        Map<String, Object> board = admin.get().uri("/api/programmes/{p}/project-standings", programme).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Set<String> members = new LinkedHashSet<>();
        if (basis.equals("LIVE") || board.get("status").equals("PUBLISHED")) {
            ((List<Map<String, Object>>) board.get("entries")).stream().filter(entry -> entry.get("tier") != null)
                    .forEach(entry -> members.add(entry.get("tier") + "/" + entry.get("projectId")));
        }
        return members;
    }

    private static Set<String> projectReplay(List<Map<String, Object>> rows, String basis) {
        Set<String> members = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            if (row.get("basis").equals(basis) && !row.get("tier").equals("STARS")) {
                String member = row.get("tier") + "/" + subject(row);
                assertThat(row.get("movement").equals("ENTERED") ? members.add(member) : members.remove(member))
                        .as("row %s follows the membership before it", row.get("id")).isTrue();
            }
        }
        return members;
    }

    private void assertProjectReplayIsTheBoard(long programme) {
        List<Map<String, Object>> rows = history(programme, Map.of());
        for (String basis : List.of("LIVE", "PUBLISHED")) {
            assertThat(projectReplay(rows, basis)).as(basis).isEqualTo(projectTiers(programme, basis));
        }
    }

    private void enterCost(long programme, long project, int version, int cost) {
        admin.put().uri("/api/programmes/{p}/projects/{id}/evaluation", programme, project)
                .header("If-Match", "\"" + version + "\"")
                .bodyValue(Map.of("values", List.of(Map.of("indicator", "COST", "value", cost, "evidence", "审计报告"))))
                .exchange().expectStatus().isOk();
    }

    private void moveEvaluation(long programme, String status, String reason) {
        Map<?, ?> round = admin.get().uri("/api/programmes/{p}/project-evaluation", programme).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> step = new HashMap<>(Map.of("status", status));
        if (reason != null) {
            step.put("reason", reason);
        }
        admin.post().uri("/api/programmes/{p}/project-evaluation/transition", programme)
                .header("If-Match", "\"" + number(round.get("version")) + "\"").bodyValue(step).exchange()
                .expectStatus().isOk();
    }

    // --- the programme --------------------------------------------------------------------------------------------

    private long programme(int starsQuota) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("标兵历程"));
        body.put("quotas", Map.of("stars", starsQuota));
        return fixtures.programme(body);
    }

    // --- requests -------------------------------------------------------------------------------------------------

    /** The star-standings board's stars on the basis. */
    @SuppressWarnings("unchecked")
    private Set<Long> stars(long programme, String basis) {
        Map<String, Object> board = admin.get().uri("/api/programmes/{p}/star-standings?basis={b}", programme, basis)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Set<Long> stars = new LinkedHashSet<>();
        ((List<Map<String, Object>>) board.get("entries")).stream().filter(entry -> entry.get("star").equals(true))
                .forEach(entry -> stars.add(number(entry.get("contestantId")).longValue()));
        return stars;
    }

    /** Every history row matching the filters, all pages, oldest first. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(long programme, Map<String, Object> filters) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            int current = page;
            Map<String, Object> answer = admin.get().uri(builder -> {
                        builder.path("/api/programmes/{p}/tier-history").queryParam("page", current)
                                .queryParam("size", 50);
                        filters.forEach(builder::queryParam);
                        return builder.build(programme);
                    })
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            rows.addAll(items);
            if (rows.size() >= number(answer.get("total")).intValue() || items.isEmpty()) {
                return rows;
            }
        }
    }

    private static List<Map<String, Object>> since(List<Map<String, Object>> rows, int seen) {
        return rows.subList(seen, rows.size());
    }

    private static long subject(Map<String, Object> row) {
        return number(row.get("subjectId")).longValue();
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    /** The tier recorder rests a second between rounds: a replay may need a few of them. */
    static void eventually(String what, Supplier<Boolean> condition) {
        BoardFixtures.eventually(what, Duration.ofSeconds(20), condition);
    }
}
