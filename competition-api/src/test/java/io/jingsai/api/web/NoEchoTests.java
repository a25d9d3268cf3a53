package io.jingsai.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.bulk.ImportFiles;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetFormat;

/**
 * The rule of docs/errors.md: an error never repeats a value the client sent that was rejected, nor personal data,
 * in either language; it may name what the value should be (the allowed values, the expected check character of a
 * credit code). Each case sends distinctive bad values and scans the whole answer (problem or import job) for them.
 */
@IntegrationTest
class NoEchoTests {

    private static final List<SheetColumn> CONTESTANT_COLUMNS = List.of(
            SheetColumn.required("姓名", null, "x"), SheetColumn.required("身份证号", null, "x"),
            SheetColumn.required("企业统一社会信用代码", null, "x"), SheetColumn.required("工种", null, "x"),
            SheetColumn.optional("手机号", null, "x"));

    @Autowired
    WebTestClient client;

    WebTestClient web;
    TestRegistry registry;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
        registry = new TestRegistry(web);
    }

    @Test
    void restErrorsRepeatNoRejectedValue() {
        String badCode = TestIdentities.withWrongCheckCharacter(TestIdentities.creditCode());
        assertNoEcho(post("/api/enterprises", Map.of("name", "某公司", "creditCode", badCode, "regionCode", "993412",
                "ownership", "PRIVATE")), badCode, "993412", "99");
        String lettersInCode = "91610113MA6TX2K7@R";
        assertNoEcho(post("/api/enterprises", Map.of("name", "某公司", "creditCode", lettersInCode,
                "regionCode", "61-113", "ownership", "PRIVATE")), lettersInCode, "61-113", "@");

        long enterprise = registry.enterprise();
        long trade = registry.trade();
        String id = TestIdentities.residentId();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '7' ? '8' : '7');
        String future = TestIdentities.residentId(LocalDate.now().plusYears(1), true);
        for (String idNumber : List.of(wrongCheck, future, id.substring(0, 15), "99" + id.substring(2))) {
            Map<String, Object> body = new HashMap<>(TestRegistry.contestantBody("张秘密", idNumber, enterprise, trade));
            body.put("phone", "12398765432");
            assertNoEcho(post("/api/contestants", body), idNumber, idNumber.substring(0, 6),
                    idNumber.length() > 14 ? idNumber.substring(6, 14) : idNumber, "12398765432", "张秘密");
        }
        for (String code : List.of("9-87-65-43", "6-3x-01", "6-31-012", "631")) {
            assertNoEcho(post("/api/reference/trades", Map.of("nameZh", TestIdentities.unique("工种"),
                    "nameEn", TestIdentities.unique("Trade"), "code", code)), code, code.replace("-", ""));
        }
        assertNoEcho(web.get().uri("/api/contestants?regionCode=997788&q=张秘密").exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody(), "997788");
    }

    @Test
    void importReportsRepeatNoRejectedValueNorPersonalData() {
        long enterprise = registry.enterprise();
        String registered = web.get().uri("/api/enterprises/{id}", enterprise).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("creditCode").toString();
        String badCheck = TestIdentities.withWrongCheckCharacter(TestIdentities.creditCode());
        List<List<String>> enterprises = List.of(
                List.of("甲公司", registered, "610100", "", "国有"),
                List.of("乙公司", badCheck, "993412", "", "民营"),
                List.of("丙公司", "91610113MA6TX2K7@R", "61-113", "", "民营"),
                List.of("丁公司", "Y9610113MA6TX2K74R", "610100", "", "外星所有"));
        assertNoEcho(importJob("enterprises", ImportFiles.ENTERPRISE_COLUMNS, enterprises),
                registered, badCheck, "993412", "61-113", "91610113MA6TX2K7@R", "Y9610113MA6TX2K74R", "外星所有");

        String id = TestIdentities.residentId();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '7' ? '8' : '7');
        String repeated = TestIdentities.residentId();
        String future = TestIdentities.residentId(LocalDate.now().plusYears(1), false);
        String unknownEnterprise = TestIdentities.creditCode();
        List<List<String>> contestants = new ArrayList<>(List.of(
                List.of("赵秘密", wrongCheck, registered, "焊工", "12398765432"),
                List.of("钱秘密", repeated, registered, "焊工", ""),
                List.of("孙秘密", repeated, unknownEnterprise, "秘密工种", "0"),
                List.of("李秘密", future, registered, "焊工", ""),
                List.of("周秘密", "99" + id.substring(2), registered, "焊工", "")));
        List<String> sent = new ArrayList<>(List.of(wrongCheck, repeated, future, unknownEnterprise, "秘密工种",
                "12398765432", "99" + id.substring(2), "秘密"));
        for (List<String> row : contestants) {
            sent.add(row.get(1).substring(6, 14));
        }
        assertNoEcho(importJob("contestants", CONTESTANT_COLUMNS, contestants), sent.toArray(String[]::new));
    }

    @Test
    void aFileNameIsNotRepeated() {
        String answer = web.post().uri("/api/imports/enterprises")
                .body(BodyInserters.fromMultipartData(ImportFiles.multipart("王秘密的名单.txt",
                        "x".getBytes(StandardCharsets.UTF_8))))
                .exchange().expectStatus().isEqualTo(415).expectBody(String.class).returnResult().getResponseBody();
        assertNoEcho(answer, "王秘密");
    }

    private String post(String path, Object body) {
        StringBuilder answers = new StringBuilder();
        for (String language : List.of("zh-CN", "en")) {
            answers.append(web.post().uri(path).header("Accept-Language", language).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody(String.class).returnResult().getResponseBody());
        }
        return answers.toString();
    }

    private String importJob(String kind, List<SheetColumn> columns, List<List<String>> rows) {
        String job = ImportFiles.submit(web, kind, "rows.csv", ImportFiles.file(SheetFormat.CSV, columns, rows));
        Map<String, Object> ended = ImportFiles.awaitEnd(web, job);
        assertThat(ended).containsEntry("status", "REJECTED");
        assertThat((List<?>) ended.get("problems")).hasSizeGreaterThanOrEqualTo(rows.size());
        return ended.toString();
    }

    private static void assertNoEcho(String answer, String... sent) {
        assertThat(answer).as("the answer").isNotBlank();
        for (String value : sent) {
            assertThat(answer).as("answer repeating " + value).doesNotContain(value);
        }
    }
}
