package io.jingsai.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Accounts made through the API by the administrator, their one-time passwords changed, signed in with Basic. */
public final class TestAccounts {

    /** An account and the password it signs in with. */
    public record Created(long id, String username, String password) {
    }

    private final WebTestClient admin;
    private final WebTestClient web;

    /** @param admin a client signed in as the administrator; @param web a client without credentials */
    public TestAccounts(WebTestClient admin, WebTestClient web) {
        this.admin = admin;
        this.web = web;
    }

    /** A client signed in as a new account holding {@code grant} (role and programmeId or eventId). */
    public WebTestClient signedIn(Map<String, Object> grant) {
        return signIn(create(grant));
    }

    @SuppressWarnings("unchecked")
    public Created create(Map<String, Object> grant) {
        String username = "mx-" + UUID.randomUUID().toString().substring(0, 12);
        Map<String, Object> created = admin.post().uri("/api/accounts")
                .bodyValue(Map.of("username", username, "grants", List.of(grant)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String initial = (String) created.get("initialPassword");
        long id = ((Number) ((Map<String, Object>) created.get("account")).get("id")).longValue();
        String password = "changed-" + UUID.randomUUID();
        TestClients.anonymous(web).post().uri("/api/account/password")
                .headers(h -> h.setBasicAuth(username, initial))
                .bodyValue(Map.of("currentPassword", initial, "newPassword", password))
                .exchange().expectStatus().isNoContent();
        return new Created(id, username, password);
    }

    public WebTestClient signIn(Created account) {
        return TestClients.anonymous(web).mutate()
                .defaultHeaders(h -> h.setBasicAuth(account.username(), account.password())).build();
    }
}
