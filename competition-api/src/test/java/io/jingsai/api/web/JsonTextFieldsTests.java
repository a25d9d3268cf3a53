package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.shared.MultilineText;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every text field of every request body, found from the command types themselves, refuses NUL, other control
 * characters, line breaks (except where a field allows several lines) and halves of surrogate pairs with a 400 that
 * names the field by its JSON path, and writes nothing.
 */
@IntegrationTest
class JsonTextFieldsTests {

    /** Where each request body goes, and the table a successful request would write. */
    private record Endpoint(HttpMethod method, String path, String table) {
    }

    private static final Map<String, Endpoint> ENDPOINTS = Map.ofEntries(
            Map.entry("TradeCommand", new Endpoint(HttpMethod.POST, "/api/reference/trades", "trade")),
            Map.entry("EnterpriseCommand", new Endpoint(HttpMethod.POST, "/api/enterprises", "enterprise")),
            Map.entry("ContestantCommand", new Endpoint(HttpMethod.POST, "/api/contestants", "contestant")),
            Map.entry("TeamCommand", new Endpoint(HttpMethod.POST, "/api/teams", "team")),
            Map.entry("JudgeCommand", new Endpoint(HttpMethod.POST, "/api/judges", "judge")),
            Map.entry("ProgrammeCommand", new Endpoint(HttpMethod.POST, "/api/programmes", "programme")),
            Map.entry("ProjectCommand", new Endpoint(HttpMethod.POST, "/api/programmes/1/projects", "project")),
            Map.entry("EvaluationCommand",
                    new Endpoint(HttpMethod.PUT, "/api/programmes/1/projects/1/evaluation", "project_evaluation")),
            Map.entry("EvaluationStep", new Endpoint(HttpMethod.POST, "/api/programmes/1/project-evaluation/transition",
                    "project_evaluation_round")),
            // writes nothing at all: the programme's rows stand for "nothing changed"
            Map.entry("FundAllocationCommand",
                    new Endpoint(HttpMethod.POST, "/api/programmes/1/fund-allocation", "programme")),
            Map.entry("EventCommand", new Endpoint(HttpMethod.POST, "/api/events", "event")),
            Map.entry("RegistrationCommand",
                    new Endpoint(HttpMethod.POST, "/api/events/1/registrations", "registration")),
            Map.entry("RegistrationChange",
                    new Endpoint(HttpMethod.PUT, "/api/events/1/registrations/1", "registration")),
            Map.entry("RegistrationWithdrawal",
                    new Endpoint(HttpMethod.POST, "/api/events/1/registrations/1/withdrawal", "registration")),
            Map.entry("StatusChange", new Endpoint(HttpMethod.POST, "/api/events/1/transition", "event")),
            Map.entry("PanelAssignment", new Endpoint(HttpMethod.POST, "/api/events/1/panel", "panel_member")),
            Map.entry("RoleChange", new Endpoint(HttpMethod.PUT, "/api/events/1/panel/1", "panel_member")),
            Map.entry("PanelPlanCommand",
                    new Endpoint(HttpMethod.POST, "/api/events/1/panel/assignment", "panel_plan")),
            Map.entry("ConflictDeclaration",
                    new Endpoint(HttpMethod.POST, "/api/events/1/panel/1/conflicts", "declared_conflict")),
            Map.entry("ScoreSheetCommand", new Endpoint(HttpMethod.POST,
                    "/api/events/1/registrations/1/score-sheets", "score_sheet")),
            Map.entry("AspectSheetCommand", new Endpoint(HttpMethod.POST,
                    "/api/events/1/aspects/P1b/marks", "score_sheet")),
            Map.entry("EntryRecordCommand", new Endpoint(HttpMethod.PUT,
                    "/api/events/1/registrations/1/record", "entry_record")),
            Map.entry("PenaltyCommand", new Endpoint(HttpMethod.POST,
                    "/api/events/1/registrations/1/penalties", "penalty")),
            Map.entry("PenaltyDecision", new Endpoint(HttpMethod.POST,
                    "/api/events/1/penalties/1/decision", "penalty")),
            Map.entry("RegistrationAbsence", new Endpoint(HttpMethod.POST,
                    "/api/events/1/registrations/1/absence", "registration")),
            // no text field: listed because every body type is
            Map.entry("BoardFreezeCommand",
                    new Endpoint(HttpMethod.POST, "/api/events/1/board/freeze", "board_freeze")),
            Map.entry("AccountCommand", new Endpoint(HttpMethod.POST, "/api/accounts", "account")),
            Map.entry("JudgeAccountsCommand", new Endpoint(HttpMethod.POST, "/api/accounts/judges", "account")),
            Map.entry("PasswordChange", new Endpoint(HttpMethod.POST, "/api/account/password", "auth_session")),
            Map.entry("SignInCommand", new Endpoint(HttpMethod.POST, "/api/auth/token", "auth_session")),
            Map.entry("RefreshCommand", new Endpoint(HttpMethod.POST, "/api/auth/refresh", "auth_session")));

    /** JSON string literals (escapes as sent on the wire) and the key of the rule each breaks. */
    private static final Map<String, String> BAD_TEXTS = new LinkedHashMap<>();

    static {
        BAD_TEXTS.put("\"a\\u0000b\"", "text.controlCharacter");
        BAD_TEXTS.put("\"\\u0000\"", "text.controlCharacter");
        BAD_TEXTS.put("\"\\u001b[31m\"", "text.controlCharacter");
        BAD_TEXTS.put("\"a\\u0085\"", "text.controlCharacter");
        BAD_TEXTS.put("\"\\ud800\"", "text.loneSurrogate");
        BAD_TEXTS.put("\"a\\udc00b\"", "text.loneSurrogate");
        BAD_TEXTS.put("\"\\ud83d\\ud83d\\udc77\"", "text.loneSurrogate");
    }

    private static final String LINE_BREAK = "\"line 1\\nline 2\"";
    private static final String PLACEHOLDER = "\"@@text@@\"";

    @Autowired
    WebTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    DatabaseClient database;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
    }

    @TestFactory
    Stream<DynamicTest> everyTextFieldOfEveryBodyObeysTheTextRule() {
        Set<Class<?>> bodies = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        ApiOperations.of(mapping).all().forEach(operation -> operation.bodyType().ifPresent(bodies::add));
        assertThat(bodies).extracting(Class::getSimpleName).containsExactlyInAnyOrderElementsOf(ENDPOINTS.keySet());

        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> body : bodies) {
            Endpoint endpoint = ENDPOINTS.get(body.getSimpleName());
            for (TextField field : textFields(body, "", false)) {
                tests.add(DynamicTest.dynamicTest(body.getSimpleName() + " " + field.path(),
                        () -> refusesBadTexts(endpoint, field)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(40);
        return tests.stream();
    }

    private void refusesBadTexts(Endpoint endpoint, TextField field) {
        Map<String, String> cases = new LinkedHashMap<>(BAD_TEXTS);
        if (!field.multiline()) {
            cases.put(LINE_BREAK, "text.lineBreak");
        }
        long rowsBefore = rows(endpoint.table());
        cases.forEach((literal, rule) -> web.method(endpoint.method()).uri(endpoint.path())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bodyWith(field.path(), literal))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field.path())
                .jsonPath("$.errors[0].rule").isEqualTo(rule));
        assertThat(rows(endpoint.table())).as("rows of " + endpoint.table()).isEqualTo(rowsBefore);
    }

    private long rows(String table) {
        return database.sql("SELECT COUNT(*) FROM " + table).map(row -> row.get(0, Long.class)).one().block();
    }

    // --- the text fields of a body type, as JSON paths ---

    record TextField(String path, boolean multiline) {
    }

    static List<TextField> textFields(Class<?> type, String prefix, boolean multiline) {
        List<TextField> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
            fields.addAll(textFields(component.getGenericType(), path,
                    component.isAnnotationPresent(MultilineText.class)));
        }
        return fields;
    }

    private static List<TextField> textFields(Type type, String path, boolean multiline) {
        if (type == String.class) {
            return List.of(new TextField(path, multiline));
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return textFields(list.getActualTypeArguments()[0], path + "[0]", multiline);
        }
        if (type instanceof Class<?> nested && nested.isRecord()) {
            return textFields(nested, path, false);
        }
        return List.of();
    }

    /** A body holding only the given JSON literal at the path, its parents created on the way. */
    @SuppressWarnings("unchecked")
    private static String bodyWith(String path, String literal) {
        Map<String, Object> root = new LinkedHashMap<>();
        Object container = root;
        String[] steps = path.replace("[0]", ".[0]").split("\\.");
        for (int i = 0; i < steps.length; i++) {
            boolean last = i == steps.length - 1;
            Object child = last ? "@@text@@" : steps[i + 1].equals("[0]") ? new ArrayList<>() : new LinkedHashMap<>();
            if (container instanceof Map<?, ?> map) {
                ((Map<String, Object>) map).put(steps[i], child);
            } else {
                ((List<Object>) container).add(child);
            }
            container = child;
        }
        return JsonMapper.builder().build().writeValueAsString(root).replace(PLACEHOLDER, literal);
    }
}
