package io.jingsai.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.programme.RegistryFixtures;

/**
 * Personal data end to end: what the database holds (read with SQL, never through the app), what responses and the
 * log show (scanned for the very numbers the test created), and the reveal audit.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTests {

    @Autowired
    WebTestClient anonymous;

    @Autowired
    DatabaseClient database;

    @Value("${jingsai.privacy.lookup-key}")
    String lookupKey;

    WebTestClient web;
    TestRegistry registry;
    long trade;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
        trade = registry.trade();
    }

    @Test
    void theDatabaseHoldsNoIdOrPhoneNumberInPlainText() {
        Person person = Person.random();
        long enterprise = registry.enterprise();
        long contestant = createContestant(person, enterprise);
        long judge = createJudge(person, enterprise);

        String contestantRow = rowAsText("contestant", contestant);
        String judgeRow = rowAsText("judge", judge);

        assertThat(contestantRow).doesNotContain(person.idNumber(), person.phone(), person.phone().substring(3));
        assertThat(judgeRow).doesNotContain(person.phone(), person.email(), person.email().split("@")[0]);
        Map<String, Object> sealed = database.sql("SELECT id_number, id_number_hash, phone FROM contestant WHERE id = :id")
                .bind("id", contestant).fetch().one().block(Duration.ofSeconds(30));
        assertThat((String) sealed.get("id_number")).startsWith("t1:");
        assertThat((String) sealed.get("phone")).startsWith("t1:");
        assertThat(sealed.get("id_number_hash")).isEqualTo(hmac(person.idNumber()));
        // Every row, including those of earlier runs and of the migration: nothing but sealed values
        assertThat(count("SELECT count(*) FROM contestant WHERE id_number !~ '^[A-Za-z0-9-]+:'"
                + " OR phone !~ '^[A-Za-z0-9-]+:' OR id_number_hash !~ '^[0-9a-f]{64}$'")).isZero();
        assertThat(count("SELECT count(*) FROM judge WHERE phone !~ '^[A-Za-z0-9-]+:'"
                + " OR email !~ '^[A-Za-z0-9-]+:'")).isZero();
    }

    @Test
    void theSameNumberSealsDifferentlyEachTimeButHashesTheSame() {
        Person person = Person.random();
        long enterprise = registry.enterprise();
        long contestant = createContestant(person, enterprise);
        String before = column("contestant", "id_number", contestant);

        web.put().uri("/api/contestants/{id}", contestant).header("If-Match", "\"0\"")
                .bodyValue(contestantBody(person, enterprise)).exchange().expectStatus().isOk();

        assertThat(column("contestant", "id_number", contestant)).isNotEqualTo(before);
        assertThat(column("contestant", "id_number_hash", contestant)).isEqualTo(hmac(person.idNumber()));
    }

    @Test
    void aRegisteredIdNumberIsRefusedThroughItsHashOnCreateChangeAndImport() {
        Person first = Person.random();
        Person second = Person.random();
        long enterprise = registry.enterprise();
        createContestant(first, enterprise);
        long other = createContestant(second, enterprise);

        web.post().uri("/api/contestants").bodyValue(contestantBody(first, enterprise)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("已有使用该身份证号的选手");
        web.put().uri("/api/contestants/{id}", other).header("If-Match", "\"0\"")
                .bodyValue(contestantBody(first, enterprise)).exchange()
                .expectStatus().isEqualTo(409);
        String creditCode = creditCodeOf(enterprise);
        Map<String, Object> job = importAndWait("contestants", "姓名,身份证号,企业统一社会信用代码,工种,手机号\n"
                + "重复," + first.idNumber() + "," + creditCode + ",焊工,\n");
        assertThat(job).containsEntry("status", "REJECTED");
        assertThat(job.get("problems").toString()).contains("duplicate");
    }

    @Test
    void importedContestantsAndJudgesAreSealed() {
        Person contestant = Person.random();
        Person judge = Person.random();
        long enterprise = registry.enterprise();
        String creditCode = creditCodeOf(enterprise);
        String name = TestIdentities.unique("导入选手");

        assertThat(importAndWait("contestants", "姓名,身份证号,企业统一社会信用代码,工种,手机号\n" + name + ","
                + contestant.idNumber() + "," + creditCode + ",焊工," + contestant.phone() + "\n"))
                .containsEntry("status", "SUCCEEDED");
        assertThat(importAndWait("judges", "姓名,企业统一社会信用代码,裁判等级,手机号,邮箱\n" + name + "," + creditCode
                + ",省级," + judge.phone() + "," + judge.email() + "\n"))
                .containsEntry("status", "SUCCEEDED");

        long contestantId = idByName("contestant", name);
        long judgeId = idByName("judge", name);
        assertThat(rowAsText("contestant", contestantId)).doesNotContain(contestant.idNumber(), contestant.phone());
        assertThat(rowAsText("judge", judgeId)).doesNotContain(judge.phone(), judge.email());
        assertThat(column("contestant", "id_number_hash", contestantId)).isEqualTo(hmac(contestant.idNumber()));
        web.get().uri("/api/contestants/{id}?reveal=idNumber&reason=核对导入", contestantId).exchange()
                .expectBody().jsonPath("$.idNumber").isEqualTo(contestant.idNumber())
                .jsonPath("$.phone").isEqualTo(contestant.phone());
        web.get().uri("/api/judges/{id}?reveal=contact&reason=核对导入", judgeId).exchange()
                .expectBody().jsonPath("$.phone").isEqualTo(judge.phone())
                .jsonPath("$.email").isEqualTo(judge.email());
    }

    @Test
    void responsesAndTheLogShowNoIdOrPhoneNumberUnlessRevealed(CapturedOutput log) {
        Person person = Person.random();
        long enterprise = registry.enterprise();
        String name = TestIdentities.unique("隐私");
        List<String> bodies = new ArrayList<>();

        long contestant = createContestant(person, enterprise, name, bodies);
        long judge = createJudge(person, enterprise, name, bodies);
        bodies.add(get("/api/contestants/" + contestant));
        bodies.add(get("/api/contestants?q=" + name));
        bodies.add(get("/api/contestants/export?format=csv&enterpriseId=" + enterprise));
        bodies.add(get("/api/judges/" + judge));
        bodies.add(get("/api/judges?enterpriseId=" + enterprise));
        long member = registry.contestant(enterprise, trade);
        long team = registry.team(enterprise, List.of(contestant, member));
        bodies.add(get("/api/teams/" + team));
        RegistryFixtures fixtures = new RegistryFixtures(web, database);
        long event = fixtures.event(RegistryFixtures.eventBody(fixtures.programme(), trade,
                TestIdentities.unique("隐私赛项")));
        registry.create("/api/events/" + event + "/registrations", Map.of("contestantId", contestant));
        bodies.add(get("/api/events/" + event + "/registrations"));
        bodies.add(get("/api/events/" + event + "/registrations/export?format=csv"));
        // errors: the same number again, a number with a wrong check character, a phone that is not one
        bodies.add(exchange(web.post().uri("/api/contestants").bodyValue(contestantBody(person, enterprise))));
        String wrong = person.idNumber().substring(0, 17) + (person.idNumber().charAt(17) == '1' ? '2' : '1');
        bodies.add(exchange(web.post().uri("/api/contestants").bodyValue(TestRegistry.contestantBody(name, wrong,
                enterprise, trade))));
        bodies.add(exchange(web.post().uri("/api/judges").bodyValue(Map.of("name", name, "qualification", "NATIONAL",
                "phone", person.phone() + "0"))));
        bodies.add(exchange(web.get().uri("/api/contestants/{id}?reveal=idNumber", contestant)));
        Map<String, Object> job = importAndWait("contestants", "姓名,身份证号,企业统一社会信用代码,工种,手机号\n"
                + name + "," + person.idNumber() + "," + creditCodeOf(enterprise) + ",焊工," + person.phone() + "\n");
        bodies.add(job.toString());
        // anonymous: what is public
        bodies.add(exchange(anonymous.get().uri("/api/reference/trades?q=焊工")));
        bodies.add(exchange(anonymous.get().uri("/api/contestants/" + contestant)));

        String all = String.join("\n", bodies);
        assertThat(all).contains(name).contains(person.idNumber().substring(0, 6) + "********"
                + person.idNumber().substring(14));
        assertThat(all).doesNotContain(person.idNumber(), wrong, person.phone(), person.email());
        assertThat(log.getAll()).doesNotContain(person.idNumber(), wrong, person.phone(), person.email());

        String revealed = get("/api/contestants/" + contestant + "?reveal=idNumber&reason=核对身份");
        assertThat(revealed).contains(person.idNumber(), person.phone());
        assertThat(log.getAll()).doesNotContain(person.idNumber(), person.phone());
    }

    @Test
    void aRevealWithoutAReasonIsRefusedNamingTheFieldAndRecordsNothing() {
        Person person = Person.random();
        long enterprise = registry.enterprise();
        long contestant = createContestant(person, enterprise);
        long judge = createJudge(person, enterprise);
        long before = count("SELECT count(*) FROM personal_data_reveal");

        for (String uri : List.of("/api/contestants/" + contestant + "?reveal=idNumber",
                "/api/contestants/" + contestant + "?reveal=idNumber&reason={blank}",
                "/api/judges/" + judge + "?reveal=contact&reason=",
                "/api/contestants/export?format=csv&reveal=idNumber")) {
            web.get().uri(uri, Map.of("blank", "  ")).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors.length()").isEqualTo(1)
                    .jsonPath("$.errors[0].field").isEqualTo("reason")
                    .jsonPath("$.errors[0].rule").isEqualTo("reveal.reasonRequired");
        }
        web.get().uri("/api/contestants/{id}?reason=好奇", contestant).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("reveal.reasonWithoutReveal");
        web.get().uri("/api/judges/{id}?reveal=contact&reason={r}", judge, "原".repeat(501)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].rule").isEqualTo("size.max");
        web.get().uri("/api/contestants/{id}?reveal=idNumber&reason=核对", 9_000_000_000_000L).exchange()
                .expectStatus().isNotFound();

        assertThat(count("SELECT count(*) FROM personal_data_reveal")).isEqualTo(before);
    }

    @Test
    void everyRevealAndRevealedExportLeavesAnAuditRowTheAdministratorCanRead() {
        Person person = Person.random();
        long enterprise = registry.enterprise();
        long contestant = createContestant(person, enterprise);
        long judge = createJudge(person, enterprise);
        Instant start = Instant.now().minusSeconds(5);

        get("/api/contestants/" + contestant);
        get("/api/contestants/export?format=csv&enterpriseId=" + enterprise);
        assertThat(count("SELECT count(*) FROM personal_data_reveal WHERE record_id = " + contestant)).isZero();

        get("/api/contestants/" + contestant + "?reveal=idNumber&reason=核对身份");
        get("/api/judges/" + judge + "?reveal=contact&reason=通知评审安排");
        String export = get("/api/contestants/export?format=csv&enterpriseId=" + enterprise
                + "&reveal=idNumber&reason=报送省总工会");
        assertThat(export).contains(person.idNumber());

        web.get().uri("/api/privacy/reveals?subject=contestant&recordId={id}", contestant).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].revealedBy").isEqualTo(IntegrationTest.ADMIN)
                .jsonPath("$.items[0].fields").isEqualTo("idNumber,birthDate,phone")
                .jsonPath("$.items[0].reason").isEqualTo("核对身份")
                .jsonPath("$.items[0].revealedAt").value(at -> assertThat(Instant.parse((String) at)).isAfter(start));
        web.get().uri("/api/privacy/reveals?subject=judge&recordId={id}", judge).exchange()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].fields").isEqualTo("phone,email")
                .jsonPath("$.items[0].reason").isEqualTo("通知评审安排");
        assertThat(count("SELECT count(*) FROM personal_data_reveal WHERE subject = 'contestantExport'"
                + " AND scope = 'enterpriseId=" + enterprise + "' AND reason = '报送省总工会'"
                + " AND revealed_by = '" + IntegrationTest.ADMIN + "' AND record_id IS NULL")).isEqualTo(1);
        String audit = get("/api/privacy/reveals?subject=contestantExport");
        assertThat(audit).contains("enterpriseId=" + enterprise).doesNotContain(person.idNumber(), person.phone());
        anonymous.get().uri("/api/privacy/reveals").exchange().expectStatus().isUnauthorized();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A person with a fresh ID number, mobile number and e-mail address, unlike any other in the database. */
    record Person(String idNumber, String phone, String email) {

        static Person random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
            return new Person(TestIdentities.residentId(), phone,
                    "p" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "@example.cn");
        }
    }

    /** The independent oracle of a lookup hash: HMAC-SHA256 under the configured lookup key, in hex. */
    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(lookupKey), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private long createContestant(Person person, long enterprise) {
        return createContestant(person, enterprise, TestIdentities.unique("选手"), new ArrayList<>());
    }

    private long createContestant(Person person, long enterprise, String name, List<String> bodies) {
        Map<String, Object> body = new HashMap<>(contestantBody(person, enterprise));
        body.put("name", name);
        String answer = web.post().uri("/api/contestants").bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        bodies.add(answer);
        return idIn(answer);
    }

    private Map<String, Object> contestantBody(Person person, long enterprise) {
        Map<String, Object> body = new HashMap<>(TestRegistry.contestantBody(TestIdentities.unique("选手"),
                person.idNumber(), enterprise, trade));
        body.put("phone", person.phone());
        return body;
    }

    private long createJudge(Person person, long enterprise) {
        return createJudge(person, enterprise, TestIdentities.unique("裁判"), new ArrayList<>());
    }

    private long createJudge(Person person, long enterprise, String name, List<String> bodies) {
        String answer = web.post().uri("/api/judges").bodyValue(Map.of("name", name, "enterpriseId", enterprise,
                        "qualification", "PROVINCIAL", "phone", person.phone(), "email", person.email())).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        bodies.add(answer);
        return idIn(answer);
    }

    private static long idIn(String json) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(id.find()).as("an id in %s", json).isTrue();
        return Long.parseLong(id.group(1));
    }

    private String get(String uri) {
        byte[] body = web.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String exchange(WebTestClient.RequestHeadersSpec<?> request) {
        byte[] body = request.exchange().expectBody(byte[].class).returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private String creditCodeOf(long enterprise) {
        return (String) database.sql("SELECT credit_code FROM enterprise WHERE id = :id").bind("id", enterprise)
                .fetch().one().block(Duration.ofSeconds(30)).get("credit_code");
    }

    private String rowAsText(String table, long id) {
        return database.sql("SELECT t::text AS row FROM " + table + " t WHERE id = :id").bind("id", id)
                .map(row -> row.get("row", String.class)).one().block(Duration.ofSeconds(30));
    }

    private String column(String table, String column, long id) {
        return database.sql("SELECT " + column + " AS v FROM " + table + " WHERE id = :id").bind("id", id)
                .map(row -> row.get("v", String.class)).one().block(Duration.ofSeconds(30));
    }

    private long idByName(String table, String name) {
        return database.sql("SELECT id FROM " + table + " WHERE name = :name").bind("name", name)
                .map(row -> row.get("id", Long.class)).one().block(Duration.ofSeconds(30));
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30));
    }

    private Map<String, Object> importAndWait(String kind, String csv) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return kind + ".csv";
            }
        });
        Map<?, ?> accepted = web.post().uri("/api/imports/{kind}", kind)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> job = web.get().uri("/api/imports/jobs/{id}", accepted.get("id")).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            if (!List.of("VALIDATING", "WRITING").contains(job.get("status"))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import job did not finish in time");
    }
}
