package io.jingsai.api.programme;

import static io.jingsai.api.programme.RegistryFixtures.indicator;
import static io.jingsai.api.programme.RegistryFixtures.projectBody;
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
class ProjectControllerTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    WebTestClient web;
    RegistryFixtures fixtures;
    long programme;
    long host;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        fixtures = new RegistryFixtures(web, database);
        programme = fixtures.programme();
        host = fixtures.enterprise();
    }

    @Test
    void registersReadsChangesAndRemovesAProject() {
        String name = TestIdentities.unique("西安地铁10号线劳动竞赛");
        long id = fixtures.project(programme, projectBody(name, host));

        web.get().uri("/api/programmes/{p}/projects/{id}", programme, id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo(name)
                .jsonPath("$.programmeId").isEqualTo(programme)
                .jsonPath("$.hostEnterpriseId").isEqualTo(host)
                .jsonPath("$.aspect").isEqualTo("ENGINEERING_EXCELLENCE")
                .jsonPath("$.keyArea").isEqualTo("TECH")
                .jsonPath("$.tierStatus").isEqualTo("CANDIDATE")
                .jsonPath("$.indicators[0].code").isEqualTo("COST")
                .jsonPath("$.indicators[0].weight").isEqualTo(0.4)
                .jsonPath("$.indicators[0].direction").isEqualTo("HIGHER_IS_BETTER");

        Map<String, Object> changed = projectBody(name + "改", host);
        changed.put("tierStatus", "KEY");
        changed.put("keyArea", null);
        changed.put("indicators", List.of(
                indicator("COST", "2", "HIGHER_IS_BETTER", "500", "0"),
                indicator("DELAY", "3", "LOWER_IS_BETTER", "0", "30"),
                indicator("PATENTS", "1", "HIGHER_IS_BETTER", "5", null)));
        web.put().uri("/api/programmes/{p}/projects/{id}", programme, id).header("If-Match", "\"0\"")
                .bodyValue(changed).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.tierStatus").isEqualTo("KEY")
                .jsonPath("$.keyArea").doesNotExist()
                .jsonPath("$.indicators.length()").isEqualTo(3)
                .jsonPath("$.indicators[1].direction").isEqualTo("LOWER_IS_BETTER");

        web.delete().uri("/api/programmes/{p}/projects/{id}", programme, id).header("If-Match", "\"1\"").exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/programmes/{p}/projects/{id}", programme, id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aProjectIsFoundOnlyUnderItsOwnProgramme() {
        long id = fixtures.project(programme);
        long other = fixtures.programme();

        web.get().uri("/api/programmes/{p}/projects/{id}", other, id).exchange().expectStatus().isNotFound();
        web.put().uri("/api/programmes/{p}/projects/{id}", other, id).header("If-Match", "\"0\"")
                .bodyValue(projectBody("x", host)).exchange().expectStatus().isNotFound();
        web.post().uri("/api/programmes/{p}/projects", Long.MAX_VALUE).bodyValue(projectBody("x", host)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void staleOrMissingVersionIsRefusedAndChangesNothing() {
        String name = TestIdentities.unique("项目");
        long id = fixtures.project(programme, projectBody(name, host));
        web.put().uri("/api/programmes/{p}/projects/{id}", programme, id).header("If-Match", "\"0\"")
                .bodyValue(projectBody(name + "A", host)).exchange().expectStatus().isOk();

        web.put().uri("/api/programmes/{p}/projects/{id}", programme, id).header("If-Match", "\"0\"")
                .bodyValue(projectBody(name + "B", host)).exchange()
                .expectStatus().isEqualTo(412);
        web.put().uri("/api/programmes/{p}/projects/{id}", programme, id)
                .bodyValue(projectBody(name + "C", host)).exchange()
                .expectStatus().isEqualTo(428);
        web.delete().uri("/api/programmes/{p}/projects/{id}", programme, id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(412);

        web.get().uri("/api/programmes/{p}/projects/{id}", programme, id).exchange()
                .expectBody().jsonPath("$.name").isEqualTo(name + "A");
    }

    @Test
    void sameNameInOneProgrammeIsAConflict() {
        String name = TestIdentities.unique("重名项目");
        fixtures.project(programme, projectBody(name, host));
        fixtures.project(fixtures.programme(), projectBody(name, host));

        web.post().uri("/api/programmes/{p}/projects", programme).bodyValue(projectBody(name, host)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("该竞赛活动已有同名竞赛项目");
    }

    @Test
    void everyMissingFieldIsListedAtOnce() {
        web.post().uri("/api/programmes/{p}/projects", programme).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("name", "hostEnterpriseId", "aspect", "regionCode"));
    }

    @Test
    void hostEnterpriseMustExist() {
        expectRejected(projectBody(TestIdentities.unique("项目"), Long.MAX_VALUE), "hostEnterpriseId",
                "reference.missing", "没有 id 为 " + Long.MAX_VALUE + " 的企业");
    }

    @Test
    void aspectMustBeOneOfTheSix() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("aspect", "FUN");

        expectRejected(body, "aspect", "oneOf", "须为以下之一：ENGINEERING_EXCELLENCE、QUALITY、WORK_SAFETY、"
                + "SKILL_UPGRADING、TECHNICAL_INNOVATION、TEAM_BUILDING");
    }

    @Test
    void keyAreaMustBeOneOfTheProgrammes() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("keyArea", "DEMAND");

        expectRejected(body, "keyArea", "project.keyArea", "须为本竞赛活动的重点领域之一：TECH、INDUSTRY");
    }

    @Test
    void regionMustBeADivisionCode() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("regionCode", "6101");

        expectRejected(body, "regionCode", "divisionCode.format", "行政区划代码须为 6 位数字");
    }

    @Test
    void unknownTierStatusIsRejectedNamingTheField() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("tierStatus", "GOLD");

        expectRejected(body, "tierStatus", "oneOf", "须为以下之一：CANDIDATE、KEY、DEMONSTRATION");
    }

    @Test
    void indicatorWeightsMustBePositive() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("indicators", List.of(indicator("COST", "0", "HIGHER_IS_BETTER", "500", "0")));

        expectRejected(body, "indicators[0].weight", "positive", "须大于 0");
    }

    @Test
    void indicatorsNeedADirectionAndATarget() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("indicators", List.of(indicator("COST", "1", null, null, null)));

        web.post().uri("/api/programmes/{p}/projects", programme).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("indicators[0].direction", "indicators[0].target"));
    }

    @Test
    void aTargetMustLieOnTheBetterSideOfItsBaseline() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("indicators", List.of(indicator("DELAY", "1", "LOWER_IS_BETTER", "40", "30")));

        expectRejected(body, "indicators[0].target", "indicator.targetSide",
                "指标 DELAY 为 LOWER_IS_BETTER，但目标值 40 与基线 30 的方向不符");
    }

    @Test
    void indicatorCodesAreUnique() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), host);
        body.put("indicators", List.of(indicator("COST", "1", "HIGHER_IS_BETTER", "500", "0"),
                indicator("COST", "1", "HIGHER_IS_BETTER", "9", null)));

        expectRejected(body, "indicators", "indicator.idTwice", "指标 COST 重复");
    }

    @Test
    void referenceProblemsAreListedTogether() {
        Map<String, Object> body = projectBody(TestIdentities.unique("项目"), Long.MAX_VALUE);
        body.put("aspect", "FUN");
        body.put("keyArea", "DEMAND");

        web.post().uri("/api/programmes/{p}/projects", programme).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((Iterable<Object>) fields)
                        .containsExactlyInAnyOrder("aspect", "hostEnterpriseId", "keyArea"));
    }

    @Test
    void aProjectWithAnEventCannotBeRemoved() {
        long id = fixtures.project(programme);
        Map<String, Object> event = RegistryFixtures.eventBody(programme, fixtures.trade(),
                TestIdentities.unique("电工赛项"));
        event.put("projectId", id);
        fixtures.event(event);

        web.delete().uri("/api/programmes/{p}/projects/{id}", programme, id).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("竞赛项目 " + id + " 仍有 1 个赛项，请先删除或移出这些赛项");
        web.get().uri("/api/programmes/{p}/projects/{id}", programme, id).exchange().expectStatus().isOk();
    }

    @Test
    void listsFilterByAspectKeyAreaRegionAndTierAndPageStably() {
        String tag = TestIdentities.unique("筛选项目");
        for (String suffix : new String[] {"张", "李", "王"}) {
            fixtures.project(programme, projectBody(tag + suffix, host));
        }
        Map<String, Object> otherAspect = projectBody(tag + "赵", host);
        otherAspect.put("aspect", "WORK_SAFETY");
        fixtures.project(programme, otherAspect);
        Map<String, Object> otherArea = projectBody(tag + "钱", host);
        otherArea.put("keyArea", "INDUSTRY");
        otherArea.put("regionCode", "610200");
        otherArea.put("tierStatus", "DEMONSTRATION");
        fixtures.project(programme, otherArea);

        web.get().uri(b -> b.path("/api/programmes/{p}/projects").queryParam("aspect", "ENGINEERING_EXCELLENCE")
                        .queryParam("keyArea", "TECH").queryParam("regionCode", "610100")
                        .queryParam("tierStatus", "CANDIDATE").queryParam("size", 2).build(programme))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].name").isEqualTo(tag + "李")
                .jsonPath("$.items[1].name").isEqualTo(tag + "王");
        web.get().uri(b -> b.path("/api/programmes/{p}/projects").queryParam("aspect", "ENGINEERING_EXCELLENCE")
                        .queryParam("keyArea", "TECH").queryParam("size", 2).queryParam("page", 1).build(programme))
                .exchange()
                .expectBody().jsonPath("$.items[0].name").isEqualTo(tag + "张");
        web.get().uri(b -> b.path("/api/programmes/{p}/projects").queryParam("tierStatus", "DEMONSTRATION")
                        .build(programme))
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo(tag + "钱");
        web.get().uri(b -> b.path("/api/programmes/{p}/projects").queryParam("regionCode", "610000")
                        .queryParam("sort", "name,desc").build(programme))
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(5).jsonPath("$.items[0].name").isEqualTo(tag + "赵");
    }

    /** Refused naming the field, the rule and its Chinese message, and nothing written. */
    private void expectRejected(Map<String, Object> body, String field, String rule, String message) {
        web.post().uri("/api/programmes/{p}/projects", programme).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isEqualTo(rule)
                .jsonPath("$.errors[0].message").isEqualTo(message);
        web.get().uri(b -> b.path("/api/programmes/{p}/projects").build(programme)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }
}
