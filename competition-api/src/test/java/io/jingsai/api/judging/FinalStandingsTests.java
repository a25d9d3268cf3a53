package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.replace;
import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
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
 * Final standings over HTTP on PostgreSQL: once marking closes, every entry's rank, award band, titles and
 * standardised score equal an independent model of the rules written here (a brute-force ranking of the totals
 * with the bands filled by hand); observers never take places; while the results are out for review, each change of
 * a result records, for every entry it moves, the old and new place with its cause, also across marking reopened.
 */
@IntegrationTest
class FinalStandingsTests {

    /** One measured aspect out of 100: one judge's mark is the total. */
    static final String SCHEME = """
            {"declaredTotal": 100, "defaultAggregation": {"kind": "MEDIAN"},
             "criteria": [{"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "线路安装", "aspects": [
               {"id": "M1", "description": "功能正确", "type": "MEASUREMENT", "maxMark": 100}]}]}]}""";

    /** First prize 1 place, second 2, third 3, all tied at a cut-off included; 技术能手 to eligible ranks 1–2. */
    static final String RULES = """
            {"tieBreak": [{"key": "total", "order": "DESCENDING"}],
             "awards": {"cutOff": "INCLUDE_ALL",
                        "bands": [{"name": "一等奖", "places": 1}, {"name": "二等奖", "places": 2},
                                  {"name": "三等奖", "places": 3}],
                        "titles": [{"title": "技术能手", "maxRank": 2}]}}""";

    static final List<String> BANDS = List.of("一等奖", "二等奖", "三等奖");
    static final List<Integer> PLACES = List.of(1, 2, 3);
    static final int TITLE_MAX_RANK = 2;

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
        event = fixtures.event(SCHEME, RULES);
    }

    /** An entry as the model sees it. */
    record Model(long id, int number, BigDecimal total, boolean observer) {
    }

    /** A place as the model gives it: rank, award (or null), titles, standardised score (or null). */
    record Place(int rank, String award, List<String> titles, Double standardised) {
    }

    /**
     * Seeded totals from a small set (so ties happen, also at cut-offs), and an observer with the best total of all:
     * it ranks first but takes no award, no title, and is not standardised.
     */
    @ParameterizedTest
    @ValueSource(longs = {7, 19, 2026})
    void finalStandingsAreTheModelsRanksAwardsTitlesAndStandardScores(long seed) {
        Random random = new Random(seed);
        List<Model> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            boolean observer = i == 4;
            long id = fixtures.entry(String.format("S-%02d", i + 1), observer);
            BigDecimal total = observer ? BigDecimal.valueOf(100) : BigDecimal.valueOf(60 + 5 * random.nextInt(8));
            entries.add(new Model(id, i + 1, total, observer));
        }
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        for (Model entry : entries) {
            submit(judge.client(), event, entry.id(), key(), sheet("M1", entry.total())).expectStatus().isCreated();
        }

        Map<String, Object> provisional = standings();
        assertThat(provisional.get("provisional")).isEqualTo(true);
        assertThat(provisional.get("standardisation")).isNull();
        assertThat(entriesOf(provisional)).allSatisfy(entry -> {
            assertThat(entry.get("award")).isNull();
            assertThat((List<?>) entry.get("titles")).isEmpty();
        });

        fixtures.move("REVIEW");
        Map<String, Object> standings = standings();
        assertThat(standings.get("provisional")).isEqualTo(false);
        Map<Long, Place> expected = model(entries);
        assertThat(places(standings)).isEqualTo(withoutScores(expected));
        for (Map<String, Object> entry : entriesOf(standings)) {
            Double score = expected.get(id(entry)).standardised();
            if (score == null) {
                assertThat(entry.get("standardisedScore")).isNull();
            } else {
                assertThat(((Number) entry.get("standardisedScore")).doubleValue()).isCloseTo(score, within(0.006));
            }
        }
        Model observer = entries.get(4);
        assertThat(expected.get(observer.id()).rank()).isEqualTo(1);
        Map<String, Object> observed = entriesOf(standings).stream().filter(entry -> id(entry) == observer.id())
                .findFirst().orElseThrow();
        assertThat(observed.get("award")).isNull();
        assertThat(observed.get("eligible")).isEqualTo(false);
        assertThat(expected.values().stream().filter(place -> "一等奖".equals(place.award())).count())
                .as("the observer's best total takes no first prize").isGreaterThanOrEqualTo(1);
    }

    /**
     * During review the first prize withdraws: everyone below moves up, each change logged with old and new place and
     * the withdrawal's result change as cause, in the audit chain too. Marking is reopened, an entry re-marked and the
     * results go out for review again: the change log compares with what review showed before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aChangeDuringReviewRecordsWhatItChangedForWhom() {
        int[] totals = {100, 95, 90, 90, 80, 70, 60};
        List<Model> entries = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            entries.add(new Model(fixtures.entry(String.format("C-%02d", i + 1), i == 0), i + 1,
                    BigDecimal.valueOf(totals[i]), i == 0));
        }
        Judge judge = fixtures.judges(1).get(0);
        fixtures.startMarking();
        for (Model entry : entries) {
            submit(judge.client(), event, entry.id(), key(), sheet("M1", entry.total())).expectStatus().isCreated();
        }
        fixtures.move("REVIEW");
        Map<Long, Place> before = withoutScores(model(entries));
        assertThat(before.get(entries.get(1).id()).award()).isEqualTo("一等奖");
        assertThat(changes()).isEmpty();

        Model first = entries.get(1);
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", event, first.id()).header("If-Match", "\"0\"")
                .bodyValue(Map.of("reason", "公示期间查实违规，退赛")).exchange().expectStatus().isOk();
        List<Model> left = new ArrayList<>(entries);
        left.remove(first);
        Map<Long, Place> afterWithdrawal = withoutScores(model(left));
        List<Map<String, Object>> logged = changes();
        assertThat(changed(logged)).isEqualTo(diff(before, afterWithdrawal));
        assertThat(logged).hasSize(totals.length - 1).allSatisfy(change -> {
            Map<String, Object> cause = (Map<String, Object>) change.get("cause");
            assertThat(cause.get("kind")).isEqualTo("RESULT_CHANGED");
            assertThat(cause.get("by")).isEqualTo("admin");
            List<Map<String, Object>> results = (List<Map<String, Object>>) cause.get("resultChanges");
            assertThat(results).hasSize(1);
            assertThat(((Number) results.get(0).get("registrationId")).longValue()).isEqualTo(first.id());
            assertThat(change.get("changedAt")).isNotNull();
        });
        assertThat(places(standings())).isEqualTo(afterWithdrawal);
        assertThat(database.sql("SELECT COUNT(*) FROM audit_entry WHERE chain = 'event-" + event
                        + "' AND action = 'results.standingsChanged'").map(row -> row.get(0, Long.class)).one()
                .block()).isEqualTo(1L);
        admin.get().uri("/api/audit/chains/event-{e}/verification", event).exchange()
                .expectBody().jsonPath("$.intact").isEqualTo(true);

        // Marking reopened: the last entry is re-marked to 99; nothing is logged until the results go out again.
        fixtures.moveBack("MARKING", "申诉成立，重新评分");
        Model last = left.get(left.size() - 1);
        replace(judge.client(), event, last.id(), judge.id(), "\"0\"", key(), sheet("M1", 99)).expectStatus().isOk();
        assertThat(standings().get("provisional")).isEqualTo(true);
        assertThat(changes()).hasSize(logged.size());
        fixtures.move("REVIEW");

        List<Model> remarked = new ArrayList<>(left);
        remarked.set(remarked.size() - 1, new Model(last.id(), last.number(), BigDecimal.valueOf(99), false));
        Map<Long, Place> afterReview = withoutScores(model(remarked));
        assertThat(afterReview.get(last.id()).award()).isEqualTo("一等奖");
        List<Map<String, Object>> again = changes().subList(logged.size(), changes().size());
        assertThat(changed(again)).isEqualTo(diff(afterWithdrawal, afterReview));
        assertThat(again).allSatisfy(change -> {
            Map<String, Object> cause = (Map<String, Object>) change.get("cause");
            assertThat(cause.get("kind")).isEqualTo("REVIEW_RESUMED");
            assertThat((List<Map<String, Object>>) cause.get("resultChanges"))
                    .extracting(result -> ((Number) result.get("registrationId")).longValue()).containsExactly(last.id());
        });
    }

    // --- the model ---------------------------------------------------------------------------------------------

    /**
     * Ranks "1224" by total over every entry; fills the bands in order from the eligible entries (not observers) by
     * total, each band taking its places and every entry tied with its last; titles to eligible ranks up to 2
     * (ties share); standardised scores 700 + (x − mean) / sd × 100 over the eligible totals (at least 5, some spread).
     */
    static Map<Long, Place> model(List<Model> entries) {
        List<Model> eligible = entries.stream().filter(entry -> !entry.observer())
                .sorted((a, b) -> b.total().compareTo(a.total())).toList();
        Map<Long, String> awards = new HashMap<>();
        int next = 0;
        for (int band = 0; band < BANDS.size(); band++) {
            int end = Math.min(next + PLACES.get(band), eligible.size());
            while (end > next && end < eligible.size()
                    && eligible.get(end).total().compareTo(eligible.get(end - 1).total()) == 0) {
                end++;
            }
            for (int i = next; i < end; i++) {
                awards.put(eligible.get(i).id(), BANDS.get(band));
            }
            next = end;
        }
        double[] totals = eligible.stream().mapToDouble(entry -> entry.total().doubleValue()).toArray();
        double mean = java.util.Arrays.stream(totals).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(totals).map(x -> (x - mean) * (x - mean)).sum()
                / Math.max(1, totals.length));
        boolean standardised = totals.length >= 5 && sd > 0;
        Map<Long, Place> places = new LinkedHashMap<>();
        for (Model entry : entries) {
            int rank = 1 + (int) entries.stream().filter(other -> other.total().compareTo(entry.total()) > 0).count();
            int eligibleRank = 1 + (int) eligible.stream()
                    .filter(other -> other.total().compareTo(entry.total()) > 0).count();
            boolean titled = !entry.observer() && eligibleRank <= TITLE_MAX_RANK;
            Double score = standardised && !entry.observer()
                    ? Math.round((700 + (entry.total().doubleValue() - mean) / sd * 100) * 100) / 100.0 : null;
            places.put(entry.id(), new Place(rank, awards.get(entry.id()), titled ? List.of("技术能手") : List.of(),
                    score));
        }
        return places;
    }

    static Map<Long, Place> withoutScores(Map<Long, Place> places) {
        Map<Long, Place> without = new LinkedHashMap<>();
        places.forEach((id, place) -> without.put(id, new Place(place.rank(), place.award(), place.titles(), null)));
        return without;
    }

    /** Entry → [before, after] for every entry whose rank, award or titles differ (null where absent). */
    static Map<Long, List<Place>> diff(Map<Long, Place> before, Map<Long, Place> after) {
        Map<Long, List<Place>> changes = new HashMap<>();
        java.util.Set<Long> ids = new java.util.HashSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (long id : ids) {
            if (!Objects.equals(before.get(id), after.get(id))) {
                changes.put(id, java.util.Arrays.asList(before.get(id), after.get(id)));
            }
        }
        return changes;
    }

    // --- reading the API ----------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    Map<String, Object> standings() {
        return admin.get().uri("/api/events/{e}/results", event).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> changes() {
        Map<String, Object> body = admin.get().uri("/api/events/{e}/results/changes", event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("changes");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entriesOf(Map<String, Object> standings) {
        return (List<Map<String, Object>>) standings.get("entries");
    }

    static long id(Map<String, Object> entry) {
        return ((Number) entry.get("registrationId")).longValue();
    }

    @SuppressWarnings("unchecked")
    static Place place(Map<String, Object> entry) {
        return entry == null ? null : new Place(((Number) entry.get("rank")).intValue(), (String) entry.get("award"),
                (List<String>) entry.get("titles"), null);
    }

    static Map<Long, Place> places(Map<String, Object> standings) {
        Map<Long, Place> places = new LinkedHashMap<>();
        entriesOf(standings).forEach(entry -> places.put(id(entry), place(entry)));
        return places;
    }

    @SuppressWarnings("unchecked")
    static Map<Long, List<Place>> changed(List<Map<String, Object>> changes) {
        Map<Long, List<Place>> changed = new HashMap<>();
        for (Map<String, Object> change : changes) {
            changed.put(((Number) change.get("registrationId")).longValue(), java.util.Arrays.asList(
                    place((Map<String, Object>) change.get("before")), place((Map<String, Object>) change.get("after"))));
        }
        return changed;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
