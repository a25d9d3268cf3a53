package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

@IntegrationTest
class OpenApiDocumentTests {

    @Autowired
    WebTestClient client;

    @Test
    void describesEveryRegistryResourceWithSchemasAndErrorResponses() {
        WebTestClient.BodyContentSpec document = TestClients.anonymous(client).get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody();

        for (String path : new String[] {"/api/enterprises", "/api/contestants", "/api/judges", "/api/teams",
                "/api/reference/trades", "/api/reference/aspects", "/api/imports/{kind}", "/api/imports/jobs/{id}",
                "/api/contestants/export"}) {
            document.jsonPath("$.paths['" + path + "']").exists();
        }
        document
                .jsonPath("$.paths['/api/enterprises'].post.requestBody.content['application/json'].schema").exists()
                .jsonPath("$.paths['/api/enterprises'].post.responses['400'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/enterprises/{id}'].put.responses['412']").exists()
                .jsonPath("$.paths['/api/enterprises/{id}'].put.responses['428']").exists()
                .jsonPath("$.paths['/api/enterprises/{id}'].delete.responses['409']").exists()
                .jsonPath("$.paths['/api/reference/trades'].get.responses['401']").doesNotExist()
                .jsonPath("$.components.schemas.Problem.properties.errors").exists()
                .jsonPath("$.components.securitySchemes.basic.scheme").isEqualTo("basic");
    }

    @Test
    void commandSchemasCarryExamples() {
        Map<?, ?> document = TestClients.anonymous(client).get().uri("/v3/api-docs").exchange()
                .expectBody(Map.class).returnResult().getResponseBody();

        Map<?, ?> schemas = (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas");
        assertThat(schemas.keySet().stream().map(Object::toString).filter(name -> name.endsWith("command")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(((Map<?, ?>) schemas.get(name)).get("example")).isNotNull());
    }
}
