package io.jingsai.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;

/**
 * Rotation against the database. The test context knows two keys, t1 (active) and t2: the first test re-seals
 * everything under t2, as a deployment that made t2 active would, and the second rotates back through the endpoint,
 * so the database ends a run as it began, under t1.
 */
@IntegrationTest
class KeyRotationTests {

    private static final String UNSEALED_UNDER = """
            SELECT (SELECT count(*) FROM contestant WHERE id_number NOT LIKE :prefix OR phone NOT LIKE :prefix)
                 + (SELECT count(*) FROM judge WHERE phone NOT LIKE :prefix OR email NOT LIKE :prefix)""";

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    KeyRotation rotation;

    WebTestClient web;
    TestRegistry registry;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
    }

    @Test
    void valuesSealedUnderTheOldKeyAreReadableAfterRotationAndNoneIsLeftUnderIt() {
        String idNumber = TestIdentities.residentId();
        long contestant = contestant(idNumber, "13912345678");
        long judge = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判"),
                "qualification", "NATIONAL", "phone", "13987654321", "email", "rotate@example.cn"));
        assertThat(sealed("contestant", "id_number", contestant)).startsWith("t1:");
        String etag = etag("/api/contestants/" + contestant);

        RotationView rotated = rotation.rotate(cipher.withActiveKey("t2")).block(Duration.ofMinutes(5));

        assertThat(rotated.keyId()).isEqualTo("t2");
        assertThat(rotated.resealed()).isGreaterThanOrEqualTo(4);
        assertThat(unsealedUnder("t2")).as("values not sealed under t2").isZero();
        assertThat(sealed("contestant", "id_number", contestant)).startsWith("t2:");
        assertThat(sealed("judge", "email", judge)).startsWith("t2:");
        web.get().uri("/api/contestants/{id}?reveal=idNumber&reason=轮换后核对", contestant).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", etag)
                .expectBody().jsonPath("$.idNumber").isEqualTo(idNumber).jsonPath("$.phone").isEqualTo("13912345678");
        web.get().uri("/api/judges/{id}?reveal=contact&reason=轮换后核对", judge).exchange()
                .expectBody().jsonPath("$.email").isEqualTo("rotate@example.cn");
        assertThat(rotation.rotate(cipher.withActiveKey("t2")).block(Duration.ofMinutes(5)).resealed())
                .as("a second rotation to the same key").isZero();
        // uniqueness does not depend on the key: the hash has its own
        web.post().uri("/api/contestants").bodyValue(body(idNumber, null)).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void theAdministratorRotatesToTheConfiguredKeyThroughTheEndpoint() {
        String idNumber = TestIdentities.residentId();
        long contestant = contestant(idNumber, null);
        rotation.rotate(cipher.withActiveKey("t2")).block(Duration.ofMinutes(5));

        web.post().uri("/api/privacy/key-rotation").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keyId").isEqualTo("t1")
                .jsonPath("$.resealed").value(n -> assertThat(((Number) n).longValue()).isPositive());

        assertThat(unsealedUnder("t1")).isZero();
        web.get().uri("/api/contestants/{id}?reveal=idNumber&reason=轮换后核对", contestant).exchange()
                .expectBody().jsonPath("$.idNumber").isEqualTo(idNumber);
        anonymous.post().uri("/api/privacy/key-rotation").exchange().expectStatus().isUnauthorized();
    }

    private long contestant(String idNumber, String phone) {
        return registry.create("/api/contestants", body(idNumber, phone));
    }

    private Map<String, Object> body(String idNumber, String phone) {
        Map<String, Object> body = new HashMap<>(TestRegistry.contestantBody(TestIdentities.unique("轮换"), idNumber,
                registry.enterprise(), registry.trade()));
        if (phone != null) {
            body.put("phone", phone);
        }
        return body;
    }

    private String etag(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().returnResult(byte[].class).getResponseHeaders()
                .getETag();
    }

    private long unsealedUnder(String keyId) {
        return database.sql(UNSEALED_UNDER).bind("prefix", keyId + ":%")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30));
    }

    private String sealed(String table, String column, long id) {
        return database.sql("SELECT " + column + " AS v FROM " + table + " WHERE id = :id").bind("id", id)
                .map(row -> row.get("v", String.class)).one().block(Duration.ofSeconds(30));
    }
}
