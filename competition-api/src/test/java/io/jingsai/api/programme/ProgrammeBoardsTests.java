package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.judging.MarkingFixtures;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The programmes' live star boards over HTTP on PostgreSQL: after a seeded random sequence of marks, corrections,
 * withdrawals and absences, the public board served from memory equals, line for line (contestant, rank, position,
 * score, star, provisional) and in its stars tier, the organizers' star standings recomputed from the database on the
 * LIVE basis ({@code StarStandings}), which is the oracle. The public routes answer with ETags and 304s, filter by
 * trade and region, and refuse what they should.
 */
@IntegrationTest
class ProgrammeBoardsTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int STARS_QUOTA = 3;
    private static final int ENTRANTS = 6;

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    WebTestClient anonymous;
    MarkingFixtures marking;
    RegistryFixtures fixtures;
    TestRegistry registry;

    /** An entry of the programme, and what the sequence did to it. */
    static final class Entrant {
        final long event;
        final long registration;
        final MarkingFixtures.Judge judge;
        Long sheetVersion;
        boolean withdrawn;
        boolean absent;

        Entrant(long event, long registration, MarkingFixtures.Judge judge) {
            this.event = event;
            this.registration = registration;
            this.judge = judge;
        }
    }

    record Programme(long id, List<Long> events, List<Long> trades, List<Entrant> entrants) {
    }

    @BeforeEach
    void setUp() {
        marking = new MarkingFixtures(web, database);
        admin = marking.admin();
        anonymous = TestClients.anonymous(web);
        fixtures = new RegistryFixtures(admin, database);
        registry = new TestRegistry(admin);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 42, 2026})
    void afterRandomMarksCorrectionsWithdrawalsAndAbsencesTheBoardInMemoryIsTheRecomputation(long seed) {
        Random random = new Random(seed);
        Programme programme = programme(random.nextBoolean() ? "INCLUDE_ALL" : "EXCLUDE_ALL");
        for (int step = 0; step < 30; step++) {
            Entrant entrant = programme.entrants().get(random.nextInt(programme.entrants().size()));
            int what = random.nextInt(10);
            if (what < 6) {
                mark(entrant, random.nextInt(21) * 5);
            } else if (what < 8) {
                absence(entrant, !entrant.absent);
            } else if (what < 9 && !entrant.withdrawn) {
                withdraw(entrant);
            }
        }
        assertTheBoardIsTheRecomputation(programme.id());
    }

    @Test
    void marksMoveTheBoardAndAStepMakesItsScoresFinal() {
        Programme programme = programme("INCLUDE_ALL");
        anonymous.get().uri("/api/public/programmes/{p}", programme.id()).exchange().expectStatus().isOk();
        int total = 40;
        for (Entrant entrant : programme.entrants()) {
            mark(entrant, total);
            total += 7;
        }
        assertTheBoardIsTheRecomputation(programme.id());

        long first = programme.events().get(0);
        fixtures.moveEvent(first, "REVIEW");
        Map<String, Object> settled = assertTheBoardIsTheRecomputation(programme.id());
        assertThat(lines(settled)).filteredOn(line -> eventsOf(line).stream()
                        .allMatch(score -> ((Number) score.get("eventId")).longValue() == first))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.get("provisional")).isEqualTo(false));

        Map<String, Object> overview = anonymous.get().uri("/api/public/programmes/{p}", programme.id()).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(overview.get("countedEvents")).isEqualTo(3);
        assertThat(overview.get("provisional")).isEqualTo(true);
        assertThat(tiers(overview)).extracting(tier -> tier.get("tier"))
                .containsExactly("DEMONSTRATION", "KEY", "STARS", "ENTERPRISES");
        Map<String, Object> listed = anonymous.get().uri("/api/public/programmes?size=100").exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat((List<?>) listed.get("items")).anySatisfy(item -> assertThat(((Number) ((Map<?, ?>) item)
                .get("id")).longValue()).isEqualTo(programme.id()));
    }

    @Test
    void pagesTopAroundAndFiltersComeWithETagsAnd304s() {
        Programme programme = programme("INCLUDE_ALL");
        int total = 30;
        for (Entrant entrant : programme.entrants()) {
            mark(entrant, total);
            total += 3;
        }
        Map<String, Object> board = assertTheBoardIsTheRecomputation(programme.id());
        List<Map<String, Object>> all = lines(board);

        var answer = anonymous.get().uri("/api/public/programmes/{p}/stars?limit=5", programme.id()).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "max-age=1, public")
                .expectBody(MAP).returnResult();
        String etag = answer.getResponseHeaders().getETag();
        assertThat(lines(answer.getResponseBody())).isEqualTo(all.subList(0, 5));
        anonymous.get().uri("/api/public/programmes/{p}/stars?limit=5", programme.id())
                .header("If-None-Match", etag).exchange().expectStatus().isNotModified();

        assertThat(lines(anonymous.get().uri("/api/public/programmes/{p}/stars/top?k=3", programme.id())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody()))
                .isEqualTo(all.subList(0, 3));
        Map<String, Object> middle = all.get(7);
        Map<String, Object> around = anonymous.get().uri("/api/public/programmes/{p}/stars/around/{c}?k=2",
                        programme.id(), middle.get("contestantId")).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(lines(around)).isEqualTo(all.subList(5, 10));
        assertThat(around.get("offset")).isEqualTo(5);

        long trade = programme.trades().get(1);
        List<Map<String, Object>> ofTrade = lines(anonymous.get()
                .uri("/api/public/programmes/{p}/stars?tradeId={t}&limit=200", programme.id(), trade)
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody());
        List<Map<String, Object>> expected = all.stream()
                .filter(line -> ((Number) line.get("tradeId")).longValue() == trade).toList();
        assertThat(ofTrade).extracting(line -> line.get("contestantId"))
                .containsExactlyElementsOf(expected.stream().map(line -> line.get("contestantId")).toList());
        assertThat(ofTrade).extracting(line -> line.get("rank")).first().isEqualTo(1);
        assertThat(ofTrade).allSatisfy(line -> assertThat(line).doesNotContainKeys("idNumber", "phone", "birthDate"));
        String region = (String) all.get(0).get("regionCode");
        assertThat(lines(anonymous.get().uri("/api/public/programmes/{p}/stars?regionCode={r}&limit=200",
                        programme.id(), region).exchange().expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody())).extracting(line -> line.get("regionCode")).containsOnly(region);

        anonymous.get().uri("/api/public/programmes/{p}/stars?tradeId=1&regionCode=610100", programme.id()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].rule").isEqualTo("stars.oneFilter");
        anonymous.get().uri("/api/public/programmes/{p}/stars?limit=0&offset=-1", programme.id()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        anonymous.get().uri("/api/public/programmes/{p}/stars/around/{c}", programme.id(), Long.MAX_VALUE)
                .exchange().expectStatus().isNotFound();
        long hidden = fixtures.programme(RegistryFixtures.programmeBody(TestIdentities.unique("未开赛")));
        anonymous.get().uri("/api/public/programmes/{p}", hidden).exchange().expectStatus().isNotFound();
        anonymous.get().uri("/api/public/programmes/{p}/stars", hidden).exchange().expectStatus().isNotFound();
    }

    /**
     * The star board's stream: a snapshot that is the board, changes as marks come, a client reconnecting with the id
     * it last received gets the changes it missed (consecutive) or nothing, an id the board never gave a snapshot.
     */
    @Test
    void theStreamSendsTheBoardThenItsChangesAndResumesFromTheLastEventId() {
        Programme programme = programme("INCLUDE_ALL");
        anonymous.get().uri("/api/public/programmes/{p}/stars/stream", Long.MAX_VALUE)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isNotFound();
        int total = 40;
        for (Entrant entrant : programme.entrants()) {
            mark(entrant, total);
            total += 7;
        }
        Map<String, Object> board = assertTheBoardIsTheRecomputation(programme.id());

        StepVerifier.create(stream(programme.id(), null).take(1))
                .assertNext(opening -> assertThat(opening.comment()).isEqualTo("stars " + programme.id()))
                .verifyComplete();
        ServerSentEvent<Map<String, Object>> snapshot = named(stream(programme.id(), null)).blockFirst(PATIENCE);
        assertThat(snapshot.event()).isEqualTo("snapshot");
        assertThat(snapshot.data()).containsEntry("total", board.get("total"));
        assertThat(comparable(linesOf(snapshot, "top"))).isEqualTo(comparable(lines(board)));
        assertThat(((Map<?, ?>) snapshot.data().get("stars")).get("members"))
                .isEqualTo(tiers(overview(programme.id())).get(2).get("members"));

        Entrant moved = programme.entrants().get(0);
        mark(moved, 100);
        Map<String, Object> after = assertTheBoardIsTheRecomputation(programme.id());
        List<ServerSentEvent<Map<String, Object>>> missed = named(stream(programme.id(), snapshot.id()))
                .take(Duration.ofSeconds(3)).collectList().block(PATIENCE);
        assertThat(missed).as("the changes missed, not a snapshot").isNotEmpty()
                .allSatisfy(event -> assertThat(event.event()).isEqualTo("change"));
        for (int i = 0; i < missed.size(); i++) {
            assertThat(((Number) missed.get(i).data().get("sequence")).longValue())
                    .isEqualTo(((Number) snapshot.data().get("sequence")).longValue() + 1 + i);
        }
        Map<Long, Map<String, Object>> replayed = new HashMap<>();
        linesOf(snapshot, "top").forEach(line -> replayed.put(((Number) line.get("contestantId")).longValue(), line));
        for (ServerSentEvent<Map<String, Object>> change : missed) {
            ((List<?>) change.data().get("leftTop")).forEach(left -> replayed.remove(((Number) left).longValue()));
            linesOf(change, "changed").forEach(line -> replayed.put(((Number) line.get("contestantId")).longValue(),
                    line));
        }
        List<Map<String, Object>> applied = new ArrayList<>(replayed.values());
        applied.sort((a, b) -> Integer.compare((Integer) a.get("position"), (Integer) b.get("position")));
        assertThat(comparable(applied)).as("the snapshot with the changes applied is the board")
                .isEqualTo(comparable(lines(after)));

        StepVerifier.create(stream(programme.id(), missed.get(missed.size() - 1).id()))
                .assertNext(opening -> assertThat(opening.comment()).startsWith("stars"))
                .assertNext(next -> assertThat(next.comment()).as("nothing missed: a heartbeat, %s", next)
                        .isEqualTo("heartbeat"))
                .thenCancel()
                .verify(PATIENCE);
        assertThat(named(stream(programme.id(), "elsewhere.3")).blockFirst(PATIENCE).event()).isEqualTo("snapshot");

        // Marking closes in the first event: its scores become final without moving, and the stream says so.
        long closed = programme.events().get(0);
        fixtures.moveEvent(closed, "REVIEW");
        List<ServerSentEvent<Map<String, Object>>> settled = named(stream(programme.id(),
                missed.get(missed.size() - 1).id())).take(Duration.ofSeconds(3)).collectList().block(PATIENCE);
        assertThat(settled).as("a change with the lines now final").anySatisfy(change -> assertThat(
                linesOf(change, "changed")).isNotEmpty().allSatisfy(line -> assertThat(eventsOf(line))
                .allSatisfy(score -> assertThat(score.get("provisional"))
                        .isEqualTo(((Number) score.get("eventId")).longValue() != closed))));
    }

    /**
     * A programme that splits its stars quota has one more public board per split, with the split's quota: a key
     * area's counts only its events (a contestant in two key areas is on both boards, each with his score there), a
     * region's only its contestants. After random marks each is the organizers' LIVE standings of that split, also as
     * a stream, and the overview lists them with their tiers.
     */
    @ParameterizedTest
    @ValueSource(strings = {"KEY_AREA", "REGION"})
    @SuppressWarnings("unchecked")
    void eachSplitOfTheStarsQuotaHasItsOwnBoardThatIsTheRecomputation(String splitBy) {
        Random random = new Random(splitBy.length());
        Map<String, Set<Long>> eventsOf = new java.util.LinkedHashMap<>();
        Programme programme = splitProgramme(splitBy, eventsOf);
        for (Entrant entrant : programme.entrants()) { // every event standardised
            mark(entrant, 20 + random.nextInt(16) * 5);
        }
        for (int step = 0; step < 20; step++) {
            mark(programme.entrants().get(random.nextInt(programme.entrants().size())), random.nextInt(21) * 5);
        }
        assertTheBoardIsTheRecomputation(programme.id());
        List<String> keys = List.copyOf(eventsOf.keySet()); // in the star rule's order
        for (String key : keys) {
            Map<String, Object> board = assertTheBoardIsTheRecomputation(programme.id(), key);
            assertThat(board.get("split")).isEqualTo(key);
            assertThat(lines(board)).as("split %s", key).isNotEmpty().allSatisfy(line -> {
                if (splitBy.equals("KEY_AREA")) {
                    assertThat(eventsOf(line)).allSatisfy(score -> assertThat(eventsOf.get(key))
                            .contains(((Number) score.get("eventId")).longValue()));
                } else {
                    assertThat((String) line.get("regionCode")).startsWith(key.substring(0, 4));
                }
            });
        }
        Map<String, Object> overview = overview(programme.id());
        assertThat(overview.get("starSplitBy")).isEqualTo(splitBy);
        assertThat((List<Map<String, Object>>) overview.get("keyAreas")).as("the project board's key areas")
                .extracting(area -> area.get("code")).containsExactly("TECH", "INDUSTRY");
        assertThat(starSplits(overview)).extracting(split -> split.get("key")).containsExactlyElementsOf(keys);
        List<String> names = splitBy.equals("KEY_AREA") ? List.of("科技强省", "现代化产业体系")
                : java.util.Arrays.asList(null, null); // a region's board has no name but its code
        assertThat(starSplits(overview)).extracting(split -> split.get("nameZh")).containsExactlyElementsOf(names);

        String key = keys.get(0);
        ServerSentEvent<Map<String, Object>> snapshot = named(stream(programme.id(), key, null)).blockFirst(PATIENCE);
        assertThat(snapshot.event()).isEqualTo("snapshot");
        assertThat(snapshot.data()).containsEntry("split", key);
        assertThat(comparable(linesOf(snapshot, "top"))).isEqualTo(comparable(lines(publicBoard(programme.id(), key))));

        for (String route : List.of("/stars?split=NOPE", "/stars/top?split=NOPE", "/stars/stream?split=NOPE")) {
            anonymous.get().uri("/api/public/programmes/{p}" + route, programme.id()).exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("split")
                    .jsonPath("$.errors[0].rule").isEqualTo("starSplit.unknown");
        }
    }

    /**
     * A frozen event (封榜) counts on the public star board with the results frozen: marks after the freeze move the
     * organizers' LIVE standings, not the public board, until the release brings the board back to them.
     */
    @Test
    void aFrozenEventCountsWithItsFrozenResultsUntilItIsReleased() {
        Programme programme = programme("INCLUDE_ALL");
        for (int i = 0; i < programme.entrants().size(); i++) {
            mark(programme.entrants().get(i), 40 + 10 * (i % ENTRANTS)); // every event standardised
        }
        Map<String, Object> before = assertTheBoardIsTheRecomputation(programme.id());
        Entrant moved = programme.entrants().get(0);
        String freeze = "/api/events/" + moved.event + "/board/freeze";
        String version = admin.post().uri(freeze).exchange().expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getETag();

        mark(moved, 100);
        // A mark in another event, after: once the board shows it, the frozen event's change was followed too.
        Entrant sentinel = programme.entrants().stream().filter(entrant -> entrant.event != moved.event).findFirst()
                .orElseThrow();
        mark(sentinel, 3);
        Map<String, Object> after = before;
        Instant deadline = Instant.now().plus(PATIENCE);
        while (scoresIn(after, sentinel.event).equals(scoresIn(before, sentinel.event))
                && Instant.now().isBefore(deadline)) {
            sleep();
            after = publicBoard(programme.id());
        }
        assertThat(scoresIn(after, sentinel.event)).as("the other event's mark is on the board")
                .isNotEqualTo(scoresIn(before, sentinel.event));
        assertThat(scoresIn(after, moved.event)).as("the frozen event's scores, as frozen")
                .isEqualTo(scoresIn(before, moved.event));

        admin.delete().uri(freeze).header("If-Match", version).exchange().expectStatus().isNoContent();
        assertTheBoardIsTheRecomputation(programme.id());
    }

    private Flux<ServerSentEvent<Map<String, Object>>> stream(long programmeId, String lastEventId) {
        return stream(programmeId, null, lastEventId);
    }

    private Flux<ServerSentEvent<Map<String, Object>>> stream(long programmeId, String split, String lastEventId) {
        return anonymous.get().uri("/api/public/programmes/{p}/stars/stream" + (split == null ? "" : "?split=" + split),
                        programmeId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(EVENTS).getResponseBody();
    }

    private static Flux<ServerSentEvent<Map<String, Object>>> named(Flux<ServerSentEvent<Map<String, Object>>> all) {
        return all.filter(event -> event.event() != null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> linesOf(ServerSentEvent<Map<String, Object>> event, String field) {
        return (List<Map<String, Object>>) event.data().get(field);
    }

    private static final org.springframework.core.ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>
            EVENTS = new org.springframework.core.ParameterizedTypeReference<>() { };

    // --- the oracle -----------------------------------------------------------------------------------------------

    /**
     * Waits until the public board equals the star standings recomputed from the database (LIVE), which must
     * happen once the follower has applied what was committed; answers the public board.
     */
    private Map<String, Object> assertTheBoardIsTheRecomputation(long programmeId) {
        return assertTheBoardIsTheRecomputation(programmeId, null);
    }

    /** As above, for the board of a split of the stars quota (null: the programme-wide board). */
    private Map<String, Object> assertTheBoardIsTheRecomputation(long programmeId, String split) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Map<String, Object> oracle = admin.get()
                    .uri("/api/programmes/{p}/star-standings?basis=LIVE" + (split == null ? "" : "&split=" + split),
                            programmeId).exchange()
                    .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
            List<Map<String, Object>> expected = comparable(entriesOf(oracle));
            Map<String, Object> board = publicBoard(programmeId, split);
            List<Map<String, Object>> actual = board == null ? List.of() : comparable(lines(board));
            Map<String, Object> tier = board == null ? null : starsTier(overview(programmeId), split);
            Map<?, ?> fill = (Map<?, ?>) oracle.get("tier");
            boolean tierAgrees = tier != null && tier.get("members").equals(fill.get("members"))
                    && tier.get("overflow").equals(fill.get("overflow"))
                    && tier.get("vacancies").equals(fill.get("shortfall"))
                    && tier.get("quota").equals(fill.get("quota"));
            if (actual.equals(expected) && (expected.isEmpty() || tierAgrees)) {
                return board;
            }
            if (Instant.now().isAfter(deadline)) {
                assertThat(actual).as("the public board %s", split).isEqualTo(expected);
                assertThat(tier).as("the stars tier, against %s", fill).isNotNull();
                assertThat(tierAgrees).as("the stars tier %s against %s", tier, fill).isTrue();
            }
            sleep();
        }
    }

    /** The stars tier of the programme-wide board, or of a split's, as the overview shows it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> starsTier(Map<String, Object> overview, String split) {
        if (split == null) {
            return tiers(overview).get(2);
        }
        return starSplits(overview).stream().filter(board -> split.equals(board.get("key")))
                .map(board -> (Map<String, Object>) board.get("stars")).findFirst().orElse(null);
    }

    /** The lines as both sides show them: contestant, rank, position, score (as a number), star, provisional. */
    private static List<Map<String, Object>> comparable(List<Map<String, Object>> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            Map<String, Object> kept = new HashMap<>();
            kept.put("contestantId", ((Number) line.get("contestantId")).longValue());
            kept.put("rank", line.get("rank"));
            kept.put("position", line.get("position"));
            kept.put("score", new BigDecimal(line.get("score").toString()).stripTrailingZeros());
            kept.put("star", line.get("star"));
            kept.put("provisional", line.get("provisional"));
            out.add(kept);
        }
        return out;
    }

    private Map<String, Object> publicBoard(long programmeId) {
        return publicBoard(programmeId, null);
    }

    private Map<String, Object> publicBoard(long programmeId, String split) {
        var answer = anonymous.get().uri("/api/public/programmes/{p}/stars?limit=200"
                        + (split == null ? "" : "&split=" + split), programmeId).exchange()
                .expectBody(MAP).returnResult();
        return answer.getStatus().value() == 404 ? null : answer.getResponseBody();
    }

    private Map<String, Object> overview(long programmeId) {
        return anonymous.get().uri("/api/public/programmes/{p}", programmeId).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }

    // --- the programme and its sequence ---------------------------------------------------------------------------

    private Programme programme(String cutOffPolicy) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("标兵榜"));
        body.put("quotas", Map.of("stars", STARS_QUOTA));
        body.put("starRule", Map.of("combination", "BEST", "cutOffPolicy", cutOffPolicy));
        long programme = fixtures.programme(body);
        List<Long> enterprises = List.of(registry.enterprise(), registry.enterprise());
        List<Long> events = new ArrayList<>();
        List<Long> trades = new ArrayList<>();
        List<Entrant> entrants = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            long trade = registry.trade();
            List<Long> contestants = new ArrayList<>();
            for (int i = 0; i < ENTRANTS; i++) {
                contestants.add(registry.contestant(enterprises.get(i % 2), trade));
            }
            List<Entrant> entered = markingEvent(programme, trade, null, contestants);
            entrants.addAll(entered);
            events.add(entered.get(0).event);
            trades.add(trade);
        }
        return new Programme(programme, events, trades, entrants);
    }

    /** An event of the trade (and project, when given) with these contestants entered, marking by one judge. */
    private List<Entrant> markingEvent(long programme, long trade, Long project, List<Long> contestants) {
        Map<String, Object> event = RegistryFixtures.eventBody(programme, trade, TestIdentities.unique("赛项"));
        event.put("scheme", RegistryFixtures.json(StarStandingsTests.SCHEME));
        event.put("rules", RegistryFixtures.json(StarStandingsTests.RULES));
        if (project != null) {
            event.put("projectId", project);
        }
        long id = fixtures.event(event);
        List<Long> registrations = contestants.stream().map(contestant -> registry.create(
                "/api/events/" + id + "/registrations", Map.of("contestantId", contestant))).toList();
        marking.event = id;
        MarkingFixtures.Judge judge = marking.judges(1).get(0);
        fixtures.moveEvent(id, "MARKING");
        return registrations.stream().map(registration -> new Entrant(id, registration, judge)).toList();
    }

    /**
     * Three events: TECH (trade A), TECH (trade B), INDUSTRY (trade A); trade A's contestants enter both of its
     * events, so they stand in both key areas. Enterprises in Xi'an (610100), Baoji (610300) and Gansu (620100).
     * Splits: TECH 2 and INDUSTRY 1, or 610100 2 and 610300 1; {@code eventsOf} gets each split's events, in the
     * star rule's order.
     */
    private Programme splitProgramme(String splitBy, Map<String, Set<Long>> eventsOf) {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("分配标兵"));
        body.put("quotas", Map.of("stars", STARS_QUOTA + 1));
        List<String> keys = splitBy.equals("KEY_AREA") ? List.of("TECH", "INDUSTRY") : List.of("610100", "610300");
        body.put("starRule", Map.of("combination", "BEST", "cutOffPolicy", "INCLUDE_ALL", "splitBy", splitBy,
                "splits", List.of(Map.of("key", keys.get(0), "quota", 2), Map.of("key", keys.get(1), "quota", 1))));
        long programme = fixtures.programme(body);
        List<Long> enterprises = List.of("610102", "610302", "620100").stream()
                .map(region -> registry.create("/api/enterprises", Map.of("name", TestIdentities.unique("企业"),
                        "creditCode", TestIdentities.creditCode(), "regionCode", region,
                        "ownership", "STATE_OWNED"))).toList();
        Map<String, Long> projects = new HashMap<>();
        for (String area : List.of("TECH", "INDUSTRY")) {
            Map<String, Object> project = RegistryFixtures.projectBody(TestIdentities.unique("项目"),
                    enterprises.get(0));
            project.put("keyArea", area);
            projects.put(area, fixtures.project(programme, project));
        }
        List<Long> trades = List.of(registry.trade(), registry.trade());
        List<Long> tradeA = new ArrayList<>();
        for (int i = 0; i < ENTRANTS; i++) {
            tradeA.add(registry.contestant(enterprises.get(i % 3), trades.get(0)));
        }
        List<Long> events = new ArrayList<>();
        List<Entrant> entrants = new ArrayList<>();
        String[] areas = {"TECH", "TECH", "INDUSTRY"};
        for (int e = 0; e < 3; e++) {
            long trade = trades.get(e == 1 ? 1 : 0);
            List<Long> contestants = tradeA;
            if (e == 1) {
                contestants = new ArrayList<>();
                for (int i = 0; i < ENTRANTS; i++) {
                    contestants.add(registry.contestant(enterprises.get(i % 3), trade));
                }
            }
            List<Entrant> entered = markingEvent(programme, trade, projects.get(areas[e]), contestants);
            entrants.addAll(entered);
            long id = entered.get(0).event;
            events.add(id);
            if (splitBy.equals("KEY_AREA")) {
                eventsOf.computeIfAbsent(areas[e], area -> new java.util.HashSet<>()).add(id);
            }
        }
        if (splitBy.equals("REGION")) {
            keys.forEach(key -> eventsOf.put(key, new java.util.HashSet<>(events)));
        }
        return new Programme(programme, events, trades, entrants);
    }

    /** A first mark, or a correction of the sheet; an entry that does not compete takes none (409), as it should. */
    private void mark(Entrant entrant, int total) {
        Map<String, Object> sheet = MarkingFixtures.sheet("M1", total);
        if (entrant.sheetVersion == null) {
            var answer = MarkingFixtures.submit(entrant.judge.client(), entrant.event, entrant.registration,
                    UUID.randomUUID().toString(), sheet).expectBody(MAP).returnResult();
            if (answer.getStatus().value() == 201) {
                entrant.sheetVersion = 0L;
            }
            return;
        }
        var answer = entrant.judge.client().put()
                .uri("/api/events/{e}/registrations/{r}/score-sheets/{j}", entrant.event, entrant.registration,
                        entrant.judge.id())
                .header("If-Match", "\"" + entrant.sheetVersion + "\"")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(sheet).exchange().expectBody(MAP).returnResult();
        if (answer.getStatus().is2xxSuccessful()) {
            entrant.sheetVersion++;
        }
    }

    private void absence(Entrant entrant, boolean absent) {
        if (entrant.withdrawn) {
            return;
        }
        admin.post().uri("/api/events/{e}/registrations/{r}/absence", entrant.event, entrant.registration)
                .header("If-Match", registrationVersion(entrant))
                .bodyValue(Map.of("absent", absent, "reason", "检录")).exchange().expectStatus().isOk();
        entrant.absent = absent;
    }

    private void withdraw(Entrant entrant) {
        admin.post().uri("/api/events/{e}/registrations/{r}/withdrawal", entrant.event, entrant.registration)
                .header("If-Match", registrationVersion(entrant))
                .bodyValue(Map.of("reason", "身体不适")).exchange().expectStatus().isOk();
        entrant.withdrawn = true;
    }

    private String registrationVersion(Entrant entrant) {
        return admin.get().uri("/api/events/{e}/registrations/{r}", entrant.event, entrant.registration).exchange()
                .expectStatus().isOk().returnResult(Void.class).getResponseHeaders().getETag();
    }

    // --- reading JSON ---------------------------------------------------------------------------------------------

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() { };

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> board) {
        return (List<Map<String, Object>>) board.get("entries");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entriesOf(Map<String, Object> standings) {
        return (List<Map<String, Object>>) standings.get("entries");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tiers(Map<String, Object> overview) {
        return (List<Map<String, Object>>) overview.get("tiers");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> starSplits(Map<String, Object> overview) {
        return (List<Map<String, Object>>) overview.get("starSplits");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> eventsOf(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("events");
    }

    /** Each contestant's standardised score in the event, as a board's lines show it. */
    private static Map<Long, BigDecimal> scoresIn(Map<String, Object> board, long event) {
        Map<Long, BigDecimal> scores = new HashMap<>();
        for (Map<String, Object> line : lines(board)) {
            for (Map<String, Object> score : eventsOf(line)) {
                if (((Number) score.get("eventId")).longValue() == event) {
                    scores.put(((Number) line.get("contestantId")).longValue(),
                            new BigDecimal(score.get("score").toString()).stripTrailingZeros());
                }
            }
        }
        return scores;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
