package io.jingsai.api.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.jingsai.api.IntegrationTest;
import io.jingsai.api.TestIdentities;
import io.jingsai.api.judging.MarkingFixtures;

/**
 * Stored fund allocations over HTTP on PostgreSQL. One event is published and the fund allocated; a second event's
 * result is corrected by its chief judge during public review, the event published, and the fund allocated again.
 * Each allocation is checked against the brute-force largest-remainder model over the PUBLISHED stars board, and the
 * changes between them against a brute-force difference of the two answers, member by member; the XLSX file, read
 * back with POI, says the same as the JSON.
 */
@IntegrationTest
class FundAllocationTests {

    static final int STARS_QUOTA = 3;
    static final List<Map<String, Object>> BANDS = List.of(Map.of("maxRank", 1, "weight", 3), Map.of("weight", 1));

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

    /**
     * Seeded fund amounts: after the correction, the re-allocation's changes are each member's part after minus
     * before (0 for a member absent), add up to 0 with the same fund, and to the fund's change with another.
     */
    @ParameterizedTest
    @ValueSource(longs = {3, 1949})
    @SuppressWarnings("unchecked")
    void aReallocationAfterACorrectionShowsWhoGainsAndLosesHowMuchExactlyToTheFen(long seed) {
        Random random = new Random(seed);
        long fund = 1 + random.nextLong(1_500_000_000L);
        long programme = programme();
        StarEvents.Event first = events.event(programme, 40, 55, 60, 75, 90);
        StarEvents.Event second = events.event(programme, 50, 60, 70, 80, 85);
        fixtures.moveEvent(first.id(), "PUBLISHED");
        fixtures.moveEvent(second.id(), "REVIEW");

        Map<String, Object> before = store(programme, fund);
        assertThat(number(before.get("number")).intValue()).isEqualTo(1);
        assertThat(before).doesNotContainKey("changesSincePrevious");
        assertIsTheModel(before, programme, fund);

        StarEvents.Entrant corrected = second.entrants().get(0);
        StarEvents.replaceSheet(second.chief(), second, corrected, 0, 100, "申诉成立：复核测量值");
        fixtures.moveEvent(second.id(), "PUBLISHED");

        Map<String, Object> after = store(programme, fund);
        assertThat(number(after.get("number")).intValue()).isEqualTo(2);
        assertIsTheModel(after, programme, fund);
        Map<String, Object> changes = (Map<String, Object>) after.get("changesSincePrevious");
        assertThat(number(changes.get("previousNumber")).intValue()).isEqualTo(1);
        assertThat(number(changes.get("differenceFen")).longValue()).isZero();
        assertThat(memberChanges(changes)).isEqualTo(bruteForceChanges(before, after));
        assertThat(memberChanges(changes).get("STARS/" + corrected.contestant()))
                .as("the corrected contestant enters and gains").matches("[1-9][0-9]* ENTERED");

        long otherFund = fund + 1 + random.nextInt(1000);
        Map<String, Object> third = store(programme, otherFund);
        Map<String, Object> thirdChanges = (Map<String, Object>) third.get("changesSincePrevious");
        assertThat(number(thirdChanges.get("differenceFen")).longValue()).isEqualTo(otherFund - fund);
        assertThat(memberChanges(thirdChanges)).isEqualTo(bruteForceChanges(after, third));

        assertThat(read(programme, "/2")).as("stored as answered").isEqualTo(after);
        Map<String, Object> list = read(programme, "");
        assertThat(number(list.get("total")).intValue()).isEqualTo(3);
        assertThat((List<Map<String, Object>>) list.get("items")).extracting(item -> number(item.get("fundFen"))
                .longValue()).containsExactly(fund, fund, otherFund);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theXlsxFileReadBackIsTheJson() throws IOException {
        long programme = programme();
        StarEvents.Event first = events.event(programme, 40, 55, 60, 75, 90);
        fixtures.moveEvent(first.id(), "PUBLISHED");
        store(programme, 1_000_003L);
        StarEvents.Event second = events.event(programme, 50, 60, 70, 80, 99);
        fixtures.moveEvent(second.id(), "PUBLISHED");
        Map<String, Object> allocation = store(programme, 1_000_003L);

        byte[] file = admin.get().uri("/api/programmes/{p}/fund-allocations/2/export?format=xlsx", programme)
                .exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet parts = workbook.getSheetAt(0);
            assertThat(texts(parts.getRow(1))).containsExactly("层级", "名次", "编号", "名称", "权重", "金额（元）");
            List<List<String>> expected = new ArrayList<>();
            for (Map<String, Object> tier : (List<Map<String, Object>>) allocation.get("tiers")) {
                for (Map<String, Object> member : (List<Map<String, Object>>) tier.get("members")) {
                    expected.add(List.of("竞赛标兵", member.get("rank").toString(), member.get("id").toString(),
                            (String) member.get("name"), member.get("weight").toString(),
                            yuan(number(member.get("fen")).longValue())));
                }
            }
            assertThat(rows(parts)).isEqualTo(expected);

            Sheet changed = workbook.getSheetAt(1);
            assertThat(texts(changed.getRow(1))).containsExactly("层级", "编号", "名称", "上次金额（元）", "本次金额（元）",
                    "增减（元）", "变动");
            List<List<String>> expectedChanges = new ArrayList<>();
            Map<String, Object> changes = (Map<String, Object>) allocation.get("changesSincePrevious");
            for (Map<String, Object> member : (List<Map<String, Object>>) changes.get("members")) {
                Object movement = member.get("movement");
                expectedChanges.add(List.of("竞赛标兵", member.get("id").toString(), (String) member.get("name"),
                        yuan(number(member.get("beforeFen")).longValue()),
                        yuan(number(member.get("afterFen")).longValue()),
                        yuan(number(member.get("differenceFen")).longValue()),
                        movement == null ? "" : movement.equals("ENTERED") ? "新进入" : "退出"));
            }
            assertThat(rows(changed)).isEqualTo(expectedChanges);
        }
        admin.get().uri("/api/programmes/{p}/fund-allocations/2/export?format=csv", programme).exchange()
                .expectStatus().isOk();
        admin.get().uri("/api/programmes/{p}/fund-allocations/3", programme).exchange().expectStatus().isNotFound();
        admin.get().uri("/api/programmes/{p}/fund-allocations/3/export", programme).exchange().expectStatus()
                .isNotFound();
    }

    @Test
    void nothingPublishedStoresNothing() {
        long programme = programme();
        admin.post().uri("/api/programmes/{p}/fund-allocations", programme).bodyValue(request(100))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(number(read(programme, "").get("total")).intValue()).isZero();
    }

    // --- the models -----------------------------------------------------------------------------------------------

    /** The stars tier of the PUBLISHED board in board order, each with its band's weight, split by brute force. */
    @SuppressWarnings("unchecked")
    private void assertIsTheModel(Map<String, Object> allocation, long programme, long fund) {
        Map<String, Object> board = admin.get()
                .uri("/api/programmes/{p}/star-standings?basis=PUBLISHED", programme).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> stars = ((List<Map<String, Object>>) board.get("entries")).stream()
                .filter(entry -> entry.get("star").equals(true)).toList();
        List<BigDecimal> weights = stars.stream().map(entry -> number(entry.get("rank")).intValue() <= 1
                ? BigDecimal.valueOf(3) : BigDecimal.ONE).toList();
        long[] model = LargestRemainderModel.allocate(fund, weights);
        List<Map<String, Object>> members = (List<Map<String, Object>>)
                ((List<Map<String, Object>>) allocation.get("tiers")).get(0).get("members");
        assertThat(members).extracting(member -> number(member.get("id")).longValue())
                .containsExactlyElementsOf(stars.stream().map(entry -> number(entry.get("contestantId")).longValue())
                        .toList());
        assertThat(members).extracting(member -> number(member.get("fen")).longValue())
                .containsExactly(LongStream.of(model).boxed().toArray(Long[]::new));
        assertThat(number(allocation.get("allocatedFen")).longValue()).isEqualTo(fund);
        assertThat(members.stream().mapToLong(member -> number(member.get("fen")).longValue()).sum()).isEqualTo(fund);
    }

    /** tier/id → "difference movement", from the two answers' members alone. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> bruteForceChanges(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Long> was = parts(before);
        Map<String, Long> is = parts(after);
        Set<String> everyone = new LinkedHashSet<>(is.keySet());
        everyone.addAll(was.keySet());
        Map<String, String> changes = new HashMap<>();
        for (String member : everyone) {
            long difference = is.getOrDefault(member, 0L) - was.getOrDefault(member, 0L);
            String movement = !was.containsKey(member) ? "ENTERED" : !is.containsKey(member) ? "LEFT" : "";
            changes.put(member, difference + " " + movement);
        }
        return changes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> parts(Map<String, Object> allocation) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (Map<String, Object> tier : (List<Map<String, Object>>) allocation.get("tiers")) {
            for (Map<String, Object> member : (List<Map<String, Object>>) tier.get("members")) {
                parts.put(tier.get("tier") + "/" + member.get("id"), number(member.get("fen")).longValue());
            }
        }
        return parts;
    }

    /** tier/id → "difference movement" as the answer states them; before + difference = after is checked too. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> memberChanges(Map<String, Object> changes) {
        Map<String, String> byMember = new HashMap<>();
        for (Map<String, Object> member : (List<Map<String, Object>>) changes.get("members")) {
            long beforeFen = number(member.get("beforeFen")).longValue();
            long afterFen = number(member.get("afterFen")).longValue();
            long difference = number(member.get("differenceFen")).longValue();
            assertThat(beforeFen + difference).isEqualTo(afterFen);
            byMember.put(member.get("tier") + "/" + member.get("id"),
                    difference + " " + (member.get("movement") == null ? "" : member.get("movement")));
        }
        return byMember;
    }

    // --- requests and files ---------------------------------------------------------------------------------------

    private long programme() {
        Map<String, Object> body = RegistryFixtures.programmeBody(TestIdentities.unique("资金重分配"));
        body.put("quotas", Map.of("stars", STARS_QUOTA));
        return fixtures.programme(body);
    }

    private static Map<String, Object> request(long fund) {
        return Map.of("fundFen", fund, "tiers", List.of(Map.of("tier", "STARS", "weight", 1, "rankBands", BANDS)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> store(long programme, long fund) {
        return admin.post().uri("/api/programmes/{p}/fund-allocations", programme).bodyValue(request(fund))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/programmes/" + programme + "/fund-allocations/\\d+")
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(long programme, String path) {
        return admin.get().uri("/api/programmes/{p}/fund-allocations" + path, programme).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The rows below the title and the header, each cell as text (numbers as exact decimals). */
    private static List<List<String>> rows(Sheet sheet) {
        int width = sheet.getRow(1).getLastCellNum();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            rows.add(texts(sheet.getRow(r), width));
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
                case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
                default -> cell.getStringCellValue();
            });
        }
        return cells;
    }

    /** Fen as the file's yuan: exact, trailing zeros as a number cell drops them. */
    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
