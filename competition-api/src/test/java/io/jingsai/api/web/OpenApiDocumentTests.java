package io.jingsai.api.web;

import static io.jingsai.api.web.ApiDocument.JSON;
import static io.jingsai.api.web.ApiDocument.MULTIPART;
import static io.jingsai.api.web.ApiDocument.PROBLEM_JSON;
import static io.jingsai.api.web.ApiDocument.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.web.ApiDocument.Operation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document's shape: what tools and generated clients rely on (ids, descriptions, status codes, headers,
 * media types, schema names and bounds). {@link OpenApiConformanceTests} then checks it against the running server.
 */
@IntegrationTest
class OpenApiDocumentTests {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    WebTestClient web;

    private ApiDocument document;

    @BeforeEach
    void readDocument() {
        document = ApiDocument.read(web);
    }

    @Test
    void describesEveryRegistryResource() {
        assertThat(map(document.raw().get("paths"))).containsKeys("/api/enterprises", "/api/contestants",
                "/api/judges", "/api/teams", "/api/programmes", "/api/programmes/{programmeId}/projects",
                "/api/events", "/api/events/{eventId}/registrations", "/api/reference/trades",
                "/api/reference/aspects", "/api/imports/{kind}", "/api/imports/jobs/{id}", "/api/contestants/export");
        assertThat(map(map(map(document.raw().get("components")).get("securitySchemes")).get("basic")))
                .containsEntry("type", "http").containsEntry("scheme", "basic");
    }

    /** Saves the document where {@code src/test/openapi/lint.sh} lints it by default. */
    @Test
    void savesTheDocumentForTheLinters() throws IOException {
        Path saved = Path.of("target", "openapi", "api-docs.json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(document.raw()));
        assertThat(JsonMapper.builder().build().readValue(saved.toFile(), Map.class)).isEqualTo(document.raw());
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdASummaryAndADescription() {
        List<Operation> operations = document.operations();
        assertThat(operations).extracting(Operation::id)
                .allSatisfy(id -> assertThat(id).matches("[a-z][a-zA-Z0-9]*").doesNotContain("_"))
                .doesNotHaveDuplicates();
        assertThat(operations).allSatisfy(operation -> {
            assertThat((String) operation.spec().get("summary")).as("summary of %s", operation).isNotBlank();
            assertThat((String) operation.spec().get("description")).as("description of %s", operation).isNotBlank();
            assertThat((List<?>) operation.spec().get("tags")).as("tags of %s", operation).isNotEmpty();
        });
        assertThat(operations).extracting(Operation::id)
                .contains("listEnterprises", "getEnterprise", "createEnterprise", "updateEnterprise",
                        "deleteEnterprise", "exportContestants", "startImport", "getImportJob");
    }

    @Test
    void schemaNamesAreIdentifiersAndEveryRequestBodyHasAnExample() {
        assertThat(document.schemas().keySet()).allSatisfy(name -> assertThat(name).matches("[A-Z][A-Za-z0-9]*"));
        document.operations().stream().filter(operation -> operation.requestMediaTypes().contains(JSON))
                .forEach(operation -> assertThat(document.example(operation)).as("example of %s", operation)
                        .isNotEmpty());
    }

    /**
     * A POST to a named step (a withdrawal, a key rotation, assigning a panel's judges automatically) acts on
     * something rather than creating a resource; so do one aspect's marks across entries, which go into the entries'
     * sheets.
     */
    private static boolean isAction(Operation operation) {
        return operation.path().endsWith("/withdrawal") || operation.path().endsWith("/password-reset")
                || operation.path().endsWith("/absence") || operation.path().endsWith("/decision")
                || operation.path().endsWith("/transition") || operation.path().endsWith("/reveal")
                || operation.path().endsWith("/key-rotation") || operation.path().endsWith("/recomputation")
                || operation.path().endsWith("/fund-allocation") || operation.path().endsWith("/panel/assignment")
                || operation.path().endsWith("/marks") || operation.path().endsWith("/issuance")
                || operation.path().equals("/api/auth/token") || operation.path().equals("/api/auth/refresh");
    }

    /** Actions that answer nothing: changing one's password, logging out. */
    private static boolean isBodilessAction(Operation operation) {
        return operation.path().equals("/api/account/password") || operation.path().equals("/api/auth/logout");
    }

    @Test
    void createsAnswer201ImportsAnswer202AndDeletesAnswer204() {
        for (Operation operation : document.operations()) {
            String expected = switch (operation.method()) {
                case "post" -> operation.requestMediaTypes().contains(MULTIPART) ? "202"
                        : isAction(operation) ? "200" : isBodilessAction(operation) ? "204" : "201";
                case "delete" -> "204";
                default -> "200";
            };
            assertThat(operation.success()).as("success status of %s", operation).isEqualTo(expected);
            if (expected.equals("201") || expected.equals("202")) {
                assertThat(operation.documentsHeader(expected, "Location")).as("Location of %s", operation).isTrue();
            }
            if (expected.equals("204")) {
                assertThat(operation.mediaTypes("204")).as("a 204 of %s has no body", operation).isEmpty();
            }
        }
    }

    @Test
    void changesAndRemovalsRequireIfMatchAndDocumentItsFailures() {
        document.operations().stream()
                .filter(operation -> operation.method().equals("put") || operation.method().equals("delete"))
                .forEach(operation -> {
                    assertThat(operation.parameter("header", "If-Match")).as("If-Match of %s", operation)
                            .hasValueSatisfying(ifMatch -> assertThat(ifMatch).containsEntry("required", true));
                    assertThat(operation.mediaTypes("412")).as("412 of %s", operation).containsExactly(PROBLEM_JSON);
                    assertThat(operation.mediaTypes("428")).as("428 of %s", operation).containsExactly(PROBLEM_JSON);
                });
    }

    @Test
    void versionedReadsDocumentTheirETagAndNotModified() {
        List<Operation> versionedReads = document.operations().stream()
                .filter(operation -> operation.method().equals("get") && operation.documentsHeader("200", "ETag"))
                .toList();
        assertThat(versionedReads).extracting(Operation::id).contains("getEnterprise", "getContestant", "getTeam",
                "getJudge", "getTrade", "getProgramme", "getProject", "getEvent", "getRegistration");
        assertThat(versionedReads).allSatisfy(operation -> {
            assertThat(operation.responses()).as("responses of %s", operation).containsKey("304");
            assertThat(operation.mediaTypes("304")).isEmpty();
            assertThat(operation.parameter("header", "If-None-Match")).as("If-None-Match of %s", operation)
                    .isPresent();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void downloadsDeclareBothSpreadsheetTypesAsBinaryChosenByFormat() {
        List<Operation> downloads = document.operations().stream()
                .filter(operation -> !operation.mediaTypes("200").isEmpty()
                        && !operation.mediaTypes("200").contains(JSON)
                        && !operation.mediaTypes("200").contains("text/event-stream"))
                .toList();
        assertThat(downloads).extracting(Operation::id)
                .containsExactlyInAnyOrder("getImportTemplate", "exportContestants", "exportRegistrations",
                        "exportResults", "exportJudgeSheets", "exportFundAllocation", "exportProgrammeStandings");
        assertThat(downloads).allSatisfy(operation -> {
            assertThat(operation.mediaTypes("200")).containsExactlyInAnyOrder(CSV, XLSX);
            map(operation.response("200").get("content")).values().forEach(media ->
                    assertThat(map(map(media).get("schema"))).containsEntry("type", "string")
                            .containsEntry("format", "binary"));
            assertThat(operation.documentsHeader("200", "Content-Disposition")).isTrue();
            assertThat(operation.parameter("query", "format")).hasValueSatisfying(format ->
                    assertThat((List<Object>) map(format.get("schema")).get("enum"))
                            .containsExactlyInAnyOrder("csv", "xlsx"));
        });
    }

    @Test
    void everyErrorIsAProblemAndPublicReadsNeedNoSignIn() {
        for (Operation operation : document.operations()) {
            operation.responses().keySet().stream().filter(status -> status.startsWith("4") || status.startsWith("5"))
                    .forEach(status -> assertThat(operation.mediaTypes(status)).as("%s of %s", status, operation)
                            .containsExactly(PROBLEM_JSON));
            boolean publicRead = operation.method().equals("get")
                    && (operation.path().startsWith("/api/reference/") || operation.path().startsWith("/api/public/"));
            assertThat(operation.responses().containsKey("401")).as("401 of %s", operation).isEqualTo(!publicRead);
        }
        assertThat(map(map(document.schemas().get("Problem")).get("properties")))
                .containsKeys("status", "title", "errors");
    }

    @Test
    void boundsSayWhatBeanValidationChecks() {
        Map<String, Object> contestant = properties("ContestantCommand");
        // @Positive: 0 is refused, which OpenAPI 3.1 writes as a number-valued exclusiveMinimum.
        assertThat(map(contestant.get("enterpriseId"))).containsEntry("exclusiveMinimum", 0)
                .doesNotContainKey("minimum");
        assertThat(map(map(properties("TeamCommand").get("memberIds")).get("items")))
                .containsEntry("exclusiveMinimum", 0);
        assertThat(map(properties("TeamCommand").get("memberIds"))).containsEntry("uniqueItems", true);
        assertThat(map(properties("TierQuotas").get("demonstration"))).containsEntry("exclusiveMinimum", 0);
        // @PositiveOrZero: 0 is fine.
        assertThat(map(properties("ProgrammeCommand").get("fundFen"))).containsEntry("minimum", 0)
                .doesNotContainKey("exclusiveMinimum");
        // @NotBlank with @Size(max): blank is refused, so at least one character.
        assertThat(map(contestant.get("name"))).containsEntry("minLength", 1).containsEntry("maxLength", 100);
        // Identifiers carry the pattern of their normalised form, and the example matches it.
        String idPattern = (String) map(contestant.get("idNumber")).get("pattern");
        assertThat((String) document.example(document.operation("createContestant")).get("idNumber"))
                .matches(idPattern);
        String creditCodePattern = (String) map(properties("EnterpriseCommand").get("creditCode")).get("pattern");
        assertThat((String) document.example(document.operation("createEnterprise")).get("creditCode"))
                .matches(creditCodePattern);
        // @Pattern matches the whole value; a schema pattern matches anywhere unless anchored.
        eachSchema((name, schema) -> {
            if (schema.get("pattern") instanceof String pattern) {
                assertThat(pattern).as("pattern in %s", name).startsWith("^").endsWith("$");
            }
            assertThat(schema.get("exclusiveMinimum")).as("exclusiveMinimum in %s", name)
                    .satisfiesAnyOf(value -> assertThat(value).isNull(),
                            value -> assertThat(value).isInstanceOf(Number.class));
        });
        assertThat(((Number) map(map(document.operation("listEnterprises").parameter("query", "size").orElseThrow()
                .get("schema"))).get("maximum")).intValue()).isEqualTo(200);
        assertThat(new BigDecimal(map(map(document.operation("listEnterprises").parameter("query", "page")
                .orElseThrow().get("schema"))).get("minimum").toString())).isZero();
    }

    private Map<String, Object> properties(String schema) {
        return map(map(document.schemas().get(schema)).get("properties"));
    }

    private void eachSchema(BiConsumer<String, Map<String, Object>> check) {
        document.schemas().forEach((name, schema) -> walk(name, map(schema), check));
    }

    private static void walk(String name, Map<String, Object> schema, BiConsumer<String, Map<String, Object>> check) {
        check.accept(name, schema);
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((property, value) -> walk(name + "." + property, map(value), check));
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            walk(name + "[]", map(items), check);
        }
    }
}
