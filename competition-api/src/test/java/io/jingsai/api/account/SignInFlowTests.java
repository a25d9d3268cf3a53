package io.jingsai.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/** Over HTTP: one-time passwords, bearer tokens, refresh, logout, password changes and back-off. */
@IntegrationTest
class SignInFlowTests {

    @Autowired
    WebTestClient web;

    private WebTestClient anonymous() {
        return TestClients.anonymous(web);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> newOrganizer(String username) {
        WebTestClient admin = TestClients.administrator(web);
        long programme = new TestRegistry(admin).create("/api/programmes",
                RegistryFixtures.programmeBody(TestIdentities.unique("登录测试")));
        return admin.post().uri("/api/accounts")
                .bodyValue(Map.of("username", username, "grants",
                        List.of(Map.of("role", "ORGANIZER", "programmeId", programme))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> token(String username, String password) {
        return anonymous().post().uri("/api/auth/token").bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String path, String bearer) {
        return anonymous().get().uri(path).headers(h -> h.setBearerAuth(bearer)).exchange();
    }

    @Test
    void aOneTimePasswordAllowsOnlyChangingItThenTokensRefreshAndLogoutRevokes() {
        String username = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        String initial = (String) newOrganizer(username).get("initialPassword");
        assertThat(initial).hasSizeGreaterThanOrEqualTo(20);

        Map<String, Object> first = token(username, initial);
        assertThat(first).containsEntry("tokenType", "Bearer").containsEntry("passwordChangeRequired", true);
        String pending = (String) first.get("accessToken");
        get("/api/enterprises", pending).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("POST /api/account/password"));
        anonymous().get().uri("/api/enterprises").headers(h -> h.setBasicAuth(username, initial)).exchange()
                .expectStatus().isForbidden();
        get("/api/account", pending).expectStatus().isOk().expectBody()
                .jsonPath("$.passwordChangeRequired").isEqualTo(true)
                .jsonPath("$.grants[0].role").isEqualTo("ORGANIZER");

        String password = "a-long-new-passphrase";
        anonymous().post().uri("/api/account/password").headers(h -> h.setBearerAuth(pending))
                .bodyValue(Map.of("currentPassword", initial, "newPassword", password))
                .exchange().expectStatus().isNoContent();
        get("/api/account", pending).expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*");
        anonymous().get().uri("/api/account").headers(h -> h.setBasicAuth(username, initial)).exchange()
                .expectStatus().isUnauthorized();

        Map<String, Object> second = token(username, password);
        assertThat(second).containsEntry("passwordChangeRequired", false);
        String access = (String) second.get("accessToken");
        get("/api/enterprises", access).expectStatus().isOk();

        Map<?, ?> refreshed = anonymous().post().uri("/api/auth/refresh")
                .bodyValue(Map.of("refreshToken", second.get("refreshToken")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        anonymous().post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", second.get("refreshToken")))
                .exchange().expectStatus().isUnauthorized();
        String renewed = (String) refreshed.get("accessToken");
        get("/api/enterprises", renewed).expectStatus().isOk();

        anonymous().post().uri("/api/auth/logout").headers(h -> h.setBearerAuth(renewed)).exchange()
                .expectStatus().isNoContent();
        get("/api/enterprises", renewed).expectStatus().isUnauthorized();
        get("/api/enterprises", access).expectStatus().isUnauthorized();
        anonymous().post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", refreshed.get("refreshToken")))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerThenBackOffLocksEvenTheRightPassword() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        String initial = (String) newOrganizer(username).get("initialPassword");

        byte[] wrong = anonymous().post().uri("/api/auth/token")
                .bodyValue(Map.of("username", username, "password", "not-the-password"))
                .exchange().expectStatus().isUnauthorized().expectBody(byte[].class).returnResult()
                .getResponseBody();
        byte[] unknown = anonymous().post().uri("/api/auth/token")
                .bodyValue(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "not-the-password"))
                .exchange().expectStatus().isUnauthorized().expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(new String(wrong)).isEqualTo(new String(unknown));

        for (int i = 0; i < 5; i++) { // failures 2 to 6: the sixth locks the name for a second
            anonymous().get().uri("/api/account").headers(h -> h.setBasicAuth(username, "not-the-password"))
                    .exchange().expectStatus().isUnauthorized();
        }
        anonymous().post().uri("/api/auth/token").bodyValue(Map.of("username", username, "password", initial))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("秒"));
        anonymous().get().uri("/api/account").headers(h -> h.setBasicAuth(username, initial)).exchange()
                .expectStatus().isEqualTo(429);
    }

    @Test
    void anOrganizerGrantsJudgesOnlyOnEventsOfTheirProgrammesAndCreatesJudgeAccountsInBulk() {
        WebTestClient admin = TestClients.administrator(web);
        TestRegistry registry = new TestRegistry(admin);
        long trade = registry.trade();
        long here = registry.create("/api/programmes", RegistryFixtures.programmeBody(TestIdentities.unique("授权此处")));
        long elsewhere = registry.create("/api/programmes",
                RegistryFixtures.programmeBody(TestIdentities.unique("授权别处")));
        long event = registry.create("/api/events", RegistryFixtures.eventBody(here, trade,
                TestIdentities.unique("授权赛项")));
        long otherEvent = registry.create("/api/events", RegistryFixtures.eventBody(elsewhere, trade,
                TestIdentities.unique("授权别处赛项")));
        long judgeA = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判甲"),
                "qualification", "PROVINCIAL"));
        long judgeB = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判乙"),
                "qualification", "PROVINCIAL"));
        String organizer = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String initial = (String) admin.post().uri("/api/accounts").bodyValue(Map.of("username", organizer,
                        "grants", List.of(Map.of("role", "ORGANIZER", "programmeId", here))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("initialPassword");
        anonymous().post().uri("/api/account/password").headers(h -> h.setBasicAuth(organizer, initial))
                .bodyValue(Map.of("currentPassword", initial, "newPassword", "organizer-passphrase"))
                .exchange().expectStatus().isNoContent();
        WebTestClient org = anonymous().mutate().defaultHeaders(h -> h.setBasicAuth(organizer,
                "organizer-passphrase")).build();

        org.post().uri("/api/accounts").bodyValue(Map.of("username", "j-" + UUID.randomUUID().toString()
                        .substring(0, 8), "grants", List.of(Map.of("role", "JUDGE", "eventId", otherEvent))))
                .exchange().expectStatus().isForbidden();
        org.post().uri("/api/accounts").bodyValue(Map.of("username", "o-" + UUID.randomUUID().toString()
                        .substring(0, 8), "grants", List.of(Map.of("role", "ORGANIZER", "programmeId", here))))
                .exchange().expectStatus().isForbidden();
        org.post().uri("/api/accounts/judges").bodyValue(Map.of("eventId", otherEvent, "role", "JUDGE",
                "judgeIds", List.of(judgeA))).exchange().expectStatus().isForbidden();

        org.post().uri("/api/accounts/judges").bodyValue(Map.of("eventId", event, "role", "JUDGE",
                        "judgeIds", List.of(judgeA, judgeB)))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].account.username").isEqualTo("judge-" + judgeA)
                .jsonPath("$.items[0].account.passwordChangeRequired").isEqualTo(true)
                .jsonPath("$.items[0].initialPassword").isNotEmpty()
                .jsonPath("$.items[1].account.grants[0].eventId").isEqualTo(event);
        org.post().uri("/api/accounts/judges").bodyValue(Map.of("eventId", event, "role", "CHIEF_JUDGE",
                        "judgeIds", List.of(judgeA)))
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.items[0].initialPassword").doesNotExist()
                .jsonPath("$.items[0].account.grants.length()").isEqualTo(2);
    }
}
