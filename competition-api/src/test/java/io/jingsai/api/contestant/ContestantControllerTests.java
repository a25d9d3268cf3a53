package io.jingsai.api.contestant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetReader;

@IntegrationTest
class ContestantControllerTests {

    @Autowired
    WebTestClient anonymous;

    WebTestClient web;
    TestRegistry registry;
    long enterprise;
    long trade;

    @BeforeEach
    void setUp() {
        web = TestClients.administrator(anonymous);
        registry = new TestRegistry(web);
        enterprise = registry.enterprise();
        trade = registry.trade();
    }

    @Test
    void registersAContestantDerivingBirthDateAndSexAndMasksTheIdNumber() {
        String idNumber = TestRegistry.idNumberBornOn(LocalDate.of(1990, 3, 7), false);
        long id = registry.create("/api/contestants",
                TestRegistry.contestantBody("王秀英", idNumber, enterprise, trade));

        web.get().uri("/api/contestants/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.idNumber").isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
                .jsonPath("$.idNumberMasked").isEqualTo(true)
                .jsonPath("$.birthDate").doesNotExist()
                .jsonPath("$.sex").isEqualTo("FEMALE");
        web.get().uri("/api/contestants/{id}?reveal=idNumber&reason=核对身份", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.idNumber").isEqualTo(idNumber)
                .jsonPath("$.birthDate").isEqualTo("1990-03-07");
    }

    @Test
    void theApiAndTheExportMaskAPhoneTheSameWay() {
        Map<String, Object> body = new HashMap<>(TestRegistry.contestantBody(TestIdentities.unique("孙"),
                TestIdentities.residentId(), enterprise, trade));
        body.put("phone", "029-88886666");
        long id = registry.create("/api/contestants", body);

        String shown = (String) web.get().uri("/api/contestants/{id}", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("phone");
        byte[] file = web.get().uri("/api/contestants/export?format=csv&enterpriseId={e}", enterprise).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Sheet exported = SheetReader.of(ContestantExport.COLUMNS).read(file, SheetFormat.CSV);

        assertThat(shown).isEqualTo("029*****6666");
        assertThat(exported.rows()).extracting(row -> row.value(ContestantImport.PHONE)).containsExactly(shown);
    }

    @Test
    void aCreatedContestantReadsBackWithTheSameInstants() {
        Map<?, ?> created = web.post().uri("/api/contestants").bodyValue(TestRegistry.contestantBody("时",
                        TestIdentities.residentId(), enterprise, trade)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> read = web.get().uri("/api/contestants/{id}", created.get("id")).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(read.get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(read.get("updatedAt")).isEqualTo(created.get("updatedAt"));
    }

    @Test
    void listsNeverShowFullIdNumbers() {
        String idNumber = TestIdentities.residentId();
        String name = TestIdentities.unique("赵");
        registry.create("/api/contestants", TestRegistry.contestantBody(name, idNumber, enterprise, trade));

        web.get().uri(b -> b.path("/api/contestants").queryParam("q", name).build()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains(name).doesNotContain(idNumber));
    }

    @Test
    void wrongIdCheckCharacterIsRejected() {
        String valid = TestIdentities.residentId();
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');

        web.post().uri("/api/contestants")
                .bodyValue(TestRegistry.contestantBody("钱", wrong, enterprise, trade)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("idNumber")
                .jsonPath("$.errors[0].rule").isEqualTo("idNumber.checkCharacter")
                .jsonPath("$.errors[0].message").isEqualTo("第 18 位（校验码）不正确")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(wrong));
    }

    @Test
    void sameIdNumberTwiceIsAConflictWithoutEchoingTheNumber() {
        String idNumber = TestIdentities.residentId();
        registry.create("/api/contestants", TestRegistry.contestantBody("孙", idNumber, enterprise, trade));

        web.post().uri("/api/contestants")
                .bodyValue(TestRegistry.contestantBody("孙二", idNumber, enterprise, trade)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(idNumber));
    }

    @Test
    void unknownEnterpriseAndTradeAreBothReported() {
        web.post().uri("/api/contestants")
                .bodyValue(TestRegistry.contestantBody("周", TestIdentities.residentId(), 999_999_999L, 999_999_998L))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("enterpriseId")
                .jsonPath("$.errors[1].field").isEqualTo("tradeId");
    }

    @Test
    void badPhoneIsRejected() {
        Map<String, Object> body = new HashMap<>(
                TestRegistry.contestantBody("吴", TestIdentities.residentId(), enterprise, trade));
        body.put("phone", "12345");

        web.post().uri("/api/contestants").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
    }

    @Test
    void filtersByEnterpriseAndChangesWithVersion() {
        long id = registry.contestant(enterprise, trade);
        long other = registry.enterprise();
        String idNumber = web.get().uri("/api/contestants/{id}?reveal=idNumber&reason=核对身份", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("idNumber").toString();

        web.put().uri("/api/contestants/{id}", id).header("If-Match", "\"0\"")
                .bodyValue(TestRegistry.contestantBody("郑", idNumber, other, trade)).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/contestants?enterpriseId={e}", other).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo("郑");
        web.get().uri("/api/contestants?enterpriseId={e}", enterprise).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void filtersByTheRegionOfTheirEnterprise() {
        String tag = TestIdentities.unique("地区");
        long elsewhere = registry.create("/api/enterprises", Map.of("name", TestIdentities.unique("宝鸡企业"),
                "creditCode", TestIdentities.creditCode(), "regionCode", "610300", "ownership", "PRIVATE"));
        registry.create("/api/contestants", TestRegistry.contestantBody(tag + "西安", TestIdentities.residentId(),
                enterprise, trade));
        registry.create("/api/contestants", TestRegistry.contestantBody(tag + "宝鸡", TestIdentities.residentId(),
                elsewhere, trade));

        web.get().uri(b -> b.path("/api/contestants").queryParam("q", tag).queryParam("regionCode", "610300").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo(tag + "宝鸡");
        web.get().uri(b -> b.path("/api/contestants").queryParam("q", tag).queryParam("regionCode", "610000").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
        web.get().uri(b -> b.path("/api/contestants").queryParam("q", tag).queryParam("regionCode", "620000").build())
                .exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aRegionWithMoreEnterprisesThanAStatementTakesParametersIsFiltered(@Autowired DatabaseClient database) {
        // 70,000 enterprises in one city: more than the 65,535 parameters a PostgreSQL statement can bind, which
        // is what listing a region's enterprise ids as parameters ran into
        String batch = "ZZ" + String.format("%08X", new Random().nextInt());
        String tag = TestIdentities.unique("大区");
        database.sql("""
                INSERT INTO enterprise (name, credit_code, region_code, ownership, created_at, updated_at)
                SELECT :batch || g, :batch || lpad(g::text, 8, '0'), '610300', 'PRIVATE', now(), now()
                FROM generate_series(1, 70000) g""").bind("batch", batch).then().block(Duration.ofMinutes(1));
        try {
            long baoji = registry.create("/api/enterprises", Map.of("name", TestIdentities.unique("宝鸡企业"),
                    "creditCode", TestIdentities.creditCode(), "regionCode", "610300", "ownership", "PRIVATE"));
            registry.create("/api/contestants", TestRegistry.contestantBody(tag + "宝鸡", TestIdentities.residentId(),
                    baoji, trade));

            web.get().uri(b -> b.path("/api/contestants").queryParam("q", tag).queryParam("regionCode", "610000")
                            .build())
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].name").isEqualTo(tag + "宝鸡");
            web.get().uri(b -> b.path("/api/contestants").queryParam("q", tag).queryParam("regionCode", "620000")
                            .build())
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(0);
        } finally {
            database.sql("DELETE FROM enterprise WHERE credit_code LIKE :batch || '%'").bind("batch", batch)
                    .then().block(Duration.ofMinutes(1));
        }
    }

    @Test
    void anEnterpriseWithContestantsCannotBeRemoved() {
        registry.contestant(enterprise, trade);

        web.delete().uri("/api/enterprises/{id}", enterprise).header("If-Match", "\"0\"").exchange()
                .expectStatus().isEqualTo(409);
    }
}
