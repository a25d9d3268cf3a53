package io.jingsai.api.programme;

import static io.jingsai.api.programme.RegistryFixtures.programmeBody;
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

@IntegrationTest
class ProgrammeControllerTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    WebTestClient web;
    RegistryFixtures fixtures;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(anonymous);
        fixtures = new RegistryFixtures(web, database);
    }

    @Test
    void createsReadsChangesAndRemovesAProgramme() {
        String name = TestIdentities.unique("2024年重点项目劳动和技能竞赛");
        long id = fixtures.programme(programmeBody(name));

        web.get().uri("/api/programmes/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.status").isEqualTo("PLANNING")
                .jsonPath("$.fundFen").isEqualTo(1_500_000_000L)
                .jsonPath("$.keyAreas[1].code").isEqualTo("INDUSTRY")
                .jsonPath("$.keyAreas[1].nameEn").doesNotExist()
                .jsonPath("$.quotas.demonstration").isEqualTo(10)
                .jsonPath("$.quotas.key").isEqualTo(100)
                .jsonPath("$.quotas.stars").isEqualTo(1000)
                .jsonPath("$.quotas.enterprises").isEqualTo(10000);

        Map<String, Object> changed = programmeBody(name + "改");
        changed.put("quotas", Map.of("demonstration", 5, "key", 50));
        changed.put("status", "RUNNING");
        changed.put("freezeAt", "2024-12-20T16:00:00Z");
        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").bodyValue(changed).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name + "改")
                .jsonPath("$.status").isEqualTo("RUNNING")
                .jsonPath("$.quotas.demonstration").isEqualTo(5)
                .jsonPath("$.quotas.stars").isEqualTo(1000)
                .jsonPath("$.freezeAt").isEqualTo("2024-12-20T16:00:00Z");

        web.delete().uri("/api/programmes/{id}", id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/programmes/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void staleOrMissingVersionIsRefusedAndChangesNothing() {
        String name = TestIdentities.unique("竞赛");
        long id = fixtures.programme(programmeBody(name));
        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(programmeBody(name + "A")).exchange().expectStatus().isOk();

        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(programmeBody(name + "B")).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.put().uri("/api/programmes/{id}", id).bodyValue(programmeBody(name + "C")).exchange()
                .expectStatus().isEqualTo(428);
        web.delete().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(412);
        web.delete().uri("/api/programmes/{id}", id).exchange()
                .expectStatus().isEqualTo(428);

        web.get().uri("/api/programmes/{id}", id).exchange()
                .expectBody().jsonPath("$.name").isEqualTo(name + "A");
    }

    @Test
    void sameNameInTheSameYearIsAConflict() {
        String name = TestIdentities.unique("重名竞赛");
        fixtures.programme(programmeBody(name));
        Map<String, Object> nextYear = programmeBody(name);
        nextYear.put("year", 2025);
        fixtures.programme(nextYear);

        web.post().uri("/api/programmes").bodyValue(programmeBody(name)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("2024 年已有同名竞赛活动");
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        web.post().uri("/api/programmes").bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("name", "year", "organizer", "regionCode", "fundFen"));
    }

    @Test
    void moreDemonstrationThanKeyProjectsIsRejected() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("配额"));
        body.put("quotas", Map.of("demonstration", 101));

        expectRejected(body, "quotas.demonstration", "quotas.demonstrationAboveKey",
                "不能超过重点项目数（100）：示范性项目从重点项目中评出");
    }

    /**
     * The quota rule of the leaderboard core ({@code Quotas}): demonstration projects are the best of the key
     * projects, all of them at most; the boards of such a programme can be built.
     */
    @Test
    void asManyDemonstrationAsKeyProjectsIsAccepted() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("配额"));
        body.put("quotas", Map.of("demonstration", 3, "key", 3));
        long id = fixtures.programme(body);

        web.get().uri("/api/programmes/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.quotas.demonstration").isEqualTo(3)
                .jsonPath("$.quotas.key").isEqualTo(3);
        assertThat(new io.jingsai.leaderboard.Quotas(3, 3, 1000, 10_000).keyProjects()).isEqualTo(3);
    }

    @Test
    void quotasMustBePositive() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("配额"));
        body.put("quotas", Map.of("stars", 0));

        expectRejected(body, "quotas.stars", "positive", "须大于 0");
    }

    @Test
    void fundMustNotBeNegative() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("资金"));
        body.put("fundFen", -1);

        expectRejected(body, "fundFen", "positiveOrZero", "不能小于 0");
    }

    @Test
    void yearMustBePlausible() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("年份"));
        body.put("year", 1999);

        expectRejected(body, "year", "min", "不能小于 2000");
    }

    @Test
    void regionMustBeADivisionCode() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("地区"));
        body.put("regionCode", "990000");

        expectRejected(body, "regionCode", "divisionCode.province",
                "前 2 位须为中国的省级行政区代码：11-15、21-23、31-37、41-46、50-54、61-65、71、81 或 82");
    }

    @Test
    void keyAreaCodesAreUniqueInAProgramme() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("领域"));
        body.put("keyAreas", List.of(Map.of("code", "TECH", "nameZh", "科技强省"),
                Map.of("code", "TECH", "nameZh", "扩大内需")));

        expectRejected(body, "keyAreas[1].code", "keyArea.codeTwice", "重点领域代码 TECH 重复");
    }

    @Test
    void keyAreasNeedACodeAndAChineseName() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("领域"));
        body.put("keyAreas", List.of(Map.of("code", "科技", "nameZh", " ")));

        web.post().uri("/api/programmes").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("keyAreas[0].code", "keyAreas[0].nameZh"));
    }

    @Test
    void unknownStatusIsRejectedNamingTheField() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("状态"));
        body.put("status", "SLEEPING");

        expectRejected(body, "status", "oneOf", "须为以下之一：PLANNING、RUNNING、CLOSED");
    }

    @Test
    void aProgrammeStartsInPlanning() {
        Map<String, Object> body = programmeBody(TestIdentities.unique("状态"));
        body.put("status", "RUNNING");

        expectRejected(body, "status", "status.initial", "新建时状态须为 PLANNING");
    }

    @Test
    void statusMovesForwardOnly() {
        String name = TestIdentities.unique("状态流转");
        long id = fixtures.programme(programmeBody(name));
        Map<String, Object> body = programmeBody(name);

        body.put("status", "CLOSED");
        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").bodyValue(body).exchange()
                .expectStatus().isOk();
        body.put("status", "RUNNING");
        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"1\"").bodyValue(body).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛活动 " + id + " 当前为 CLOSED，不能变为 RUNNING；下一步可变为：无");
        web.get().uri("/api/programmes/{id}", id).exchange().expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    void aClosedProgrammeTakesNoNewProjectsOrEvents() {
        String name = TestIdentities.unique("已结束");
        long id = fixtures.programme(programmeBody(name));
        Map<String, Object> body = programmeBody(name);
        body.put("status", "CLOSED");
        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").bodyValue(body).exchange()
                .expectStatus().isOk();

        web.post().uri("/api/programmes/{id}/projects", id)
                .bodyValue(RegistryFixtures.projectBody(TestIdentities.unique("项目"), fixtures.enterprise()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛活动 " + id + " 已结束（CLOSED），不再接受新竞赛项目");
        web.post().uri("/api/events")
                .bodyValue(RegistryFixtures.eventBody(id, fixtures.trade(), TestIdentities.unique("赛项")))
                .exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aProgrammeWithProjectsCannotBeRemoved() {
        long id = fixtures.programme();
        fixtures.project(id);

        web.delete().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛活动 " + id + " 仍有 1 个竞赛项目和 0 个赛项，请先删除它们");
        web.get().uri("/api/programmes/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void aKeyAreaInUseCannotBeRemovedButAnUnusedOneCan() {
        String name = TestIdentities.unique("领域变更");
        long id = fixtures.programme(programmeBody(name));
        fixtures.project(id); // uses TECH
        Map<String, Object> withoutTech = programmeBody(name);
        withoutTech.put("keyAreas", List.of(Map.of("code", "INDUSTRY", "nameZh", "现代化产业体系")));

        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").bodyValue(withoutTech).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛活动 " + id + " 的重点领域 TECH 仍被竞赛项目使用，请先移走这些项目");

        Map<String, Object> withoutIndustry = programmeBody(name);
        withoutIndustry.put("keyAreas", List.of(Map.of("code", "TECH", "nameZh", "科技强省")));
        web.put().uri("/api/programmes/{id}", id).header("If-Match", "\"0\"").bodyValue(withoutIndustry).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keyAreas.length()").isEqualTo(1);
    }

    @Test
    void listsFilterByYearStatusRegionAndTextAndPageStably() {
        String tag = TestIdentities.unique("筛选竞赛");
        for (String suffix : new String[] {"张", "李", "王"}) {
            Map<String, Object> body = programmeBody(tag + suffix);
            body.put("regionCode", "610100");
            body.put("year", 2031);
            fixtures.programme(body);
        }
        Map<String, Object> elsewhere = programmeBody(tag + "赵");
        elsewhere.put("regionCode", "110000");
        elsewhere.put("year", 2031);
        fixtures.programme(elsewhere);
        Map<String, Object> otherYear = programmeBody(tag + "钱");
        otherYear.put("regionCode", "610100");
        fixtures.programme(otherYear);

        web.get().uri(b -> b.path("/api/programmes").queryParam("q", tag).queryParam("year", 2031)
                        .queryParam("regionCode", "610000").queryParam("status", "PLANNING")
                        .queryParam("size", 2).queryParam("sort", "name").build())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                // pinyin order: 李 (li) < 王 (wang) < 张 (zhang)
                .jsonPath("$.items[0].name").isEqualTo(tag + "李")
                .jsonPath("$.items[1].name").isEqualTo(tag + "王");
        web.get().uri(b -> b.path("/api/programmes").queryParam("q", tag).queryParam("year", 2031)
                        .queryParam("regionCode", "610000").queryParam("size", 2).queryParam("page", 1)
                        .queryParam("sort", "name").build())
                .exchange()
                .expectBody().jsonPath("$.items[0].name").isEqualTo(tag + "张");
        web.get().uri(b -> b.path("/api/programmes").queryParam("q", tag).queryParam("status", "RUNNING").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        web.get().uri(b -> b.path("/api/programmes").queryParam("q", tag).queryParam("sort", "year,desc;name,desc")
                        .build())
                .exchange()
                .expectBody()
                .jsonPath("$.total").isEqualTo(5)
                .jsonPath("$.items[0].name").isEqualTo(tag + "赵")
                .jsonPath("$.items[4].name").isEqualTo(tag + "钱");
    }

    @Test
    void badPagingAndSortingAreRejected() {
        web.get().uri("/api/programmes?page=-1&sort=fundFen").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("page", "sort"));
    }

    @Test
    void programmesNeedAnAccount() {
        TestClients.anonymous(anonymous).get().uri("/api/programmes").exchange().expectStatus().isUnauthorized();
    }

    private void expectRejected(Map<String, Object> body, String field, String rule, String message) {
        web.post().uri("/api/programmes").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isEqualTo(rule)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }
}
