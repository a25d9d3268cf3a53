package io.jingsai.api.event;

import static io.jingsai.api.programme.RegistryFixtures.eventBody;
import static io.jingsai.api.programme.RegistryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

@IntegrationTest
class EventControllerTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    WebTestClient web;
    RegistryFixtures fixtures;
    long programme;
    long trade;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        fixtures = new RegistryFixtures(web, database);
        programme = fixtures.programme();
        trade = fixtures.trade();
    }

    Map<String, Object> valid() {
        return eventBody(programme, trade, TestIdentities.unique("电工职业技能竞赛"));
    }

    @Test
    void createsReadsChangesAndRemovesAnEvent() {
        Map<String, Object> body = valid();
        long id = fixtures.event(body);

        web.get().uri("/api/events/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(body.get("name"))
                .jsonPath("$.programmeId").isEqualTo(programme)
                .jsonPath("$.tradeId").isEqualTo(trade)
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.entryKind").isEqualTo("INDIVIDUAL")
                .jsonPath("$.startsAt").isEqualTo("2024-10-12T01:00:00Z")
                .jsonPath("$.scheme.criteria[1].subCriteria[0].aspects[1].levelDescriptors[3]").isEqualTo("优秀")
                .jsonPath("$.scheme.judgementSpread").isEqualTo(1)
                .jsonPath("$.scheme.minimumJudgementPanel").isEqualTo(3)
                .jsonPath("$.scheme.defaultAggregation.kind").isEqualTo("MEAN")
                .jsonPath("$.rules.tieBreak[2].key").isEqualTo("practical")
                .jsonPath("$.rules.rankStyle").isEqualTo("STANDARD")
                .jsonPath("$.rules.awards.cutOff").isEqualTo("INCLUDE_ALL")
                .jsonPath("$.rules.awards.bands[2].minimumStarters").isEqualTo(6)
                .jsonPath("$.warnings.length()").isEqualTo(0);

        body.put("venue", "西安市职业技能公共实训基地");
        web.put().uri("/api/events/{id}", id).header("If-Match", "\"0\"").bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.venue").isEqualTo("西安市职业技能公共实训基地")
                .jsonPath("$.status").isEqualTo("DRAFT");

        web.delete().uri("/api/events/{id}", id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/events/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aHeavyTheoryWeightIsAWarningNotAnError() {
        Map<String, Object> body = valid();
        body.put("scheme", RegistryFixtures.scheme("0.4", "0.6"));

        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].field").isEqualTo("scheme.components[0].weight")
                .jsonPath("$.warnings[0].rule").isEqualTo("scheme.theoryWeight")
                .jsonPath("$.warnings[0].message").isEqualTo("理论权重 40% 超过 30%；竞赛中理论权重通常不超过 30%");
    }

    @Test
    void warningsAreWordedInTheLanguageAskedFor() {
        Map<String, Object> body = valid();
        body.put("scheme", RegistryFixtures.scheme("0.4", "0.6"));
        long id = fixtures.event(body);

        web.get().uri("/api/events/{id}", id).header("Accept-Language", "en").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.warnings[0].rule").isEqualTo("scheme.theoryWeight")
                .jsonPath("$.warnings[0].message")
                .isEqualTo("theory weight 40% is above 30%; contests usually weight theory at 30% or less");
        web.get().uri("/api/events?programmeId={p}", body.get("programmeId")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == " + id + ")].warnings[0].message")
                .isEqualTo(List.of("理论权重 40% 超过 30%；竞赛中理论权重通常不超过 30%"));
    }

    @Test
    void anInvalidSchemeIsRejectedWithEveryProblemListed() {
        Map<String, Object> body = valid();
        body.put("scheme", json("""
                {"declaredTotal": 100,
                 "defaultAggregation": {"kind": "TRIMMED_MEAN", "k": 0},
                 "minimumJudgementPanel": 2,
                 "criteria": [
                   {"id": "A", "name": "实操", "subCriteria": [{"id": "A1", "name": "安装", "aspects": [
                     {"id": "a1", "type": "MEASUREMENT", "maxMark": -5},
                     {"id": "a2", "type": "JUDGEMENT", "maxMark": 30, "levelDescriptors": ["差", "好"]},
                     {"id": "a1", "type": "DEDUCTION", "maxMark": 10}]}]},
                   {"id": "B", "name": "空", "subCriteria": []}]}"""));

        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors").value(errors -> assertThat(fieldsAndRules(errors)).containsExactlyInAnyOrder(
                        "scheme.defaultAggregation.k scheme.k",
                        "scheme.minimumJudgementPanel scheme.judgementPanel",
                        "scheme.criteria[0].subCriteria[0].aspects[0].maxMark positive",
                        "scheme.criteria[0].subCriteria[0].aspects[1].levelDescriptors scheme.levelDescriptors",
                        "scheme.criteria[0].subCriteria[0].aspects[2].id scheme.duplicateId",
                        "scheme.criteria[0].subCriteria[0].aspects[2].deductionPerViolation required",
                        "scheme.criteria[1].subCriteria notEmpty",
                        "scheme.declaredTotal scheme.total",
                        // the rules break a tie on the 'practical' component, which this scheme lacks
                        "rules.tieBreak[2].key oneOf"))
                .jsonPath("$.errors[?(@.field == 'scheme.declaredTotal')].message")
                .isEqualTo(List.of("各评分点满分之和为 40，与总分 100 不符"))
                .jsonPath("$.errors[?(@.field == 'rules.tieBreak[2].key')].message")
                .isEqualTo(List.of("须为以下之一：total、A、B、completionTime"));
        assertNothingWritten((String) body.get("name"));
    }

    @Test
    void problemsOfTheRoundingTheRulesAndTheStandardisationAreReportedTogetherByField() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("scheme")).put("rounding", Map.of("scale", 11, "mode", "UNNECESSARY"));
        Map<String, Object> rules = (Map<String, Object>) body.get("rules");
        rules.put("awards", Map.of("cutOff", "BREAK_BY_CHAIN", "bands", List.of(
                Map.of("name", "一等奖", "places", 1), Map.of("name", "二等奖", "share", 0.2, "shareRounding", "UNNECESSARY"),
                Map.of("name", "三等奖", "threshold", 80, "minimumStarters", -1))));
        rules.put("standardisation", Map.of("centre", "MEDIAN", "spread", "SCALED_MAD", "pointsPerSpread", -100,
                "minimumResults", 1));

        web.post().uri("/api/events").header("Accept-Language", "en").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors").value(errors -> assertThat(fieldsAndRules(errors)).containsExactly(
                        "scheme.rounding.scale number.range",
                        "scheme.rounding.mode rounding.unnecessary",
                        "rules.awards.bands[1].shareRounding awards.shareRounding",
                        "rules.awards.bands[2].minimumStarters positiveOrZero",
                        "rules.standardisation.pointsPerSpread positive",
                        "rules.standardisation.minimumResults min"))
                .jsonPath("$.errors[0].message").isEqualTo("must be a whole number from 0 to 10")
                .jsonPath("$.errors[5].message").isEqualTo("must be at least 2");
        assertNothingWritten((String) body.get("name"));
    }

    @Test
    void warningsAreStoredWhenTheEventIsWrittenNotComputedOnRead() {
        Map<String, Object> body = valid();
        body.put("scheme", RegistryFixtures.scheme("0.4", "0.6"));
        long id = fixtures.event(body);
        assertThat(storedWarnings(id)).contains("scheme.theoryWeight").contains("40%");

        database.sql("UPDATE event SET warnings = '[]' WHERE id = :id").bind("id", id).then().block();
        web.get().uri("/api/events/{id}", id).exchange()
                .expectBody().jsonPath("$.warnings.length()").isEqualTo(0);

        // an event stored before warnings were kept has them computed when read
        database.sql("UPDATE event SET warnings = NULL WHERE id = :id").bind("id", id).then().block();
        web.get().uri("/api/events/{id}", id).exchange()
                .expectBody().jsonPath("$.warnings[0].rule").isEqualTo("scheme.theoryWeight");

        body.put("scheme", RegistryFixtures.scheme("0.3", "0.7"));
        put(id, 0, body).expectStatus().isOk().expectBody().jsonPath("$.warnings.length()").isEqualTo(0);
        assertThat(storedWarnings(id)).isEqualTo("[]");
    }

    @Test
    void missingRulesShowTheDefaultsThatApply() {
        Map<String, Object> body = valid();
        body.remove("rules");
        ((Map<String, Object>) body.get("scheme")).put("rounding", Map.of("mode", "DOWN"));

        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.scheme.rounding.scale").isEqualTo(2)
                .jsonPath("$.scheme.rounding.mode").isEqualTo("DOWN")
                .jsonPath("$.rules.tieBreak[0].key").isEqualTo("total")
                .jsonPath("$.rules.tiePolicy").isEqualTo("SHARE")
                .jsonPath("$.rules.standardisation.centre").isEqualTo("MEAN")
                .jsonPath("$.rules.standardisation.centreValue").isEqualTo(700)
                .jsonPath("$.rules.standardisation.minimumResults").isEqualTo(5);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsAndRules(Object errors) {
        return ((List<Map<String, Object>>) errors).stream().map(e -> e.get("field") + " " + e.get("rule")).toList();
    }

    private String storedWarnings(long id) {
        return database.sql("SELECT warnings::text FROM event WHERE id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block();
    }

    @Test
    void componentWeightsMustAddUpToOne() {
        Map<String, Object> body = valid();
        body.put("scheme", RegistryFixtures.scheme("0.3", "0.6"));

        expectRejected(body, "scheme.components", "scheme.weightsSum");
    }

    @Test
    void aSchemeIsRequired() {
        Map<String, Object> body = valid();
        body.remove("scheme");

        expectRejected(body, "scheme", "required");
    }

    @Test
    void unknownAspectTypeIsRejectedNamingItsPath() {
        Map<String, Object> body = valid();
        body.put("scheme", json("""
                {"declaredTotal": 100, "criteria": [{"id": "A", "subCriteria": [{"id": "A1", "aspects": [
                  {"id": "a1", "type": "GUESS", "maxMark": 100}]}]}]}"""));

        expectRejected(body, "scheme.criteria[0].subCriteria[0].aspects[0].type", "oneOf");
    }

    @Test
    void programmeTradeAndProjectMustExist() {
        Map<String, Object> body = valid();
        body.put("programmeId", Long.MAX_VALUE);
        body.put("tradeId", Long.MAX_VALUE);
        body.put("projectId", Long.MAX_VALUE);

        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("programmeId", "tradeId", "projectId"));
    }

    @Test
    void theProjectMustBelongToTheProgramme() {
        long otherProgramme = fixtures.programme();
        long project = fixtures.project(otherProgramme);
        Map<String, Object> body = valid();
        body.put("projectId", project);

        expectRejected(body, "projectId", "event.projectOfOtherProgramme");

        body.put("programmeId", otherProgramme);
        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.projectId").isEqualTo(project);
    }

    @Test
    void anEventMustEndAfterItStarts() {
        Map<String, Object> body = valid();
        body.put("endsAt", body.get("startsAt"));

        expectRejected(body, "endsAt", "event.endsBeforeStart");
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        web.post().uri("/api/events").bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("programmeId", "tradeId", "name", "entryKind", "scheme"));
    }

    @Test
    void tieBreakKeysMustNameSomethingTheSchemeHas() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("tieBreak", List.of(
                Map.of("key", "total", "order", "DESCENDING"), Map.of("key", "oral", "order", "DESCENDING")));

        expectRejected(body, "rules.tieBreak[1].key", "oneOf");
    }

    @Test
    void tieBreakKeysAppearOnce() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("tieBreak", List.of(
                Map.of("key", "total", "order", "DESCENDING"), Map.of("key", "total", "order", "ASCENDING")));

        expectRejected(body, "rules.tieBreak[1].key", "tieBreak.keyTwice");
    }

    @Test
    void anAwardBandHasExactlyOneQuota() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("awards",
                Map.of("bands", List.of(Map.of("name", "一等奖", "places", 3, "share", 0.1))));

        expectRejected(body, "rules.awards.bands[0]", "awards.oneQuota");
    }

    @Test
    void anAwardShareIsAtMostOne() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("awards",
                Map.of("bands", List.of(Map.of("name", "一等奖", "share", 1.5))));

        expectRejected(body, "rules.awards.bands[0].share", "awards.share");
    }

    @Test
    void awardSharesAddUpToAtMostAllEntries() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("awards", Map.of("bands", List.of(
                Map.of("name", "一等奖", "share", 0.5), Map.of("name", "二等奖", "places", 3),
                Map.of("name", "三等奖", "share", 0.6))));

        expectRejected(body, "rules.awards.bands", "awards.sharesOverAll");

        ((Map<String, Object>) body.get("rules")).put("awards", Map.of("bands", List.of(
                Map.of("name", "一等奖", "share", 0.4), Map.of("name", "二等奖", "share", 0.6))));
        web.post().uri("/api/events").bodyValue(body).exchange().expectStatus().isCreated();
    }

    /**
     * 振兴杯: 金奖 1-5, 银奖 6-10, 铜奖 11-20 and 优胜奖 for everyone after the medals up to half the entrants, rounded
     * down: the last band is a cumulative share. A cumulative share follows the rule of a share, at its own field.
     */
    @Test
    void anHonourableMentionUpToHalfTheFieldIsACumulativeShare() {
        Map<String, Object> body = valid();
        List<Map<String, Object>> bands = List.of(Map.of("name", "金奖", "places", 5), Map.of("name", "银奖", "places", 5),
                Map.of("name", "铜奖", "places", 10),
                Map.of("name", "优胜奖", "cumulativeShare", 0.5, "shareRounding", "DOWN"));
        ((Map<String, Object>) body.get("rules")).put("awards", Map.of("bands", bands));
        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.rules.awards.bands[3].cumulativeShare").isEqualTo(0.5)
                .jsonPath("$.rules.awards.bands[3].shareRounding").isEqualTo("DOWN");

        body.put("name", body.get("name") + "-2");
        ((Map<String, Object>) body.get("rules")).put("awards", Map.of("bands", List.of(
                Map.of("name", "金奖", "places", 5), Map.of("name", "优胜奖", "cumulativeShare", 1.5))));
        expectRejected(body, "rules.awards.bands[1].cumulativeShare", "awards.share");
    }

    @Test
    void awardBandNamesAreUnique() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("awards",
                Map.of("bands", List.of(Map.of("name", "一等奖", "places", 1), Map.of("name", "一等奖", "places", 2))));

        expectRejected(body, "rules.awards.bands[1].name", "awards.bandTwice");
    }

    @Test
    void titlesNeedARankOfAtLeastOne() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("awards",
                Map.of("titles", List.of(Map.of("title", "技术能手", "maxRank", 0))));

        expectRejected(body, "rules.awards.titles[0].maxRank", "min");
    }

    @Test
    void onlyTeamEventsHaveATeamScoreRule() {
        Map<String, Object> body = valid();
        ((Map<String, Object>) body.get("rules")).put("teamScore", Map.of("kind", "MEAN"));

        expectRejected(body, "rules.teamScore", "teamScore.individualEvent");
    }

    @Test
    void aTeamEventSumsItsMembersUnlessToldOtherwise() {
        Map<String, Object> body = valid();
        body.put("entryKind", "TEAM");
        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.rules.teamScore.kind").isEqualTo("SUM");

        Map<String, Object> bestOf = valid();
        bestOf.put("entryKind", "TEAM");
        ((Map<String, Object>) bestOf.get("rules")).put("teamScore", Map.of("kind", "BEST_N"));
        expectRejected(bestOf, "rules.teamScore.n", "teamScore.bestN");
    }

    @Test
    void anEventStartsAsADraftAndChangesStatusOnlyByItsSteps() {
        Map<String, Object> body = valid();
        body.put("status", "OPEN");
        expectRejected(body, "status", "status.initial");

        body.remove("status");
        long id = fixtures.event(body);
        body.put("status", "OPEN");
        web.put().uri("/api/events/{id}", id).header("If-Match", "\"0\"").bodyValue(body).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("赛项 " + id
                        + " 当前为 DRAFT；状态只能逐步变更（POST /api/events/" + id + "/transition），不能在修改赛项时改为 OPEN");
        body.put("status", "DRAFT");
        put(id, 0, body).expectStatus().isOk();
    }

    @Test
    void theSchemeIsFrozenOnceMarkingStartsAndTheEventCannotBeRemoved() {
        Map<String, Object> body = valid();
        long id = fixtures.event(body);
        assertThat(fixtures.moveEvent(id, "MARKING")).isEqualTo(2);

        Map<String, Object> changedScheme = new java.util.HashMap<>(body);
        changedScheme.put("scheme", RegistryFixtures.scheme("0.2", "0.8"));
        put(id, 2, changedScheme).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("赛项 " + id + " 当前为 MARKING：评分开始后评分标准不能再改");

        // The same scheme written differently (100 vs 100.00) is no change; other fields may still change.
        Map<String, Object> sameScheme = new java.util.HashMap<>(body);
        Map<String, Object> scheme = RegistryFixtures.scheme("0.30", "0.70");
        scheme.put("declaredTotal", new java.math.BigDecimal("100.00"));
        sameScheme.put("scheme", scheme);
        sameScheme.put("venue", "新场馆");
        put(id, 2, sameScheme).expectStatus().isOk().expectBody().jsonPath("$.venue").isEqualTo("新场馆");

        web.delete().uri("/api/events/{id}", id).header("If-Match", "\"3\"").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("赛项 " + id + " 当前为 MARKING，可能已有评分；只能在评分开始前删除赛项");
        web.get().uri("/api/events/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void anEventWithRegistrationsCannotBeRemoved() {
        long id = fixtures.event(valid());
        database.sql("INSERT INTO registration (event_id, registration_number, team_id, contestant_id, status,"
                        + " created_at, updated_at) VALUES (:event, 1, NULL, :contestant, 'REGISTERED', now(), now())")
                .bind("event", id).bind("contestant", contestant())
                .then().block();

        web.delete().uri("/api/events/{id}", id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("赛项 " + id + " 有 1 个报名，请先让它们退赛");
    }

    @Test
    void staleOrMissingVersionIsRefusedAndChangesNothing() {
        Map<String, Object> body = valid();
        long id = fixtures.event(body);
        body.put("venue", "A");
        put(id, 0, body).expectStatus().isOk();

        body.put("venue", "B");
        put(id, 0, body).expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.put().uri("/api/events/{id}", id).bodyValue(body).exchange().expectStatus().isEqualTo(428);
        web.delete().uri("/api/events/{id}", id).header("If-Match", "\"0\"").exchange().expectStatus().isEqualTo(412);
        web.delete().uri("/api/events/{id}", id).exchange().expectStatus().isEqualTo(428);

        web.get().uri("/api/events/{id}", id).exchange().expectBody().jsonPath("$.venue").isEqualTo("A");
    }

    @Test
    void sameNameInOneProgrammeIsAConflict() {
        Map<String, Object> body = valid();
        fixtures.event(body);

        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛活动 " + body.get("programmeId") + " 已有同名赛项");
    }

    @Test
    void listsFilterByProgrammeTradeStatusAndTextAndPageStably() {
        String tag = TestIdentities.unique("筛选赛项");
        long otherTrade = fixtures.trade();
        for (String suffix : new String[] {"张", "李", "王"}) {
            fixtures.event(eventBody(programme, trade, tag + suffix));
        }
        fixtures.event(eventBody(programme, otherTrade, tag + "赵"));
        Map<String, Object> open = eventBody(programme, trade, tag + "钱");
        long openId = fixtures.event(open);
        fixtures.moveEvent(openId, "OPEN");

        web.get().uri(b -> b.path("/api/events").queryParam("programmeId", programme).queryParam("tradeId", trade)
                        .queryParam("status", "DRAFT").queryParam("q", tag).queryParam("size", 2).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].name").isEqualTo(tag + "李")
                .jsonPath("$.items[1].name").isEqualTo(tag + "王");
        web.get().uri(b -> b.path("/api/events").queryParam("programmeId", programme).queryParam("tradeId", trade)
                        .queryParam("status", "DRAFT").queryParam("size", 2).queryParam("page", 1).build())
                .exchange()
                .expectBody().jsonPath("$.items[0].name").isEqualTo(tag + "张");
        web.get().uri(b -> b.path("/api/events").queryParam("programmeId", programme).queryParam("status", "OPEN")
                        .build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo(tag + "钱");
        web.get().uri(b -> b.path("/api/events").queryParam("tradeId", otherTrade).build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo(tag + "赵");
        web.get().uri(b -> b.path("/api/events").queryParam("programmeId", programme)
                        .queryParam("sort", "name,desc").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(5).jsonPath("$.items[0].name").isEqualTo(tag + "赵");
    }

    @Test
    void badPagingAndSortingAreRejected() {
        web.get().uri("/api/events?size=201&sort=scheme").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("size", "sort"));
    }

    @Test
    void theOpenApiDocumentDescribesProgrammesProjectsAndEventsWithExamples() {
        TestClients.documentReader(anonymous).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/programmes'].post").exists()
                .jsonPath("$.paths['/api/programmes/{id}'].put.responses['412']").exists()
                .jsonPath("$.paths['/api/programmes/{programmeId}/projects/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/events'].get").exists()
                .jsonPath("$.paths['/api/events/{id}'].put.responses['428']").exists()
                .jsonPath("$.components.schemas['ProgrammeCommand'].example").exists()
                .jsonPath("$.components.schemas['ProjectCommand'].example").exists()
                .jsonPath("$.components.schemas['EventCommand'].example").exists()
                .jsonPath("$.components.schemas['MarkingScheme'].properties.criteria").exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedExamplesAreValidRequests() {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) TestClients.documentReader(anonymous)
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("components")).get("schemas");

        Map<String, Object> programmeExample = example(schemas, "ProgrammeCommand");
        programmeExample.put("name", TestIdentities.unique((String) programmeExample.get("name")));
        long exampleProgramme = fixtures.programme(programmeExample);

        Map<String, Object> projectExample = example(schemas, "ProjectCommand");
        projectExample.put("hostEnterpriseId", fixtures.enterprise());
        long exampleProject = fixtures.project(exampleProgramme, projectExample);

        Map<String, Object> eventExample = example(schemas, "EventCommand");
        eventExample.put("programmeId", exampleProgramme);
        eventExample.put("projectId", exampleProject);
        eventExample.put("tradeId", trade);
        web.post().uri("/api/events").bodyValue(eventExample).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.warnings.length()").isEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> example(Map<String, Object> schemas, String name) {
        Object example = ((Map<String, Object>) schemas.get(name)).get("example");
        return example instanceof String text ? json(text) : new java.util.HashMap<>((Map<String, Object>) example);
    }

    private WebTestClient.ResponseSpec put(long id, long version, Map<String, Object> body) {
        return web.put().uri("/api/events/{id}", id).header("If-Match", "\"" + version + "\"").bodyValue(body)
                .exchange();
    }

    /** Through the API: ID numbers are stored sealed, with their lookup hash, which a plain INSERT cannot give. */
    private long contestant() {
        return new TestRegistry(web).contestant(fixtures.enterprise(), trade);
    }

    private void expectRejected(Map<String, Object> body, String field, String rule) {
        web.post().uri("/api/events").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isEqualTo(rule);
        assertNothingWritten((String) body.get("name"));
    }

    private void assertNothingWritten(String name) {
        web.get().uri(b -> b.path("/api/events").queryParam("q", name).build()).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }
}
