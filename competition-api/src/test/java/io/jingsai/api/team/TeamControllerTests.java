package io.jingsai.api.team;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;

@IntegrationTest
class TeamControllerTests {

    @Autowired
    WebTestClient anonymous;

    WebTestClient web;
    TestRegistry registry;
    long enterprise;
    long trade;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
        enterprise = registry.enterprise();
        trade = registry.trade();
    }

    @Test
    void formsATeamKeepingMemberOrderAndReplacesMembers() {
        long a = registry.contestant(enterprise, trade);
        long b = registry.contestant(enterprise, trade);
        long c = registry.contestant(enterprise, trade);
        String name = TestIdentities.unique("焊接班组");
        long id = registry.create("/api/teams", Map.of("name", name, "enterpriseId", enterprise,
                "tradeId", trade, "scoreRule", "MEAN", "memberIds", List.of(c, a)));

        web.get().uri("/api/teams/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.memberIds[0]").isEqualTo(c).jsonPath("$.memberIds[1]").isEqualTo(a);
        web.put().uri("/api/teams/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(Map.of("name", name, "enterpriseId", enterprise, "scoreRule", "SUM",
                        "memberIds", List.of(b, c, a)))
                .exchange()
                .expectStatus().isOk();
        web.get().uri("/api/teams?enterpriseId={e}", enterprise).exchange()
                .expectBody()
                .jsonPath("$.items[0].memberIds.length()").isEqualTo(3)
                .jsonPath("$.items[0].memberIds[0]").isEqualTo(b)
                .jsonPath("$.items[0].scoreRule").isEqualTo("SUM");
    }

    @Test
    void membersMustBeContestantsOfTheTeamsEnterpriseListedOnce() {
        long own = registry.contestant(enterprise, trade);
        long foreign = registry.contestant(registry.enterprise(), trade);

        web.post().uri("/api/teams").bodyValue(Map.of("name", "混合班组", "enterpriseId", enterprise,
                        "scoreRule", "SUM", "memberIds", List.of(own, foreign, 999_999_999L)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("memberIds[1]")
                .jsonPath("$.errors[0].rule").isEqualTo("team.memberOfOtherEnterprise")
                .jsonPath("$.errors[1].field").isEqualTo("memberIds[2]")
                .jsonPath("$.errors[1].rule").isEqualTo("reference.missing");
        web.post().uri("/api/teams").bodyValue(Map.of("name", "重复班组", "enterpriseId", enterprise,
                        "scoreRule", "SUM", "memberIds", List.of(own, own)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("memberIds")
                .jsonPath("$.errors[0].rule").isEqualTo("memberIds.distinct");
        web.get().uri("/api/teams?enterpriseId={e}", enterprise).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aContestantInATeamCannotBeRemoved() {
        long member = registry.contestant(enterprise, trade);
        registry.team(enterprise, List.of(member));

        web.delete().uri("/api/contestants/{id}", member).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409);
    }
}
