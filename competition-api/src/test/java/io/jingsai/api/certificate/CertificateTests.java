package io.jingsai.api.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.certificate.ResultFixtures.Entrant;

/**
 * Certificates over HTTP on PostgreSQL: issued when, and only when, an event is published, to exactly the entries
 * the published standings give an award band or a title (the oracle: GET /api/events/{id}/results), each saying what
 * those standings say; numbers unique, checkable by anyone, and any altered number unknown; issuing again changes
 * nothing.
 */
@IntegrationTest
class CertificateTests {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    /**
     * Seeded totals from a small set, so that ties happen, also at the cut-offs (INCLUDE_ALL gives every tied entry
     * the band), and an observer with the best total, who is ranked but wins nothing.
     */
    @ParameterizedTest
    @ValueSource(longs = {3, 41, 2025})
    void publicationIssuesACertificateToEveryAwardWinnerAndTitleHolderOfThePublishedStandings(long seed) {
        Random random = new Random(seed);
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Map<Entrant, Integer> totals = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            totals.put(fixtures.entrant(i == 4), i == 4 ? 100 : 60 + 5 * random.nextInt(7));
        }
        fixtures.mark(totals);
        fixtures.move("REVIEW");
        assertThat(fixtures.certificates()).as("nothing is certified during review").isEmpty();
        fixtures.admin.post().uri("/api/events/{e}/certificates/issuance", fixtures.event).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors").doesNotExist();

        fixtures.move("PUBLISHED");
        List<Map<String, Object>> standings = fixtures.standings();
        Map<Long, Map<String, Object>> winners = standings.stream()
                .filter(entry -> entry.get("award") != null || !((List<?>) entry.get("titles")).isEmpty())
                .collect(Collectors.toMap(CertificateTests::registrationId, Function.identity()));
        assertThat(winners).as("a first prize at least").isNotEmpty();
        List<Map<String, Object>> certificates = fixtures.certificates();
        assertThat(certificates).extracting(CertificateTests::registrationId)
                .containsExactlyInAnyOrderElementsOf(winners.keySet());
        Entrant observer = totals.keySet().stream().toList().get(4);
        assertThat(certificates).extracting(CertificateTests::registrationId)
                .as("the observer ranks first but wins nothing").doesNotContain(observer.registrationId());

        Map<Long, Entrant> entrants = totals.keySet().stream()
                .collect(Collectors.toMap(Entrant::registrationId, Function.identity()));
        Set<String> numbers = new HashSet<>();
        for (Map<String, Object> certificate : certificates) {
            Map<String, Object> place = winners.get(registrationId(certificate));
            assertThat(certificate.get("award")).isEqualTo(place.get("award"));
            assertThat(certificate.get("titles")).isEqualTo(place.get("titles"));
            assertThat(certificate.get("rank")).isEqualTo(place.get("rank"));
            assertThat(decimal(certificate.get("total"))).isEqualByComparingTo(decimal(place.get("total")));
            assertThat(certificate.get("resultVersion")).isEqualTo(place.get("resultVersion"));
            Entrant holder = entrants.get(registrationId(certificate));
            assertThat(certificate.get("holderName")).isEqualTo(holder.name());
            assertThat(certificate.get("enterpriseName")).isEqualTo(holder.enterprise());
            String number = (String) certificate.get("number");
            assertThat(number).matches("\\d{4}-\\d{4,}-\\d{4,}-[" + CROCKFORD + "]{8}");
            String[] parts = number.split("-");
            assertThat(Long.parseLong(parts[1])).as("the event").isEqualTo(fixtures.event);
            assertThat(Integer.parseInt(parts[2])).as("the registration number").isEqualTo(holder.number());
            numbers.add(number);

            Map<String, Object> checked = check(fixtures.anonymous, number).expectStatus().isOk()
                    .expectHeader().valueMatches("Cache-Control", ".*public.*")
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(checked).containsEntry("number", number).containsEntry("holderName", holder.name())
                    .containsEntry("enterpriseName", holder.enterprise()).containsEntry("award", place.get("award"))
                    .containsEntry("titles", place.get("titles")).containsKey("eventName").containsKey("issuedAt");
            assertThat(checked.toString()).doesNotContain(holder.idNumber(), holder.phone(),
                    holder.idNumber().substring(14), holder.phone().substring(7));
            check(fixtures.anonymous, number.toLowerCase(Locale.ROOT).replace('0', 'o').replace('1', 'l'))
                    .expectStatus().isOk().expectBody().jsonPath("$.number").isEqualTo(number);
        }
        assertThat(numbers).as("numbers are unique").hasSameSizeAs(certificates);
    }

    /** Every single-character change of a number, and every other registration number, is unknown. */
    @Test
    void anAlteredNumberIsUnknown() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant winner = fixtures.entrant(false);
        Entrant other = fixtures.entrant(false);
        fixtures.mark(Map.of(winner, 90, other, 80));
        fixtures.move("REVIEW");
        fixtures.move("PUBLISHED");
        String number = (String) fixtures.certificates().stream()
                .filter(certificate -> registrationId(certificate) == winner.registrationId())
                .findFirst().orElseThrow().get("number");
        Set<String> issued = fixtures.certificates().stream().map(c -> (String) c.get("number"))
                .collect(Collectors.toSet());

        List<String> altered = new ArrayList<>();
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) == '-') {
                continue;
            }
            String alphabet = Character.isDigit(number.charAt(i)) && i < number.lastIndexOf('-') ? "0123456789"
                    : CROCKFORD;
            int shift = 1 + i % (alphabet.length() - 1);
            char changed = alphabet.charAt((alphabet.indexOf(number.charAt(i)) + shift) % alphabet.length());
            altered.add(number.substring(0, i) + changed + number.substring(i + 1));
        }
        String stem = number.substring(0, number.lastIndexOf('-'));
        String check = number.substring(number.lastIndexOf('-'));
        altered.add(stem.substring(0, stem.lastIndexOf('-') + 1) + String.format("%04d", other.number() + 100) + check);
        altered.add(number + "0");
        altered.add(number.substring(1));
        altered.add("not-a-certificate");
        for (String candidate : altered) {
            if (issued.contains(candidate)) {
                continue; // another certificate's own number is no alteration
            }
            check(fixtures.anonymous, candidate).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .doesNotContain(candidate));
        }
        check(fixtures.anonymous, number).expectStatus().isOk();
    }

    /**
     * Issuing again adds nothing and changes nothing; an event published without some of its certificates (as before
     * certificates existed) gets only those it lacks, under the numbers they would have had.
     */
    @Test
    @SuppressWarnings("unchecked")
    void issuingAgainChangesNothingAndIssuesWhatIsMissing() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        Entrant first = fixtures.entrant(false);
        Entrant second = fixtures.entrant(false);
        Entrant third = fixtures.entrant(false);
        fixtures.mark(Map.of(first, 95, second, 85, third, 75));
        fixtures.move("REVIEW");
        fixtures.move("PUBLISHED");
        List<Map<String, Object>> issued = fixtures.certificates();
        assertThat(issued).hasSize(3);

        Map<String, Object> again = fixtures.admin.post().uri("/api/events/{e}/certificates/issuance", fixtures.event)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).containsEntry("issued", 0);
        assertThat((List<Map<String, Object>>) again.get("items")).isEqualTo(issued);

        // As if the event had been published before certificates existed: one is missing, and only it is issued.
        database.sql("DELETE FROM certificate WHERE registration_id = :id").bind("id", second.registrationId())
                .fetch().rowsUpdated().block();
        Map<String, Object> completed = fixtures.admin.post()
                .uri("/api/events/{e}/certificates/issuance", fixtures.event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(completed).containsEntry("issued", 1);
        List<Map<String, Object>> items = (List<Map<String, Object>>) completed.get("items");
        assertThat(items).extracting(item -> item.get("number"))
                .as("the same numbers: they follow from what they certify")
                .containsExactlyElementsOf(issued.stream().map(item -> item.get("number")).toList());
        assertThat(items.get(0)).isEqualTo(issued.get(0));
        assertThat(items.get(2)).isEqualTo(issued.get(2));

        List<Map<String, Object>> audit = (List<Map<String, Object>>) fixtures.get(
                "/api/audit/chains/event-{e}/entries?size=200", fixtures.event).get("items");
        assertThat(audit).filteredOn(entry -> "certificates.issued".equals(entry.get("action")))
                .as("publication, then the one that was missing").hasSize(2);
        fixtures.admin.get().uri("/api/audit/chains/event-{e}/verification", fixtures.event).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void anEventThatDoesNotExistHasNoCertificates() {
        ResultFixtures fixtures = new ResultFixtures(web, database);
        fixtures.admin.get().uri("/api/events/{e}/certificates", 9_000_000_000_000L).exchange()
                .expectStatus().isNotFound();
        fixtures.admin.post().uri("/api/events/{e}/certificates/issuance", 9_000_000_000_000L).exchange()
                .expectStatus().isNotFound();
        fixtures.admin.post().uri("/api/events/{e}/certificates/issuance", fixtures.event).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("DRAFT"));
    }

    private static WebTestClient.ResponseSpec check(WebTestClient client, String number) {
        return client.get().uri("/api/public/certificates/{n}", number).exchange();
    }

    private static long registrationId(Map<String, Object> entry) {
        return ((Number) entry.get("registrationId")).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
