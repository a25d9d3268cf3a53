package io.jingsai.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.certificate.ResultFixtures.Entrant;
import io.jingsai.api.identifiers.Masks;

/**
 * A contestant's own result over HTTP: with the registration's verification code it is the stored result (the
 * oracle: what organizers read of the entry's result and the event's standings), provisional while marking and final
 * once published, with the certificate's number; without the right code, the answer is the same whether the number
 * exists or not; nothing personal beyond the name is ever in it.
 */
@IntegrationTest
class OwnResultTests {

    /** The fields of the answer (those without a value are left out): what it promises, and nothing personal. */
    private static final Set<String> FIELDS = Set.of("eventId", "eventName", "eventStatus", "tradeName", "tradeNameEn",
            "registrationNumber", "entrant", "enterprise", "regionCode", "registrationStatus", "provisional",
            "published", "result", "certificateNumber");

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    @ParameterizedTest
    @ValueSource(longs = {5, 77})
    @SuppressWarnings("unchecked")
    void withItsCodeAnEntryShowsItsStoredResultWhileMarkingAndOncePublished(long seed) {
        Random random = new Random(seed);
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Map<Entrant, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            totals.put(fixtures.entrant(false), 50 + 10 * random.nextInt(5));
        }
        Entrant unmarked = fixtures.entrant(false);
        fixtures.mark(totals);

        for (Entrant entrant : totals.keySet()) {
            Map<String, Object> own = ownResult(fixtures, entrant);
            assertThat(FIELDS).containsAll(own.keySet());
            assertThat(own).containsEntry("provisional", true).containsEntry("published", false)
                    .containsEntry("eventStatus", "MARKING").doesNotContainKey("certificateNumber");
            assertSameAsStored(fixtures, entrant, own);
        }
        Map<String, Object> waiting = ownResult(fixtures, unmarked);
        assertThat(waiting).doesNotContainKey("result").containsEntry("entrant", unmarked.name());

        fixtures.markAgain(unmarked, 40);
        fixtures.move("REVIEW");
        fixtures.move("PUBLISHED");
        Map<Long, String> certificates = new HashMap<>();
        fixtures.certificates().forEach(certificate -> certificates.put(
                ((Number) certificate.get("registrationId")).longValue(), (String) certificate.get("number")));
        assertThat(certificates).isNotEmpty();
        for (Entrant entrant : totals.keySet()) {
            Map<String, Object> own = ownResult(fixtures, entrant);
            assertThat(own).containsEntry("provisional", false).containsEntry("published", true);
            assertThat(own.get("certificateNumber")).isEqualTo(certificates.get(entrant.registrationId()));
            assertSameAsStored(fixtures, entrant, own);
        }
    }

    /**
     * A wrong code, a number no entry has, and an event that is not public yet all answer the same 404 (the same body
     * but for where it was asked), and none says anything of the entry.
     */
    @Test
    void aWrongCodeAndAnUnknownNumberAreIndistinguishable() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant entrant = fixtures.entrant(false);
        Entrant other = fixtures.entrant(false);
        fixtures.mark(Map.of(entrant, 70, other, 60));
        String wrong = anotherCode(entrant.code(), other.code());

        Map<String, Object> wrongCode = problem(fixtures, fixtures.event, entrant.number(), wrong);
        Map<String, Object> othersCode = problem(fixtures, fixtures.event, entrant.number(), other.code());
        Map<String, Object> unknownNumber = problem(fixtures, fixtures.event, 9_999, entrant.code());
        ResultFixtures draft = new ResultFixtures(web, database);
        Entrant notPublic = draft.entrant(false);
        Map<String, Object> notPublicYet = problem(draft, draft.event, notPublic.number(), notPublic.code());
        Map<String, Object> noEvent = problem(fixtures, 9_000_000_000_000L, 1, entrant.code());
        for (Map<String, Object> answer : List.of(othersCode, unknownNumber, notPublicYet, noEvent)) {
            assertThat(answer).isEqualTo(wrongCode);
        }
        assertThat(wrongCode).containsEntry("status", 404);
        assertThat(wrongCode.toString()).doesNotContain(entrant.name(), entrant.enterprise(), wrong);
    }

    @Test
    void aCodeIsRequiredAndMustHaveTheShapeOfOne() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant entrant = fixtures.entrant(false);
        fixtures.mark(Map.of(entrant, 80));
        fixtures.anonymous.get().uri("/api/public/events/{e}/results/{n}", fixtures.event, entrant.number())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code")
                .jsonPath("$.errors[0].rule").isEqualTo("required");
        for (String malformed : List.of("", "ABC", entrant.code() + "7", "UUUUUUUU", "码码码码码码码码")) {
            answer(fixtures, fixtures.event, entrant.number(), malformed).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("code")
                    .jsonPath("$.errors[0].rule").isEqualTo("verificationCode.format")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(malformed
                            .isEmpty() ? "\u0000" : malformed));
        }
        // As typed on paper: small letters, a hyphen in the middle, O for 0, I or L for 1.
        String typed = entrant.code().substring(0, 4).toLowerCase(Locale.ROOT) + "-" + entrant.code().substring(4)
                .replace('0', 'O').replace('1', 'I');
        answer(fixtures, fixtures.event, entrant.number(), typed).expectStatus().isOk()
                .expectBody().jsonPath("$.entrant").isEqualTo(entrant.name());
    }

    /**
     * Past the free failures, an address guessing at an event's codes is locked out of that event, even with the
     * right code, and told how long to wait; other events are not affected.
     */
    @Test
    void guessingLocksTheAddressOutOfTheEvent() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant entrant = fixtures.entrant(false);
        Entrant other = fixtures.entrant(false);
        fixtures.mark(Map.of(entrant, 70, other, 65));
        ResultFixtures elsewhere = new ResultFixtures(web, database);
        Entrant elsewhereEntrant = elsewhere.entrant(false);
        elsewhere.mark(Map.of(elsewhereEntrant, 75));
        String wrong = anotherCode(entrant.code(), other.code());

        int free = OwnResultService.FREE_FAILURES;
        for (int i = 0; i < free; i++) {
            answer(fixtures, fixtures.event, entrant.number(), wrong).expectStatus().isNotFound();
        }
        answer(fixtures, fixtures.event, entrant.number(), entrant.code()).expectStatus().isOk();
        answer(fixtures, fixtures.event, other.number(), wrong).expectStatus().isNotFound();
        // The first failure over the free ones locks for the first lock (configured long for tests: see
        // config/application.properties), so the next request is refused whatever it says.
        answer(fixtures, fixtures.event, entrant.number(), entrant.code()).expectStatus().isEqualTo(429)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
                .expectBody().jsonPath("$.status").isEqualTo(429);
        answer(elsewhere, elsewhere.event, elsewhereEntrant.number(), elsewhereEntrant.code())
                .expectStatus().isOk();
    }

    /** The answer, as PersonalDataTests asks of public answers: the name, never the ID number or phone. */
    @Test
    void theAnswerCarriesNoIdNumberNorPhone() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant entrant = fixtures.entrant(false);
        fixtures.mark(Map.of(entrant, 88));
        fixtures.move("REVIEW");
        fixtures.move("PUBLISHED");
        String body = new String(answer(fixtures, fixtures.event, entrant.number(), entrant.code())
                .expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*no-store.*")
                .expectBody().returnResult().getResponseBodyContent());
        assertThat(body).contains(entrant.name(), entrant.enterprise());
        assertThat(body).doesNotContain(entrant.idNumber(), Masks.idNumber(entrant.idNumber()), entrant.phone(),
                Masks.phone(entrant.phone()), entrant.idNumber().substring(6, 14), entrant.code());
        String number = (String) fixtures.certificates().get(0).get("number");
        String certificate = new String(fixtures.anonymous.get().uri("/api/public/certificates/{n}", number)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
        assertThat(certificate).contains(entrant.name());
        assertThat(certificate).doesNotContain(entrant.idNumber(), Masks.idNumber(entrant.idNumber()),
                entrant.phone(), Masks.phone(entrant.phone()), entrant.idNumber().substring(6, 14), entrant.code());
    }

    /** The own result equals the organizers' view of the entry's stored result and of its place in the standings. */
    @SuppressWarnings("unchecked")
    private static void assertSameAsStored(ResultFixtures fixtures, Entrant entrant, Map<String, Object> own) {
        Map<String, Object> stored = fixtures.get("/api/events/{e}/registrations/{r}/result", fixtures.event,
                entrant.registrationId());
        Map<String, Object> place = fixtures.standings().stream()
                .filter(entry -> ((Number) entry.get("registrationId")).longValue() == entrant.registrationId())
                .findFirst().orElseThrow();
        Map<String, Object> result = (Map<String, Object>) own.get("result");
        assertThat(own).containsEntry("entrant", entrant.name()).containsEntry("enterprise", entrant.enterprise())
                .containsEntry("regionCode", "610113").containsEntry("registrationNumber", entrant.number());
        assertThat(result.get("status")).isEqualTo(stored.get("status"));
        assertThat(new BigDecimal(result.get("total").toString()))
                .isEqualByComparingTo(new BigDecimal(stored.get("total").toString()));
        assertThat(result.get("components")).isEqualTo(stored.get("components"));
        assertThat(result.get("rank")).isEqualTo(place.get("rank"));
        assertThat(result.get("award")).isEqualTo(place.get("award"));
        assertThat(result.get("titles")).isEqualTo(place.get("titles"));
    }

    /** A well-formed code that is neither of these. */
    private static String anotherCode(String... codes) {
        String code = "00000000";
        while (List.of(codes).contains(code)) {
            code = Integer.toString(Integer.parseInt(code) + 1);
            code = "0".repeat(8 - code.length()) + code;
        }
        return code;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ownResult(ResultFixtures fixtures, Entrant entrant) {
        return answer(fixtures, fixtures.event, entrant.number(), entrant.code()).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The problem answered, without its instance (where it was asked). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(ResultFixtures fixtures, long event, long number, String code) {
        EntityExchangeResult<Map> answer = answer(fixtures, event, number, code).expectStatus().isNotFound()
                .expectBody(Map.class).returnResult();
        Map<String, Object> problem = new HashMap<>(answer.getResponseBody());
        problem.remove("instance");
        return problem;
    }

    private static WebTestClient.ResponseSpec answer(ResultFixtures fixtures, long event, long number, String code) {
        return fixtures.anonymous.get()
                .uri(builder -> builder.path("/api/public/events/{e}/results/{n}").queryParam("code", "{c}")
                        .build(event, number, code))
                .exchange();
    }
}
