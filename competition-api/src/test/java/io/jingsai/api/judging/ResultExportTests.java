package io.jingsai.api.judging;

import static io.jingsai.api.judging.MarkingFixtures.sheet;
import static io.jingsai.api.judging.MarkingFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestClients;
import io.jingsai.api.judging.MarkingFixtures.Judge;

/**
 * The files organizers print, read back with POI (and as CSV text) and compared with the results endpoint: the
 * results in the published layout, headers in the request's language, and one score sheet per judge to sign. No ID
 * number is in them; judges and the public may not download them.
 */
@IntegrationTest
class ResultExportTests {

    private static final String ID_NUMBER = "\\d{17}[\\dX]";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    @Test
    @SuppressWarnings("unchecked")
    void exportsHoldWhatTheResultsEndpointSaysAndEachJudgesMarks() throws IOException {
        MarkingFixtures fixtures = new MarkingFixtures(web, database);
        WebTestClient admin = fixtures.admin();
        long event = fixtures.event(FinalStandingsTests.SCHEME, FinalStandingsTests.RULES);
        int[] totals = {88, 95, 70, 95, 60, 81};
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            entries.add(fixtures.entry("E-" + (i + 1), i == 5));
        }
        List<Judge> judges = fixtures.judges(2);
        fixtures.startMarking();
        for (int i = 0; i < totals.length; i++) {
            for (Judge judge : judges) {
                // the two judges differ by 2; the median of two is their mean, the total
                int mark = totals[i] + (judge == judges.get(0) ? -1 : 1);
                submit(judge.client(), event, entries.get(i), UUID.randomUUID().toString(), sheet("M1", mark))
                        .expectStatus().isCreated();
            }
        }
        fixtures.move("REVIEW");
        Map<String, Object> standings = admin.get().uri("/api/events/{e}/results", event).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> expected = FinalStandingsTests.entriesOf(standings);

        List<List<String>> xlsx = rows(workbook(download(admin, event, "export", "xlsx", "zh")).getSheetAt(0));
        assertThat(xlsx.get(0)).containsExactly("名次", "工位号", "报名号", "选手/班组", "企业名称", "总分", "奖项",
                "称号", "标准分");
        List<List<String>> csv = csv(download(admin, event, "export", "csv", "zh"));
        assertThat(csv).isEqualTo(xlsx);
        assertThat(rows(workbook(download(admin, event, "export", "xlsx", "en")).getSheetAt(0)).get(0))
                .startsWith("Rank", "Station number", "Registration number");

        assertThat(xlsx).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> entry = expected.get(i);
            List<String> row = xlsx.get(i + 1);
            assertThat(row.get(0)).isEqualTo(String.valueOf(entry.get("rank")));
            assertThat(row.get(1)).isEqualTo(entry.get("stationNumber"));
            assertThat(row.get(2)).isEqualTo(String.valueOf(entry.get("registrationNumber")));
            assertThat(row.get(3)).startsWith("选手");
            assertThat(row.get(4)).startsWith("测试企业");
            assertThat(new BigDecimal(row.get(5))).isEqualByComparingTo(new BigDecimal(entry.get("total").toString()));
            assertThat(row.get(6)).isEqualTo(entry.get("award") == null ? "" : entry.get("award"));
            assertThat(row.get(7)).isEqualTo(String.join("、", (List<String>) entry.get("titles")));
            assertThat(row.get(8)).isEqualTo(entry.get("standardisedScore") == null ? ""
                    : new BigDecimal(entry.get("standardisedScore").toString()).stripTrailingZeros().toPlainString());
        }
        assertThat(xlsx).flatMap(row -> row).noneMatch(cell -> cell.matches(".*" + ID_NUMBER + ".*"));
        assertThat(xlsx.stream().filter(row -> "一等奖".equals(row.get(6))).map(row -> row.get(2)).toList())
                .as("two entries tied at 95 share the first prize").hasSize(2);

        try (XSSFWorkbook sheets = workbook(download(admin, event, "judge-sheets", "xlsx", "zh"))) {
            assertThat(sheets.getNumberOfSheets()).isEqualTo(judges.size());
            for (int j = 0; j < judges.size(); j++) {
                List<List<String>> rows = rows(sheets.getSheetAt(j));
                assertThat(rows.get(0).get(0)).contains("评分表（裁判：");
                assertThat(rows.get(1)).startsWith("报名号", "工位号", "M1 功能正确");
                assertThat(rows.get(rows.size() - 1).get(0)).startsWith("裁判签字");
                for (int i = 0; i < totals.length; i++) {
                    List<String> line = rows.get(2 + i);
                    assertThat(line.get(0)).isEqualTo(String.valueOf(i + 1));
                    assertThat(line.get(1)).isEqualTo("E-" + (i + 1));
                    assertThat(line.get(2)).isEqualTo(String.valueOf(totals[i] + (j == 0 ? -1 : 1)));
                }
            }
        }
        String sheetsCsv = new String(download(admin, event, "judge-sheets", "csv", "en"), StandardCharsets.UTF_8);
        assertThat(sheetsCsv.split("Judge's signature", -1)).hasSize(judges.size() + 1);

        for (String file : List.of("export", "judge-sheets")) {
            judges.get(0).client().get().uri("/api/events/{e}/results/{f}", event, file).exchange()
                    .expectStatus().isForbidden();
            TestClients.anonymous(web).get().uri("/api/events/{e}/results/{f}", event, file).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    private static byte[] download(WebTestClient client, long event, String file, String format, String language) {
        return client.get().uri("/api/events/{e}/results/{f}?format={x}", event, file, format)
                .header("Accept-Language", language).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static XSSFWorkbook workbook(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Every row as text, numbers in plain digits; trailing empty cells dropped as CSV drops nothing: padded. */
    private static List<List<String>> rows(XSSFSheet sheet) {
        DataFormatter text = new DataFormatter();
        int width = 0;
        for (Row row : sheet) {
            width = Math.max(width, row.getLastCellNum());
        }
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Cell cell = row.getCell(c);
                values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                        ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                        : text.formatCellValue(cell));
            }
            rows.add(values);
        }
        return rows;
    }

    /** A CSV without quoted commas (none of these values has one), numbers as plain digits. */
    private static List<List<String>> csv(byte[] bytes) {
        String content = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> rows = new ArrayList<>();
        for (String line : content.split("\r\n")) {
            List<String> values = new ArrayList<>();
            for (String value : line.split(",", -1)) {
                values.add(value.matches("-?\\d+(\\.\\d+)?")
                        ? new BigDecimal(value).stripTrailingZeros().toPlainString() : value);
            }
            rows.add(values);
        }
        return rows;
    }
}
