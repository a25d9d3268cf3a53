package io.jingsai.api.web;

import static io.jingsai.api.web.ApiDocument.JSON;
import static io.jingsai.api.web.ApiDocument.PROBLEM_JSON;
import static io.jingsai.api.web.ApiDocument.map;
import static io.jingsai.api.web.OpenApiDocumentTests.CSV;
import static io.jingsai.api.web.OpenApiDocumentTests.XLSX;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.programme.RegistryFixtures;
import io.jingsai.api.web.ApiDocument.Operation;
import io.jingsai.api.web.SchemaViolations.Violation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against the server. Every operation of the document is called as the document describes it
 * and must answer as documented (status, media type, headers); every request-body example must be accepted as it
 * stands; every rule a request schema states must be one the server enforces.
 *
 * <p>Examples are static, so they refer to other records by id as on a new database (enterprise 1, contestant 1 …).
 * The test sends each example unchanged except for those references, which it points at the records it created from
 * the earlier examples; the trade the examples name is a built-in one, the same on every database, and is kept. It
 * removes everything it created through the API's own delete operations, and first removes rows that hold the
 * examples' unique keys from an interrupted run ({@link ExampleLeftovers}).
 */
@IntegrationTest
class OpenApiConformanceTests {

    /** An id no record has: a refused request must not reach a record, and one wrongly accepted must write nothing. */
    private static final long NO_SUCH_ID = 9_000_000_000_000L;
    private static final int DOWNLOAD_BYTES = 256 * 1024 * 1024;
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    PersonalDataCipher cipher;

    private ApiDocument document;
    private WebTestClient admin;
    private final Set<String> exercised = new TreeSet<>();

    @BeforeEach
    void readDocument() {
        document = ApiDocument.read(web);
        admin = TestClients.administrator(web);
    }

    @Test
    void everyOperationAnswersAsDocumentedAndEveryExampleIsAccepted() {
        ExampleLeftovers leftovers = ExampleLeftovers.of(document, cipher);
        leftovers.remove(database);
        try {
            walkThroughTheApi();
        } finally {
            leftovers.remove(database);
        }
        assertThat(exercised).as("operations called")
                .containsExactlyInAnyOrderElementsOf(document.operations().stream().map(Operation::id).toList());
    }

    @Test
    void theServerRefusesWhatTheRequestSchemasRuleOut() {
        ExampleLeftovers leftovers = ExampleLeftovers.of(document, cipher);
        SchemaViolations violations = new SchemaViolations(document);
        List<String> checked = new ArrayList<>();
        try {
            for (Operation operation : document.operations()) {
                if (!operation.requestMediaTypes().contains(JSON)) {
                    continue;
                }
                Map<String, Object> example = referringToNoRecord(document.example(operation));
                for (Violation violation : violations.of(document.requestSchema(operation), example)) {
                    // Updates go without If-Match to an id no record has: nothing can change even if accepted.
                    EntityExchangeResult<byte[]> answer = admin
                            .method(HttpMethod.valueOf(operation.method().toUpperCase()))
                            .uri(operation.path(), noSuchRecord(operation))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(violation.applyTo(example))
                            .exchange().expectBody(byte[].class).returnResult();
                    assertRefused(operation + " with " + violation, answer, violation.field());
                    checked.add(operation.id() + ": " + violation);
                }
            }
        } finally {
            leftovers.remove(database);
        }
        assertThat(checked).as("rules checked").hasSizeGreaterThan(100)
                .contains("createContestant: enterpriseId (exclusiveMinimum 0)", "createProgramme: year (maximum 2100)",
                        "createProgramme: quotas.demonstration (exclusiveMinimum 0)",
                        "createEnterprise: creditCode (pattern)", "createTeam: memberIds (uniqueItems)",
                        "createProgramme: keyAreas[0].code (required)");
    }

    @Test
    void theServerRefusesQueryParametersOutsideTheirDocumentedRange() {
        List<String> checked = new ArrayList<>();
        for (Operation operation : document.operations()) {
            for (Map<String, Object> parameter : operation.parameters()) {
                if (!"query".equals(parameter.get("in"))) {
                    continue;
                }
                String name = (String) parameter.get("name");
                Map<String, Object> schema = map(parameter.get("schema"));
                List<Object> refused = new ArrayList<>();
                if (schema.get("enum") != null) {
                    refused.add("NOT_ONE_OF_THEM");
                }
                if (schema.get("minimum") instanceof Number minimum) {
                    refused.add(minimum.longValue() - 1);
                }
                if (schema.get("maximum") instanceof Number maximum) {
                    refused.add(maximum.longValue() + 1);
                }
                for (Object value : refused) {
                    Map<String, Object> variables = noSuchRecord(operation);
                    EntityExchangeResult<byte[]> answer = admin.get()
                            .uri(builder -> builder.path(operation.path()).queryParam(name, value).build(variables))
                            .exchange().expectBody(byte[].class).returnResult();
                    assertRefused(operation + " with " + name + "=" + value, answer, name);
                    checked.add(operation.id() + " " + name + "=" + value);
                }
            }
        }
        assertThat(checked).contains("listEnterprises page=-1", "listEnterprises size=0", "listEnterprises size=201",
                "listEvents status=NOT_ONE_OF_THEM", "exportContestants format=NOT_ONE_OF_THEM",
                "getContestant reveal=NOT_ONE_OF_THEM");
    }

    // --- the walk -------------------------------------------------------------------------------------------------

    private void walkThroughTheApi() {
        long builtInTrade = examplesReferToABuiltInTrade();
        long trade = create("createTrade", Map.of(), body -> { });
        long enterprise = create("createEnterprise", Map.of(), body -> { });
        long contestant = create("createContestant", Map.of(), body -> refer(body, "enterpriseId", enterprise));
        long judge = create("createJudge", Map.of(), body -> refer(body, "enterpriseId", enterprise));
        long programme = create("createProgramme", Map.of(), body -> { });
        Map<String, Object> inProgramme = Map.of("programmeId", programme);
        Consumer<Map<String, Object>> projectReferences = body -> refer(body, "hostEnterpriseId", enterprise);
        long project = create("createProject", inProgramme, projectReferences);
        Consumer<Map<String, Object>> eventReferences = body -> {
            refer(body, "programmeId", programme);
            refer(body, "projectId", project);
        };
        long event = create("createEvent", Map.of(), eventReferences);
        Map<String, Object> inEvent = Map.of("eventId", event);
        long registration = create("createRegistration", inEvent, body -> refer(body, "contestantId", contestant));
        List<Long> members = teamMembers(enterprise, contestant, builtInTrade);
        Consumer<Map<String, Object>> teamReferences = body -> {
            refer(body, "enterpriseId", enterprise);
            refer(body, "memberIds", members);
        };
        long team = create("createTeam", Map.of(), teamReferences);
        Map<String, Object> panelMember = joinPanel(inEvent, judge, registration);
        manageAccounts(event, judge);

        // In the order they can be removed: what refers to a record comes before it.
        List<Resource> resources = List.of(
                new Resource("PanelMember", panelMember, body -> { }),
                new Resource("Registration", with(inEvent, registration), body -> { }),
                new Resource("Event", with(Map.of(), event), eventReferences),
                new Resource("Project", with(inProgramme, project), projectReferences),
                new Resource("Programme", with(Map.of(), programme), body -> { }),
                new Resource("Team", with(Map.of(), team), teamReferences),
                new Resource("Judge", with(Map.of(), judge), body -> refer(body, "enterpriseId", enterprise)),
                new Resource("Contestant", with(Map.of(), contestant), body -> refer(body, "enterpriseId", enterprise)),
                new Resource("Enterprise", with(Map.of(), enterprise), body -> { }),
                new Resource("Trade", with(Map.of(), trade), body -> { }));
        Map<Resource, String> versions = new HashMap<>();
        for (Resource resource : resources) {
            String read = read("get" + resource.name(), resource.variables());
            versions.put(resource,
                    update("update" + resource.name(), resource.variables(), resource.references(), read));
        }

        Resource entry = resources.get(1);
        versions.put(entry, withdraw(entry.variables(), versions.get(entry)));
        Resource eventResource = resources.get(2);
        versions.put(eventResource, act("moveEvent", eventResource.variables(), versions.get(eventResource)));
        evaluateTheProject(inProgramme, project);

        Map<String, Object> parents = new HashMap<>(inProgramme);
        parents.putAll(inEvent);
        parents.put("chain", "event-" + event); // the withdrawal above began the event's audit chain
        parents.put("judgeId", judge);
        listEverything(parents);
        allocateTheFund(inProgramme);
        downloadEverything(parents);
        watchTheBoard(inEvent);
        watchTheProgrammeBoard(inProgramme);
        lookUpResultsAndCertificates(inEvent, inProgramme);
        importAFile();
        rotateTheDataKeys();
        markAnEntry();

        for (Resource resource : resources) {
            remove("delete" + resource.name(), resource.variables(), versions.get(resource));
            if (resource.name().equals("Team")) {
                for (long member : members.subList(1, members.size())) {
                    Map<String, Object> variables = with(Map.of(), member);
                    remove("deleteContestant", variables, read("getContestant", variables));
                }
            }
        }
    }

    /** The project's KPI values as the example gives them, then the evaluation of the projects goes to review. */
    private void evaluateTheProject(Map<String, Object> inProgramme, long project) {
        Map<String, Object> evaluation = with(inProgramme, project);
        update("evaluateProject", evaluation, body -> { }, read("getProjectEvaluation", evaluation));
        act("moveProjectEvaluation", inProgramme, read("getProjectEvaluationRound", inProgramme));
    }

    /**
     * The walk's programme has nothing published (its project evaluation is in review, its event not marked): the
     * example is read, passes every rule of the request, and is answered 409, nothing to allocate.
     */
    private void allocateTheFund(Map<String, Object> inProgramme) {
        Operation operation = document.operation("allocateFund");
        expect(operation, "409", admin.post().uri(operation.path(), inProgramme)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(operation))
                .exchange().expectBody(byte[].class).returnResult());
        keepTheFundAllocation(inProgramme);
    }

    /**
     * Stored allocations (issue 16): with nothing published the example is answered 409 and nothing is stored, so
     * the programme has no allocation 1 to read or export (404).
     */
    private void keepTheFundAllocation(Map<String, Object> inProgramme) {
        Operation store = document.operation("storeFundAllocation");
        expect(store, "409", admin.post().uri(store.path(), inProgramme)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(store))
                .exchange().expectBody(byte[].class).returnResult());
        Map<String, Object> first = new HashMap<>(inProgramme);
        first.put("number", 1);
        for (String read : List.of("getFundAllocation", "exportFundAllocation")) {
            Operation operation = document.operation(read);
            expect(operation, "404", admin.get().uri(operation.path(), first).exchange().expectBody(byte[].class)
                    .returnResult());
        }
    }

    /** A record the walk created: {@code get…}, {@code update…} and {@code delete…} operations take it. */
    private record Resource(String name, Map<String, Object> variables, Consumer<Map<String, Object>> references) {
    }

    private long examplesReferToABuiltInTrade() {
        Object tradeId = document.example(document.operation("createContestant")).get("tradeId");
        assertThat(document.example(document.operation("createEvent")).get("tradeId")).isEqualTo(tradeId);
        Map<String, Object> trade = json(admin.get().uri("/api/reference/trades/{id}", tradeId).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult());
        assertThat(trade).as("the trade the examples name").containsEntry("builtIn", true);
        return ((Number) tradeId).longValue();
    }

    /** The contestant and, from the second on, as many more of the enterprise as the team example lists. */
    private List<Long> teamMembers(long enterprise, long contestant, long trade) {
        int size = ((List<?>) document.example(document.operation("createTeam")).get("memberIds")).size();
        List<Long> members = new ArrayList<>(List.of(contestant));
        TestRegistry registry = new TestRegistry(admin);
        while (members.size() < size) {
            members.add(registry.contestant(enterprise, trade));
        }
        return members;
    }

    /** Points a reference of an example at a record of this run; the example must have that reference. */
    private static void refer(Map<String, Object> body, String field, Object value) {
        assertThat(body).as("the example refers to %s", field).containsKey(field);
        body.put(field, value);
    }

    private static Map<String, Object> with(Map<String, Object> parents, long id) {
        Map<String, Object> variables = new LinkedHashMap<>(parents);
        variables.put("id", id);
        return variables;
    }

    private long create(String operationId, Map<String, Object> variables, Consumer<Map<String, Object>> references) {
        Operation operation = document.operation(operationId);
        Map<String, Object> body = document.example(operation);
        references.accept(body);
        EntityExchangeResult<byte[]> answer = expect(operation, operation.success(), admin.post()
                .uri(operation.path(), variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(byte[].class).returnResult());
        long id = ((Number) json(answer).get("id")).longValue();
        assertThat(answer.getResponseHeaders().getLocation()).hasToString(
                operation.path().replace("{programmeId}", String.valueOf(variables.get("programmeId")))
                        .replace("{eventId}", String.valueOf(variables.get("eventId"))) + "/" + id);
        return id;
    }

    /** Reads a record, then again with its ETag where the document promises a 304; returns the ETag. */
    private String read(String operationId, Map<String, Object> variables) {
        Operation operation = document.operation(operationId);
        EntityExchangeResult<byte[]> answer = expect(operation, operation.success(),
                admin.get().uri(operation.path(), variables).exchange().expectBody(byte[].class).returnResult());
        String version = answer.getResponseHeaders().getETag();
        if (operation.responses().containsKey("304")) {
            expect(operation, "304", admin.get().uri(operation.path(), variables)
                    .header(HttpHeaders.IF_NONE_MATCH, version).exchange().expectBody(byte[].class).returnResult());
        }
        return version;
    }

    private String update(String operationId, Map<String, Object> variables, Consumer<Map<String, Object>> references,
                          String version) {
        Operation operation = document.operation(operationId);
        Map<String, Object> body = document.example(operation);
        references.accept(body);
        changeWithoutAndWithAStaleVersion(operation, variables, body, version);
        EntityExchangeResult<byte[]> answer = expect(operation, operation.success(), admin.put()
                .uri(operation.path(), variables).header(HttpHeaders.IF_MATCH, version)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(byte[].class).returnResult());
        return answer.getResponseHeaders().getETag();
    }

    /** The walk's judge joins the event's panel and declares a conflict with the walk's entry. */
    private Map<String, Object> joinPanel(Map<String, Object> inEvent, long judge, long registration) {
        Operation assign = document.operation("assignPanelMember");
        Map<String, Object> body = document.example(assign);
        refer(body, "judgeId", judge);
        EntityExchangeResult<byte[]> joined = expect(assign, assign.success(), admin.post()
                .uri(assign.path(), inEvent).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(byte[].class).returnResult());
        assertThat(joined.getResponseHeaders().getLocation())
                .hasToString("/api/events/" + inEvent.get("eventId") + "/panel/" + judge);
        Map<String, Object> member = new HashMap<>(inEvent);
        member.put("judgeId", judge);
        Operation declare = document.operation("declareConflict");
        Map<String, Object> conflict = document.example(declare);
        refer(conflict, "registrationId", registration);
        expect(declare, declare.success(), admin.post().uri(declare.path(), member)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(conflict).exchange().expectBody(byte[].class)
                .returnResult());
        return member;
    }

    /**
     * An account for the walk's event: created with a one-time password, read, signed in with it, the password
     * changed, signed in again, the token refreshed, logged out, the password reset; then the walk's judge gets an
     * account from the registry (removed again, as accounts are not deleted through the API).
     */
    @SuppressWarnings("unchecked")
    private void manageAccounts(long event, long judge) {
        Operation create = document.operation("createAccount");
        Map<String, Object> body = document.example(create);
        refer(body, "grants", List.of(Map.of("role", "JUDGE", "eventId", event)));
        Map<String, Object> created = json(expect(create, create.success(), admin.post().uri(create.path())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(byte[].class)
                .returnResult()));
        Map<String, Object> account = (Map<String, Object>) created.get("account");
        String username = (String) account.get("username");
        String oneTime = (String) created.get("initialPassword");
        read("getAccount", Map.of("id", account.get("id")));

        signIn(username, oneTime);
        Operation change = document.operation("changeOwnPassword");
        Map<String, Object> passwords = document.example(change);
        passwords.put("currentPassword", oneTime);
        expect(change, change.success(), TestClients.anonymous(web).post().uri(change.path())
                .headers(headers -> headers.setBasicAuth(username, oneTime)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(passwords).exchange().expectBody(byte[].class).returnResult());
        Map<String, Object> tokens = signIn(username, (String) passwords.get("newPassword"));

        Operation refresh = document.operation("refreshToken");
        Map<String, Object> refreshed = json(expect(refresh, refresh.success(), TestClients.anonymous(web).post()
                .uri(refresh.path()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.get("refreshToken"))).exchange().expectBody(byte[].class)
                .returnResult()));
        Operation logOut = document.operation("logOut");
        expect(logOut, logOut.success(), TestClients.anonymous(web).post().uri(logOut.path())
                .headers(headers -> headers.setBearerAuth((String) refreshed.get("accessToken"))).exchange()
                .expectBody(byte[].class).returnResult());
        Operation reset = document.operation("resetAccountPassword");
        expect(reset, reset.success(), admin.post().uri(reset.path(), Map.of("id", account.get("id"))).exchange()
                .expectBody(byte[].class).returnResult());

        Operation forJudges = document.operation("createJudgeAccounts");
        Map<String, Object> judges = document.example(forJudges);
        refer(judges, "eventId", event);
        refer(judges, "judgeIds", List.of(judge));
        Map<String, Object> made = json(expect(forJudges, forJudges.success(), admin.post().uri(forJudges.path())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(judges).exchange().expectBody(byte[].class)
                .returnResult()));
        Object judgeAccount = ((Map<String, Object>) ((List<Map<String, Object>>) made.get("items")).get(0)
                .get("account")).get("id");
        database.sql("DELETE FROM account WHERE id = :id").bind("id", judgeAccount).fetch().rowsUpdated().block();
    }

    private Map<String, Object> signIn(String username, String password) {
        Operation signIn = document.operation("signIn");
        Map<String, Object> body = document.example(signIn);
        body.put("username", username);
        body.put("password", password);
        return json(expect(signIn, signIn.success(), TestClients.anonymous(web).post().uri(signIn.path())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(byte[].class)
                .returnResult()));
    }

    /** Withdrawal is an action on a registration: If-Match like an update, its example body, a new version. */
    private String withdraw(Map<String, Object> variables, String version) {
        return act("withdrawRegistration", variables, version);
    }

    /** An action on a versioned record (a withdrawal, a step of an event's life): its example body, a new version. */
    private String act(String operationId, Map<String, Object> variables, String version) {
        Operation operation = document.operation(operationId);
        Map<String, Object> body = document.example(operation);
        EntityExchangeResult<byte[]> answer = expect(operation, operation.success(), admin.post()
                .uri(operation.path(), variables).header(HttpHeaders.IF_MATCH, version)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(byte[].class).returnResult());
        return answer.getResponseHeaders().getETag();
    }

    private void remove(String operationId, Map<String, Object> variables, String version) {
        Operation operation = document.operation(operationId);
        changeWithoutAndWithAStaleVersion(operation, variables, null, version);
        expect(operation, operation.success(), admin.delete().uri(operation.path(), variables)
                .header(HttpHeaders.IF_MATCH, version).exchange().expectBody(byte[].class).returnResult());
    }

    private void changeWithoutAndWithAStaleVersion(Operation operation, Map<String, Object> variables, Object body,
                                                   String version) {
        String stale = "\"" + (Long.parseLong(version.replace("\"", "")) + 1000) + "\"";
        for (String ifMatch : new String[] {null, stale}) {
            WebTestClient.RequestBodySpec request = admin.method(HttpMethod.valueOf(operation.method().toUpperCase()))
                    .uri(operation.path(), variables);
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            WebTestClient.RequestHeadersSpec<?> sent = body == null ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
            expect(operation, ifMatch == null ? "428" : "412",
                    sent.exchange().expectBody(byte[].class).returnResult());
        }
    }

    /** Every list (a JSON GET whose path names no single record), inside the programme and event of the walk. */
    /** Reads only a judge makes, of their own marking: walked by the judge of {@link #markAnEntry()}. */
    private static final Set<String> JUDGES_OWN = Set.of("getWorklist");

    private void listEverything(Map<String, Object> parents) {
        document.operations().stream()
                .filter(operation -> operation.method().equals("get") && !operation.path().contains("{id}")
                        && !operation.path().startsWith("/api/public/") && !JUDGES_OWN.contains(operation.id())
                        && !operation.path().contains("{kind}") && !operation.path().contains("{number}")
                        && operation.mediaTypes("200").contains(JSON))
                .forEach(operation -> expect(operation, "200", admin.get().uri(operation.path(), parents)
                        .exchange().expectBody(byte[].class).returnResult()));
    }

    /** Every download in every format (and for every kind it documents), with the media type the format names. */
    private void downloadEverything(Map<String, Object> parents) {
        // Registry-wide exports grow with the database, and CI's database keeps every run's data: well past the
        // 256 KB a client buffers by default.
        WebTestClient downloads = admin.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(DOWNLOAD_BYTES)).build();
        Map<String, String> mediaTypes = Map.of("csv", CSV, "xlsx", XLSX);
        document.operations().stream()
                .filter(operation -> operation.method().equals("get") && operation.mediaTypes("200").contains(CSV)
                        && !operation.path().contains("{number}")) // no stored allocation: keepTheFundAllocation
                .forEach(operation -> {
                    List<Object> kinds = operation.parameter("path", "kind")
                            .<List<Object>>map(kind -> List.copyOf((List<?>) map(kind.get("schema")).get("enum")))
                            .orElse(List.of("none"));
                    for (Object kind : kinds) {
                        for (Map.Entry<String, String> format : mediaTypes.entrySet()) {
                            Map<String, Object> variables = new HashMap<>(parents);
                            variables.put("kind", kind);
                            EntityExchangeResult<byte[]> answer = expect(operation, "200", downloads.get()
                                    .uri(builder -> builder.path(operation.path())
                                            .queryParam("format", format.getKey()).build(variables))
                                    .exchange().expectBody(byte[].class).returnResult());
                            assertThat(answer.getResponseHeaders().getContentType()).as("%s as %s", operation, format)
                                    .hasToString(format.getValue());
                            assertThat(answer.getResponseBody()).isNotEmpty();
                        }
                    }
                });
    }

    /**
     * The public board of the walk's event, which is not public yet (boards open at MARKING, and an event that
     * marked could not be removed again): every board operation answers 404, as for an event that does not exist;
     * the list of public events answers (whatever events of other tests it holds).
     * BoardTests call them on events that are marking.
     */
    private void watchTheBoard(Map<String, Object> inEvent) {
        Map<String, Object> variables = new HashMap<>(inEvent);
        variables.put("registrationNumber", 1);
        document.operations().stream().filter(operation -> operation.path().startsWith("/api/public/events/")
                        && !operation.id().equals("getOwnResult"))
                .forEach(operation -> expect(operation, "404", admin.get().uri(operation.path(), variables)
                        .exchange().expectBody(byte[].class).returnResult()));
        Operation publicEvents = document.operation("listPublicEvents");
        expect(publicEvents, "200", admin.get().uri(publicEvents.path()).exchange().expectBody(byte[].class)
                .returnResult());
    }

    /**
     * The public boards of the walk's programme (stars, projects, enterprises), whose only event is not public (nor
     * ever marked): every operation on them answers 404, as for a programme that does not exist; the list of public
     * programmes answers. ProgrammeBoardsTests and PublicTierBoardsTests call them on programmes whose events are
     * marking.
     */
    private void watchTheProgrammeBoard(Map<String, Object> inProgramme) {
        Map<String, Object> variables = new HashMap<>(inProgramme);
        variables.put("contestantId", NO_SUCH_ID);
        variables.put("projectId", NO_SUCH_ID);
        variables.put("enterpriseId", NO_SUCH_ID);
        document.operations().stream().filter(operation -> operation.path().startsWith("/api/public/programmes/"))
                .forEach(operation -> expect(operation, "404", admin.get().uri(operation.path(), variables)
                        .exchange().expectBody(byte[].class).returnResult()));
        Operation publicProgrammes = document.operation("listPublicProgrammes");
        expect(publicProgrammes, "200", admin.get().uri(publicProgrammes.path()).exchange()
                .expectBody(byte[].class).returnResult());
    }

    /**
     * A contestant's own result and certificates, on the walk's event, which is not public nor published: the own
     * result (with a code of the right shape) is the 404 of an entry nobody may see, the check of a number nobody was
     * given is 404 (an award's number and a tier member's alike), issuing is refused (409), and so is issuing the
     * tier certificates of the walk's programme, which is not closed. CertificateTests, OwnResultTests and
     * TierCertificateTests call them on published events and closed programmes.
     */
    private void lookUpResultsAndCertificates(Map<String, Object> inEvent, Map<String, Object> inProgramme) {
        Operation ownResult = document.operation("getOwnResult");
        expect(ownResult, "404", admin.get().uri(builder -> builder.path(ownResult.path())
                        .queryParam("code", "00000000").build(inEvent.get("eventId"), 1))
                .exchange().expectBody(byte[].class).returnResult());
        Operation check = document.operation("checkCertificate");
        expect(check, "404", admin.get().uri(check.path(), Map.of("number", "2025-0001-0001-NOSUCH00"))
                .exchange().expectBody(byte[].class).returnResult());
        expect(check, "404", admin.get().uri(check.path(), Map.of("number", "2025-P0001-S0001-NOSUCH00"))
                .exchange().expectBody(byte[].class).returnResult());
        Operation issue = document.operation("issueCertificates");
        expect(issue, "409", admin.post().uri(issue.path(), inEvent).exchange().expectBody(byte[].class)
                .returnResult());
        Operation issueTier = document.operation("issueTierCertificates");
        expect(issueTier, "409", admin.post().uri(issueTier.path(), inProgramme).exchange()
                .expectBody(byte[].class).returnResult());
    }

    /** Uploads the enterprise template's header row alone: a file the import accepts and that writes no record. */
    private void importAFile() {
        byte[] template = admin.get().uri("/api/imports/enterprises/template?format=csv").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        String header = new String(template, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        MultipartBodyBuilder file = new MultipartBodyBuilder();
        file.part("file", new ByteArrayResource((header + "\r\n").getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "enterprises.csv";
            }
        }).contentType(MediaType.parseMediaType(CSV));
        Operation upload = document.operation("startImport");
        EntityExchangeResult<byte[]> answer = expect(upload, upload.success(), admin.post()
                .uri(upload.path(), Map.of("kind", "enterprises"))
                .body(BodyInserters.fromMultipartData(file.build()))
                .exchange().expectBody(byte[].class).returnResult());
        Operation job = document.operation("getImportJob");
        Object id = json(answer).get("id");
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/api/imports/jobs/" + id);
        expect(job, job.success(), admin.get().uri(job.path(), Map.of("id", id)).exchange()
                .expectBody(byte[].class).returnResult());
    }

    /** A rotation of the personal-data keys: nothing is left under another key after the walk's writes. */
    private void rotateTheDataKeys() {
        Operation rotation = document.operation("rotateDataKeys");
        expect(rotation, rotation.success(), admin.post().uri(rotation.path()).exchange()
                .expectBody(byte[].class).returnResult());
    }

    /**
     * A judge of the panel, signed in as themself, marks an entry of an event in MARKING with the example sheet, reads
     * it, replaces it (without and with a stale version first); the entry's result is read and every result of the
     * event checked against the marks. The event is one of its own, in a programme of its own: an event with marks
     * is kept (it can no longer be removed), so it must not be the walk's. It is marked blind: once marking has closed
     * (the entry is absent, nothing is outstanding), its chief judge reveals the identities.
     */
    @SuppressWarnings("unchecked")
    private void markAnEntry() {
        TestRegistry registry = new TestRegistry(admin);
        RegistryFixtures fixtures = new RegistryFixtures(admin, database);
        Map<String, Object> eventBody = RegistryFixtures.eventBody(fixtures.programme(), registry.trade(),
                TestIdentities.unique("评分"));
        eventBody.put("blind", true);
        long event = fixtures.event(eventBody);
        long entry = registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(registry.enterprise(), (Long) eventBody.get("tradeId")),
                        "stationNumber", "W-01"));
        long second = registry.create("/api/events/" + event + "/registrations",
                Map.of("contestantId", registry.contestant(registry.enterprise(), (Long) eventBody.get("tradeId")),
                        "stationNumber", "W-02"));
        long judge = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判"),
                "qualification", "PROVINCIAL"));
        // The chief judge marks too, and decides the deduction recorded below.
        admin.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", "CHIEF_JUDGE"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> made = json(admin.post().uri("/api/accounts/judges")
                .bodyValue(Map.of("eventId", event, "role", "CHIEF_JUDGE", "judgeIds", List.of(judge))).exchange()
                .expectStatus().isCreated().expectBody(byte[].class).returnResult());
        Map<String, Object> account = ((List<Map<String, Object>>) made.get("items")).get(0);
        String username = (String) map(account.get("account")).get("username");
        String password = "walk-" + java.util.UUID.randomUUID();
        TestClients.anonymous(web).post().uri("/api/account/password")
                .headers(headers -> headers.setBasicAuth(username, (String) account.get("initialPassword")))
                .bodyValue(Map.of("currentPassword", account.get("initialPassword"), "newPassword", password))
                .exchange().expectStatus().isNoContent();
        WebTestClient marker = TestClients.anonymous(web).mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(username, password)).build();
        assignTheJudgesAutomatically(registry, event);
        fixtures.moveEvent(event, "MARKING");

        Map<String, Object> inEntry = Map.of("eventId", event, "id", entry);
        Operation submit = document.operation("submitScoreSheet");
        EntityExchangeResult<byte[]> submitted = expect(submit, submit.success(), marker.post()
                .uri(submit.path(), inEntry).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(submit))
                .exchange().expectBody(byte[].class).returnResult());
        assertThat(submitted.getResponseHeaders().getLocation()).hasToString(
                "/api/events/" + event + "/registrations/" + entry + "/score-sheets/" + judge);
        Map<String, Object> sheet = new HashMap<>(inEntry);
        sheet.put("judgeId", judge);
        String version = read("getScoreSheet", sheet);

        Operation replace = document.operation("replaceScoreSheet");
        String stale = "\"" + (Long.parseLong(version.replace("\"", "")) + 1000) + "\"";
        for (String ifMatch : new String[] {null, stale, version}) {
            WebTestClient.RequestBodySpec request = marker.put().uri(replace.path(), sheet)
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            if (ifMatch != null) {
                request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            expect(replace, ifMatch == null ? "428" : ifMatch.equals(stale) ? "412" : replace.success(),
                    request.contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(replace))
                            .exchange().expectBody(byte[].class).returnResult());
        }
        read("getEntryResult", inEntry);
        markAnAspect(marker, event, List.of(entry, second), read("getScoreSheet", sheet));
        keepTheEntrysRecord(inEntry);
        Operation worklist = document.operation("getWorklist");
        expect(worklist, "200", marker.get().uri(worklist.path(), Map.of("eventId", event)).exchange()
                .expectBody(byte[].class).returnResult());

        Operation record = document.operation("recordPenalty");
        EntityExchangeResult<byte[]> recorded = expect(record, record.success(), marker.post()
                .uri(record.path(), inEntry).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(record))
                .exchange().expectBody(byte[].class).returnResult());
        Map<String, Object> penalty = Map.of("eventId", event, "id", ((Number) json(recorded).get("id")).longValue());
        assertThat(recorded.getResponseHeaders().getLocation()).hasToString(
                "/api/events/" + event + "/penalties/" + penalty.get("id"));
        read("getPenalty", penalty);
        Operation decide = document.operation("decidePenalty");
        expect(decide, decide.success(), marker.post().uri(decide.path(), penalty)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(decide))
                .exchange().expectBody(byte[].class).returnResult());
        Operation absence = document.operation("recordAbsence");
        expect(absence, absence.success(), admin.post().uri(absence.path(), inEntry)
                .header(HttpHeaders.IF_MATCH, read("getRegistration", inEntry))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(absence))
                .exchange().expectBody(byte[].class).returnResult());

        freezeTheBoard(Map.of("eventId", event));

        Operation recompute = document.operation("recomputeResults");
        Map<String, Object> report = json(expect(recompute, recompute.success(), admin.post()
                .uri(recompute.path(), Map.of("eventId", event)).exchange().expectBody(byte[].class).returnResult()));
        assertThat((List<?>) report.get("differences")).isEmpty();

        // The aspect sheet's second entry is incomplete (one aspect marked): absent too, so that marking may close.
        Map<String, Object> secondEntry = Map.of("eventId", event, "id", second);
        admin.post().uri(absence.path(), secondEntry).header(HttpHeaders.IF_MATCH, read("getRegistration", secondEntry))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(absence))
                .exchange().expectStatus().isOk();
        fixtures.moveEvent(event, "REVIEW");
        Operation reveal = document.operation("revealIdentities");
        expect(reveal, reveal.success(), marker.post().uri(reveal.path(), Map.of("id", event)).exchange()
                .expectBody(byte[].class).returnResult());
    }

    /**
     * Judges on the panel, as many as the example's judges per entry, are given the event's entries with the
     * example's seed (the chief judge, who marks the entry next, is outside the plan); the plan is read back.
     */
    private void assignTheJudgesAutomatically(TestRegistry registry, long event) {
        Operation assign = document.operation("assignPanelAutomatically");
        Map<String, Object> body = document.example(assign);
        for (int i = 0; i < ((Number) body.get("judgesPerEntry")).intValue(); i++) {
            long judge = registry.create("/api/judges", Map.of("name", TestIdentities.unique("裁判"),
                    "qualification", "PROVINCIAL"));
            admin.post().uri("/api/events/{e}/panel", event).bodyValue(Map.of("judgeId", judge, "role", "JUDGE"))
                    .exchange().expectStatus().isCreated();
        }
        Map<String, Object> plan = json(expect(assign, assign.success(), admin.post()
                .uri(assign.path(), Map.of("eventId", event)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectBody(byte[].class).returnResult()));
        assertThat(plan).containsEntry("planned", true).containsEntry("uncovered", List.of());
    }

    /**
     * The judge marks one aspect across two entries with the example: the first entry's sheet at the version read,
     * the second without a sheet yet; sent again with the same key, the first answer comes back.
     */
    @SuppressWarnings("unchecked")
    private void markAnAspect(WebTestClient marker, long event, List<Long> entries, String sheetVersion) {
        Operation mark = document.operation("markAspect");
        Map<String, Object> example = new HashMap<>(document.example(mark));
        List<Map<String, Object>> marks = new ArrayList<>();
        for (Object item : (List<Object>) example.get("marks")) {
            Map<String, Object> entryMark = new HashMap<>(map(item));
            refer(entryMark, "registrationId", entries.get(marks.size()));
            if (entryMark.containsKey("sheetVersion")) {
                entryMark.put("sheetVersion", Long.parseLong(sheetVersion.replace("\"", "")));
            }
            marks.add(entryMark);
        }
        example.put("marks", marks);
        String key = java.util.UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            expect(mark, mark.success(), marker.post().uri(mark.path(), Map.of("eventId", event, "aspectId", "P1b"))
                    .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(example)
                    .exchange().expectBody(byte[].class).returnResult());
        }
    }

    /**
     * The board of an event in MARKING frozen with the example (a freeze scheduled, or taken at once once the
     * example's time has passed), its state and the live board read, and the freeze released: without If-Match, with
     * a stale version, with the current one.
     */
    private void freezeTheBoard(Map<String, Object> inEvent) {
        Operation freeze = document.operation("freezeBoard");
        EntityExchangeResult<byte[]> frozen = expect(freeze, freeze.success(), admin.post().uri(freeze.path(), inEvent)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(document.example(freeze))
                .exchange().expectBody(byte[].class).returnResult());
        assertThat(frozen.getResponseHeaders().getLocation())
                .hasToString("/api/events/" + inEvent.get("eventId") + "/board/freeze");
        String version = read("getBoardFreeze", inEvent);
        read("getLiveEventBoard", inEvent);
        remove("releaseBoard", inEvent, version);
    }

    /**
     * The organizer records the entry's completion time with the example: the first time without If-Match, then a
     * change without it (428), with a stale version (412) and with the current one; the record is read back.
     */
    private void keepTheEntrysRecord(Map<String, Object> inEntry) {
        Operation keep = document.operation("keepEntryRecord");
        Map<String, Object> example = new HashMap<>(document.example(keep));
        example.remove("difficulty"); // the walk's scheme has its own aspect ids
        String version = null;
        for (String ifMatch : new String[] {"none", null, "\"1000\"", "current"}) {
            WebTestClient.RequestBodySpec request = admin.put().uri(keep.path(), inEntry)
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString());
            if (ifMatch != null && !ifMatch.equals("none")) {
                request.header(HttpHeaders.IF_MATCH, ifMatch.equals("current") ? version : ifMatch);
            }
            String status = "none".equals(ifMatch) || "current".equals(ifMatch) ? keep.success()
                    : ifMatch == null ? "428" : "412";
            EntityExchangeResult<byte[]> answer = expect(keep, status, request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(example).exchange().expectBody(byte[].class).returnResult());
            if ("none".equals(ifMatch)) {
                version = answer.getResponseHeaders().getETag();
            }
        }
        read("getEntryRecord", inEntry);
    }

    // --- answers --------------------------------------------------------------------------------------------------

    /**
     * The answer has the status, a media type the document gives for it (or no body where it gives none), every
     * header it documents, and an ETag only where it documents one.
     */
    private EntityExchangeResult<byte[]> expect(Operation operation, String status,
                                                EntityExchangeResult<byte[]> answer) {
        exercised.add(operation.id());
        assertThat(answer.getStatus().value()).as("%s answers %s, with %s", operation, status, text(answer))
                .isEqualTo(Integer.parseInt(status));
        assertThat(operation.responses()).as("%s documents %s", operation, status).containsKey(status);
        Set<String> documented = operation.mediaTypes(status);
        MediaType sent = answer.getResponseHeaders().getContentType();
        if (documented.isEmpty()) {
            assertThat(answer.getResponseBody()).as("%s %s has no body", operation, status).isNullOrEmpty();
        } else {
            assertThat(sent).as("%s %s has a media type", operation, status).isNotNull();
            assertThat(documented).as("%s %s media types", operation, status)
                    .contains(sent.getType() + "/" + sent.getSubtype());
        }
        Map<String, Object> response = operation.response(status);
        if (response.get("headers") != null) {
            map(response.get("headers")).keySet().forEach(header -> assertThat(answer.getResponseHeaders()
                    .getFirst(header)).as("%s %s sends %s", operation, status, header).isNotBlank());
        }
        if (answer.getResponseHeaders().getETag() != null) {
            assertThat(operation.documentsHeader(status, "ETag")).as("%s %s documents its ETag", operation, status)
                    .isTrue();
        }
        return answer;
    }

    private static void assertRefused(String what, EntityExchangeResult<byte[]> answer, String field) {
        assertThat(answer.getStatus().value()).as("%s is refused, not %s", what, text(answer)).isEqualTo(400);
        assertThat(answer.getResponseHeaders().getContentType()).as(what).hasToString(PROBLEM_JSON);
        List<?> errors = (List<?>) json(answer).get("errors");
        assertThat(errors).as("%s names %s: %s", what, field, text(answer))
                .anySatisfy(error -> assertThat((String) map(error).get("field")).startsWith(field));
    }

    /** Path variables that name no record (and the first kind, for imports). */
    private static Map<String, Object> noSuchRecord(Operation operation) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : List.of("id", "programmeId", "eventId", "judgeId", "registrationNumber", "contestantId",
                "projectId", "enterpriseId")) {
            variables.put(name, NO_SUCH_ID);
        }
        variables.put("chain", "event-" + NO_SUCH_ID);
        variables.put("aspectId", "P1b");
        variables.put("number", 1);
        variables.put("kind", operation.parameter("path", "kind")
                .<Object>map(kind -> ((List<?>) map(kind.get("schema")).get("enum")).get(0)).orElse("none"));
        return variables;
    }

    /**
     * The example with its references ({@code …Id}, {@code …Ids}) pointed at records that do not exist: a body the
     * server wrongly accepted would then be refused for a reference instead of written (and the test still fails,
     * since that refusal names another field). The ids stay distinct, so no other rule is broken.
     */
    private static Map<String, Object> referringToNoRecord(Map<String, Object> example) {
        example.replaceAll((field, value) -> {
            if (field.endsWith("Id") && value instanceof Number) {
                return NO_SUCH_ID;
            }
            if (field.endsWith("Ids") && value instanceof List<?> ids) {
                return new ArrayList<>(LongStream.range(0, ids.size())
                        .mapToObj(i -> NO_SUCH_ID + i).toList());
            }
            return value;
        });
        return example;
    }

    private static Map<String, Object> json(EntityExchangeResult<byte[]> answer) {
        return map(JSON_MAPPER.readValue(answer.getResponseBody(), Map.class));
    }

    private static String text(EntityExchangeResult<byte[]> answer) {
        byte[] body = answer.getResponseBody();
        return body == null ? "no body" : new String(body, StandardCharsets.UTF_8);
    }
}
