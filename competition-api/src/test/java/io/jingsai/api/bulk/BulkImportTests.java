package io.jingsai.api.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.TestRegistry;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetReader;

@IntegrationTest
class BulkImportTests {

    private static final List<SheetColumn> ENTERPRISE_COLUMNS = ImportFiles.ENTERPRISE_COLUMNS;
    private static final List<SheetColumn> CONTESTANT_COLUMNS = List.of(
            SheetColumn.required("姓名", null, "x"), SheetColumn.required("身份证号", null, "x"),
            SheetColumn.required("企业统一社会信用代码", null, "x"), SheetColumn.required("工种", null, "x"),
            SheetColumn.optional("手机号", null, "x"));

    @Autowired
    WebTestClient client;

    WebTestClient web;

    @BeforeEach
    void signIn() {
        web = TestClients.administrator(client);
    }

    @Test
    void templatesHaveTheChineseHeadersAndReadBack() {
        for (SheetFormat format : SheetFormat.values()) {
            byte[] template = web.get().uri("/api/imports/contestants/template?format={f}", format.extension())
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"contestants-template\\..*")
                    .expectBody(byte[].class).returnResult().getResponseBody();

            Sheet sheet = SheetReader.of(CONTESTANT_COLUMNS).read(template, format);
            assertThat(sheet.rows()).hasSize(1);
            assertThat(sheet.rows().get(0).value("身份证号")).isEqualTo("610102199003071238");
        }
    }

    @Test
    void goodEnterpriseFileIsImportedWhole() {
        String tag = TestIdentities.unique("导入");
        List<List<String>> rows = List.of(
                List.of(tag + "甲", TestIdentities.creditCode(), "610100", "建筑业", "国有"),
                List.of(tag + "乙", TestIdentities.creditCode().toLowerCase(), "610113", "", "民营"),
                List.of(tag + "丙", TestIdentities.creditCode(), "610200", "制造业", "MIXED"));

        Map<String, Object> job = importAndWait("enterprises", "企业.csv", file(SheetFormat.CSV, ENTERPRISE_COLUMNS, rows));

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 3);
        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).build()).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[?(@.name == '" + tag + "乙')].ownership").isEqualTo("PRIVATE");
    }

    @Test
    void oneBadRowRejectsTheWholeFileListingEveryProblem() {
        String tag = TestIdentities.unique("坏行");
        String repeated = TestIdentities.creditCode();
        List<List<String>> rows = List.of(
                List.of(tag + "甲", TestIdentities.creditCode(), "610100", "", "国有"),
                List.of(tag + "乙", TestIdentities.withWrongCheckCharacter(TestIdentities.creditCode()), "610100", "",
                        "国有"),
                List.of(tag + "丙", repeated, "999999", "", "火星"),
                List.of(tag + "丁", repeated, "610100", "", "国有"));

        Map<String, Object> job = importAndWait("enterprises", "企业.xlsx",
                file(SheetFormat.XLSX, ENTERPRISE_COLUMNS, rows));

        assertThat(job).containsEntry("status", "REJECTED").containsEntry("rowsWritten", 0)
                .containsEntry("problemCount", 4).containsEntry("problemsTruncated", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems = (List<Map<String, Object>>) job.get("problems");
        assertThat(problems).extracting(p -> p.get("row") + ":" + p.get("column")).containsExactlyInAnyOrder(
                "3:统一社会信用代码", "4:行政区划代码", "4:所有制", "5:统一社会信用代码");
        web.get().uri(b -> b.path("/api/enterprises").queryParam("q", tag).build()).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void aReportWithMoreProblemsThanItListsSaysSo() {
        String tag = TestIdentities.unique("截断");
        int rows = ImportJobService.MAX_LISTED_PROBLEMS + 1;
        List<List<String>> bad = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            bad.add(List.of(tag + i, "short" + i, "610100", "", "国有")); // one problem a row: too short
        }

        Map<String, Object> job = importAndWait("enterprises", "many.csv", file(SheetFormat.CSV, ENTERPRISE_COLUMNS, bad));

        assertThat(job).containsEntry("status", "REJECTED").containsEntry("problemCount", rows)
                .containsEntry("problemsTruncated", true);
        assertThat((List<?>) job.get("problems")).hasSize(ImportJobService.MAX_LISTED_PROBLEMS);
        assertThat(job.get("message").toString())
                .contains("the first " + ImportJobService.MAX_LISTED_PROBLEMS + " of " + rows + " problems are listed");
    }

    @Test
    void contestantsResolveEnterprisesByCreditCodeAndTradesByNameThenExportAndRoundTrip() {
        TestRegistry registry = new TestRegistry(web);
        long enterprise = registry.enterprise();
        String code = web.get().uri("/api/enterprises/{id}", enterprise).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("creditCode").toString();
        String first = TestIdentities.residentId();
        String second = TestIdentities.residentId();
        List<List<String>> rows = List.of(
                List.of("张三", first, code, "焊工", "13800138000"),
                List.of("李四", second, code.toLowerCase(), "6-31-01-03", ""));

        Map<String, Object> job = importAndWait("contestants", "选手.xlsx",
                file(SheetFormat.XLSX, CONTESTANT_COLUMNS, rows));
        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 2);

        byte[] masked = web.get().uri("/api/contestants/export?format=xlsx&enterpriseId={e}", enterprise).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Sheet exported = SheetReader.of(CONTESTANT_COLUMNS).read(masked, SheetFormat.XLSX);
        assertThat(exported.rows()).extracting(r -> r.value("身份证号"))
                .containsExactly(second.substring(0, 6) + "********" + second.substring(14),
                        first.substring(0, 6) + "********" + first.substring(14));
        // pinyin order of names: 李四 (li) before 张三 (zhang)
        assertThat(exported.rows()).extracting(r -> r.value("工种")).containsExactly("电工", "焊工");

        byte[] revealed = web.get().uri("/api/contestants/export?format=csv&enterpriseId={e}&reveal=idNumber"
                        + "&reason=导出后修改再导入", enterprise).exchange().expectBody(byte[].class).returnResult().getResponseBody();
        Map<String, Object> again = importAndWait("contestants", "export.csv", revealed);
        assertThat(again).containsEntry("status", "REJECTED").containsEntry("problemCount", 2);
        assertThat(again.get("problems").toString()).contains("already registered");
    }

    @Test
    void aRepeatedIdNumberRejectsTheFileNamingTheRowItRepeatsWithoutTheNumber() {
        TestRegistry registry = new TestRegistry(web);
        String code = creditCodeOf(registry.enterprise());
        String first = TestIdentities.unique("王五");
        String second = TestIdentities.unique("赵六");
        String repeated = TestIdentities.residentId();
        // Both rows are valid on their own: only the repetition can stop the first from being written.
        List<List<String>> rows = List.of(
                List.of(first, repeated, code, "焊工", ""),
                List.of(TestIdentities.unique("孙七"), TestIdentities.residentId(), code, "焊工", ""),
                List.of(second, repeated.toLowerCase(), code, "焊工", ""));

        Map<String, Object> job = importAndWait("contestants", "选手.csv",
                file(SheetFormat.CSV, CONTESTANT_COLUMNS, rows));

        assertThat(job).containsEntry("status", "REJECTED").containsEntry("rowsRead", 3)
                .containsEntry("rowsWritten", 0).containsEntry("problemCount", 1);
        assertThat(problems(job)).containsExactly(Map.of("row", 4, "column", "身份证号", "rule", "duplicate",
                "message", "the same value is already in row 2"));
        assertThat(job.toString()).doesNotContain(repeated).doesNotContain(repeated.substring(6, 14));
        for (String name : List.of(first, second)) {
            web.get().uri(b -> b.path("/api/contestants").queryParam("q", name).build()).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        }
    }

    @Test
    void unknownReferencesAreReportedPerRow() {
        List<List<String>> rows = List.of(
                List.of("王五", TestIdentities.residentId(), TestIdentities.creditCode(), "焊工", ""),
                List.of("赵六", TestIdentities.residentId(), TestIdentities.creditCode(), "不存在的工种", "123"));

        Map<String, Object> job = importAndWait("contestants", "选手.csv",
                file(SheetFormat.CSV, CONTESTANT_COLUMNS, rows));

        assertThat(job).containsEntry("status", "REJECTED").containsEntry("rowsWritten", 0);
        assertThat(problems(job)).extracting(p -> p.get("row") + ":" + p.get("column") + ":" + p.get("rule"))
                .containsExactly("2:企业统一社会信用代码:unknown", "3:企业统一社会信用代码:unknown", "3:工种:unknown",
                        "3:手机号:invalid");
    }

    @Test
    void judgesAreImportedWithChineseQualifications() {
        String name = TestIdentities.unique("裁判");
        List<SheetColumn> columns = List.of(SheetColumn.required("姓名", null, "x"),
                SheetColumn.required("裁判等级", null, "x"), SheetColumn.optional("邮箱", null, "x"));
        Map<String, Object> job = importAndWait("judges", "裁判.csv", file(SheetFormat.CSV, columns,
                List.of(List.of(name, "国家级", "a@b.cn"), List.of(name + "二", "市级", ""))));

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 2);
        web.get().uri(b -> b.path("/api/judges").queryParam("q", name).queryParam("qualification", "NATIONAL").build())
                .exchange().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void tenThousandRowsImportInOneJob(@Autowired DatabaseClient database) {
        String tag = TestIdentities.unique("万行");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(List.of(tag + i, TestIdentities.creditCode(), "610100", "", "民营"));
        }

        Map<String, Object> job = importAndWait("enterprises", "big.csv", file(SheetFormat.CSV, ENTERPRISE_COLUMNS, rows));

        assertThat(job).containsEntry("status", "SUCCEEDED").containsEntry("rowsWritten", 10_000);
        // the rows are there, and are taken away again: a kept test database would otherwise grow by 10,000
        // enterprises a run
        Long removed = database.sql("DELETE FROM enterprise WHERE name LIKE :prefix").bind("prefix", tag + "%")
                .fetch().rowsUpdated().block(Duration.ofMinutes(1));
        assertThat(removed).isEqualTo(10_000L);
    }

    @Test
    void wrongFileTypeAndUnknownKindAreRefused() {
        web.post().uri("/api/imports/enterprises")
                .body(BodyInserters.fromMultipartData(ImportFiles.multipart("张三的名单.txt", "hello".getBytes(StandardCharsets.UTF_8))))
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                // A file name may name a person: it is not repeated.
                .expectBody().jsonPath("$.detail").isEqualTo("请上传 .xlsx 或 .csv 文件");
        web.get().uri("/api/imports/planets/template").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("没有这种导入类型；可导入：contestants、enterprises、judges");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysIsRejected() {
        Map<String, Object> job = importAndWait("enterprises", "fake.xlsx", "企业名称,统一社会信用代码\n".getBytes(
                StandardCharsets.UTF_8));

        assertThat(job).containsEntry("status", "REJECTED");
        assertThat(job.get("message").toString()).isNotBlank();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("problems");
    }

    private String creditCodeOf(long enterprise) {
        return web.get().uri("/api/enterprises/{id}", enterprise).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("creditCode").toString();
    }

    private Map<String, Object> importAndWait(String kind, String fileName, byte[] content) {
        return ImportFiles.awaitEnd(web, ImportFiles.submit(web, kind, fileName, content));
    }

    private static byte[] file(SheetFormat format, List<SheetColumn> columns, List<List<String>> rows) {
        return ImportFiles.file(format, columns, rows);
    }
}
