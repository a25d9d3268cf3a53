package io.jingsai.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

@IntegrationTest
class ApplicationTests {

    WebTestClient web;

    @Autowired
    void clients(WebTestClient client) {
        web = TestClients.anonymous(client);
    }

    @Autowired
    DatabaseClient database;

    @Test
    void healthIsUpIncludingTheDatabase() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void flywayAppliedTheMigrations() {
        StepVerifier.create(database.sql("SELECT count(*) AS applied FROM flyway_schema_history WHERE success")
                        .map(row -> row.get("applied", Long.class)).one())
                .assertNext(applied -> assertThat(applied).isPositive())
                .verifyComplete();
    }

    @Test
    void databaseHandlesChineseText() {
        StepVerifier.create(database.sql("SELECT :text AS echoed").bind("text", "焊工 电工 数控车工")
                        .map(row -> row.get("echoed", String.class)).one())
                .expectNext("焊工 电工 数控车工")
                .verifyComplete();
    }

    @Test
    void prometheusMetricsNeedTheAdministrator() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentIsPublic() {
        TestClients.documentReader(web).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/reference/aspects']").exists();
    }
}
