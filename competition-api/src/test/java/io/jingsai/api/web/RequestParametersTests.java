package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;

/**
 * Query and path parameters of every operation: unknown, repeated, malformed and out-of-range values are a 400
 * naming the parameter, never a 500 nor an empty page that looks like "nothing matches".
 */
@IntegrationTest
class RequestParametersTests {

    @Autowired
    WebTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    WebTestClient admin;
    WebTestClient anonymous;
    ApiOperations operations;

    @BeforeEach
    void setUp() {
        admin = TestClients.administrator(client);
        anonymous = TestClients.anonymous(client);
        operations = ApiOperations.of(mapping);
    }

    @Test
    void theOperationsAreFound() {
        assertThat(operations.gets()).extracting(ApiOperations.Operation::pattern)
                .contains("/api/reference/trades", "/api/contestants", "/api/events/{eventId}/registrations");
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesAQueryParameterItDoesNotDeclare() {
        return operations.all().stream().map(operation -> DynamicTest.dynamicTest(operation.label(), () -> {
            String declared = operation.queryParameters().stream().map(ApiOperations.Param::name).sorted()
                    .collect(Collectors.joining(", "));
            refused(admin, operation, operation.path() + "?regoinCode=610000", "regoinCode",
                    declared.isEmpty() ? "parameter.none" : "parameter.unknown");
            if (!declared.isEmpty() && operation.method() == HttpMethod.GET) {
                admin.method(operation.method()).uri(URI.create(operation.path() + "?regoinCode=610000"))
                        .header("Accept-Language", "en")
                        .exchange()
                        .expectBody().jsonPath("$.errors[0].message")
                        .isEqualTo("is not a parameter of this operation; its parameters are " + declared);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyQueryParameterIsGivenOnce() {
        return perQueryParameter(parameter -> true, (operation, parameter) ->
                refused(admin, operation, operation.path() + "?" + parameter.name() + "=1&" + parameter.name() + "=2",
                        parameter.name(), "parameter.repeated"));
    }

    @TestFactory
    Stream<DynamicTest> everyTextQueryParameterRefusesControlCharacters() {
        return perQueryParameter(parameter -> parameter.type() == String.class, (operation, parameter) -> {
            for (String value : List.of("a%00b", "%00", "a%0Ab", "%1B%5B31m", "%C2%85")) {
                refused(admin, operation, operation.path() + "?" + parameter.name() + "=" + value, parameter.name(),
                        value.equals("a%0Ab") ? "text.lineBreak" : "text.controlCharacter");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyWholeNumberInTheQueryIsDigitsOnly() {
        return perQueryParameter(ApiOperations.Param::isWholeNumber, (operation, parameter) -> {
            for (String value : List.of("0x10", "%2310", "%2012%20", "%D9%A1", "1.5", "1e2", "%2B1",
                    "99999999999999999999")) {
                refused(admin, operation, operation.path() + "?" + parameter.name() + "=" + value, parameter.name(),
                        "type.wholeNumber");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyWholeNumberInThePathIsDigitsOnly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiOperations.Operation operation : operations.all()) {
            for (ApiOperations.Param variable : operation.pathVariables()) {
                if (variable.isWholeNumber()) {
                    tests.add(DynamicTest.dynamicTest(operation.label() + " " + variable.name(), () -> {
                        for (String value : List.of("0x10", "%2310", "%D9%A1", "1.5", "%2B1", "99999999999999999999")) {
                            refused(admin, operation, operation.path(variable.name(), value), variable.name(),
                                    "type.wholeNumber");
                        }
                    }));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(10);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyIdFilterIsPositive() {
        return perQueryParameter(parameter -> parameter.type() == Long.class, (operation, parameter) -> {
            for (String value : List.of("0", "-1")) {
                refused(admin, operation, operation.path() + "?" + parameter.name() + "=" + value, parameter.name(),
                        "positive");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyEnumFilterListsItsValues() {
        return perQueryParameter(parameter -> parameter.type().isEnum(), (operation, parameter) -> {
            String values = Arrays.stream(parameter.type().getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            for (String value : List.of("NOPE", "0", "draft%00")) {
                refused(admin, operation, operation.path() + "?" + parameter.name() + "=" + value, parameter.name(),
                        value.contains("%00") ? "text.controlCharacter" : "oneOf");
            }
            admin.get().uri(URI.create(operation.path() + "?" + parameter.name() + "=NOPE"))
                    .header("Accept-Language", "en").exchange()
                    .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be one of " + values);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRegionFilterIsAnAdministrativeDivisionCode() {
        return perQueryParameter(parameter -> parameter.name().equals("regionCode"), (operation, parameter) -> {
            for (String value : List.of("abc", "6101", "991000", "6100001")) {
                refused(admin, operation, operation.path() + "?regionCode=" + value, "regionCode",
                        value.equals("991000") ? "divisionCode.province" : "divisionCode.format");
            }
        });
    }

    /** {@code sort=,} gave a 500 on every list, anonymous included. */
    @TestFactory
    Stream<DynamicTest> everySortRefusesMalformedKeys() {
        return perQueryParameter(parameter -> parameter.name().equals("sort"), (operation, parameter) -> {
            for (String value : List.of("%2C", "%3B", "%2C%2C", "%2Cdesc", "%3B%3B")) {
                refused(admin, operation, operation.path() + "?sort=" + value, "sort", "sort.field");
            }
        });
    }

    @Test
    void anonymousListsRefuseMalformedInputToo() {
        ApiOperations.Operation trades = operations.gets().stream()
                .filter(operation -> operation.pattern().equals("/api/reference/trades")).findFirst().orElseThrow();
        refused(anonymous, trades, "/api/reference/trades?sort=%2C", "sort", "sort.field");
        refused(anonymous, trades, "/api/reference/trades?q=%00", "q", "text.controlCharacter");
        refused(anonymous, trades, "/api/reference/trades?quer=1", "quer", "parameter.unknown");
    }

    @Test
    void programmeYearsAreThoseAProgrammeCanHave() {
        for (String year : List.of("1999", "2101")) {
            admin.get().uri("/api/programmes?year=" + year).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("year");
        }
        admin.get().uri("/api/programmes?year=2024").exchange().expectStatus().isOk();
    }

    @Test
    void projectFiltersTakeCodesOnly() {
        admin.get().uri("/api/programmes/1/projects?aspect=abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("aspect");
        admin.get().uri("/api/programmes/1/projects?keyArea=a%20b").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("keyArea");
    }

    @Test
    void emptyValuesMeanNoFilterAndWellFormedOnesStillWork() {
        admin.get().uri("/api/enterprises?regionCode=&q=&ownership=&page=&sort=").exchange().expectStatus().isOk();
        admin.get().uri("/api/contestants?enterpriseId=&tradeId=&regionCode=610000&q=%E7%8E%8B").exchange()
                .expectStatus().isOk();
        admin.get().uri("/api/enterprises?regionCode=610100&ownership=PRIVATE&sort=name,desc;createdAt").exchange()
                .expectStatus().isOk();
    }

    private Stream<DynamicTest> perQueryParameter(java.util.function.Predicate<ApiOperations.Param> which,
                                                  java.util.function.BiConsumer<ApiOperations.Operation,
                                                          ApiOperations.Param> test) {
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiOperations.Operation operation : operations.gets()) {
            for (ApiOperations.Param parameter : operation.queryParameters()) {
                if (which.test(parameter)) {
                    tests.add(DynamicTest.dynamicTest(operation.label() + " " + parameter.name(),
                            () -> test.accept(operation, parameter)));
                }
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    private static void refused(WebTestClient web, ApiOperations.Operation operation, String pathAndQuery,
                                String field, String rule) {
        web.method(operation.method()).uri(URI.create(pathAndQuery))
                .headers(headers -> {
                    if (operation.contentType() != null) {
                        headers.setContentType(operation.contentType());
                    }
                })
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).value(problem -> {
                    List<?> errors = (List<?>) problem.get("errors");
                    assertThat(errors).as(pathAndQuery + " → " + problem).hasSize(1);
                    Map<?, ?> error = (Map<?, ?>) errors.get(0);
                    assertThat(error.get("field")).as(pathAndQuery).isEqualTo(field);
                    assertThat(error.get("rule")).as(pathAndQuery).isEqualTo(rule);
                });
    }
}
