package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * The programme's standings report over HTTP on PostgreSQL, read back with POI: each sheet is the JSON standings the
 * organizers read (stars and enterprises on the basis asked for, the projects as evaluated), line for line, with the
 * names the registry gives; a region filter keeps exactly the lines inside the region (by a containment rule written
 * here, not the app's); headers follow the language; bad parameters are 400s naming them.
 */
@IntegrationTest
class StandingsReportTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient database;

    WebTestClient admin;
    RegistryFixtures fixtures;
    StarEvents events;

    @BeforeEach
    void setUp() {
        admin = new MarkingFixtures(web, database).admin();
        fixtures = new RegistryFixtures(admin, database);
        events = new StarEvents(web, database);
    }

    @Test
    void eachSheetIsTheStandingsTheOrganizersReadAndARegionKeepsItsOwnLines() throws IOException {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("名次表"));
        body.put("quotas", Map.of("stars", 2, "enterprises", 1));
        long programme = fixtures.programme(body);
        events.event(programme, 40, 55, 60, 75, 90);
        events.event(programme, 50, 60, 70, 80, 85);

        List<List<String>> stars = expectedStars(programme);
        List<List<String>> enterprises = expectedEnterprises(programme);
        assertThat(stars).hasSize(10);
        try (XSSFWorkbook workbook = workbook("/api/programmes/{p}/standings/export?basis=LIVE", programme, "zh")) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("竞赛标兵");
            assertThat(texts(workbook.getSheetAt(0).getRow(1))).containsExactly("名次", "选手", "单位", "地区代码", "工种",
                    "得分", "竞赛标兵", "暂定");
            assertThat(rows(workbook.getSheetAt(0))).isEqualTo(stars);
            assertThat(rows(workbook.getSheetAt(1))).as("no projects").isEmpty();
            assertThat(rows(workbook.getSheetAt(2))).isEqualTo(enterprises);
        }
        // The fixtures' enterprises are all in Xi'an (610100): Shaanxi keeps every line, Gansu none.
        for (String region : List.of("610000", "610100", "620000")) {
            try (XSSFWorkbook workbook = workbook("/api/programmes/{p}/standings/export?basis=LIVE&regionCode="
                    + region, programme, "zh")) {
                assertThat(rows(workbook.getSheetAt(0))).isEqualTo(inRegion(stars, 3, region));
                assertThat(rows(workbook.getSheetAt(2))).isEqualTo(inRegion(enterprises, 2, region));
            }
        }
        try (XSSFWorkbook english = workbook("/api/programmes/{p}/standings/export", programme, "en")) {
            assertThat(english.getSheetName(2)).isEqualTo("Enterprises");
            assertThat(texts(english.getSheetAt(2).getRow(1))).containsExactly("Rank", "Enterprise", "Region code",
                    "Index", "In the enterprises tier");
        }
        admin.get().uri("/api/programmes/{p}/standings/export?format=csv&basis=PUBLISHED", programme).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv");
        admin.get().uri("/api/programmes/{p}/standings/export?regionCode=abc", programme).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("regionCode");
        admin.get().uri("/api/programmes/{p}/standings/export?basis=NOPE", programme).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("basis");
    }

    // --- the oracle: the JSON the organizers read, with the registry's names ---------------------------------------

    @SuppressWarnings("unchecked")
    private List<List<String>> expectedStars(long programme) {
        Map<String, Object> board = json("/api/programmes/" + programme + "/star-standings?basis=LIVE");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) board.get("entries")) {
            Map<String, Object> enterprise = json("/api/enterprises/" + entry.get("enterpriseId"));
            Map<String, Object> trade = json("/api/reference/trades/" + entry.get("tradeId"));
            rows.add(normal(List.of(entry.get("rank").toString(), (String) entry.get("name"),
                    (String) enterprise.get("name"), (String) enterprise.get("regionCode"),
                    (String) trade.get("nameZh"), entry.get("score").toString(), yesNo(entry.get("star")),
                    yesNo(entry.get("provisional")))));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> expectedEnterprises(long programme) {
        Map<String, Object> board = json("/api/programmes/" + programme + "/enterprise-standings?basis=LIVE");
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> entry : (List<Map<String, Object>>) board.get("entries")) {
            rows.add(normal(List.of(entry.get("rank").toString(), (String) entry.get("name"),
                    (String) entry.get("regionCode"), entry.get("index").toString(), yesNo(entry.get("inTier")))));
        }
        return rows;
    }

    /** The lines whose region code (in column {@code column}) lies in the region: a province holds its cities. */
    private static List<List<String>> inRegion(List<List<String>> rows, int column, String region) {
        String prefix = region.endsWith("0000") ? region.substring(0, 2)
                : region.endsWith("00") ? region.substring(0, 4) : region;
        return rows.stream().filter(row -> row.get(column).startsWith(prefix)).toList();
    }

    private static String yesNo(Object value) {
        return Boolean.TRUE.equals(value) ? "是" : "否";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String path) {
        return admin.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }

    // --- the file ---------------------------------------------------------------------------------------------------

    private XSSFWorkbook workbook(String uri, long programme, String language) throws IOException {
        byte[] file = admin.get().uri(uri, programme).header("Accept-Language", language).exchange()
                .expectStatus().isOk().expectHeader().contentType(XLSX)
                .expectBody(byte[].class).returnResult().getResponseBody();
        return new XSSFWorkbook(new ByteArrayInputStream(file));
    }

    /** The data rows under the title (row 0) and the headers (row 1). */
    private static List<List<String>> rows(Sheet sheet) {
        int width = sheet.getRow(1).getLastCellNum();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            rows.add(normal(texts(sheet.getRow(r), width)));
        }
        return rows;
    }

    private static List<String> texts(Row row) {
        return texts(row, row.getLastCellNum());
    }

    private static List<String> texts(Row row, int width) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            var cell = row.getCell(c);
            cells.add(cell == null ? "" : switch (cell.getCellType()) {
                case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString();
                default -> cell.getStringCellValue();
            });
        }
        return cells;
    }

    /** Numbers compared as numbers: a number cell drops trailing zeros that the JSON keeps. */
    private static List<String> normal(List<String> cells) {
        return cells.stream().map(cell -> cell.matches("-?[0-9]+(\\.[0-9]+)?")
                ? new BigDecimal(cell).stripTrailingZeros().toPlainString() : cell).toList();
    }
}
