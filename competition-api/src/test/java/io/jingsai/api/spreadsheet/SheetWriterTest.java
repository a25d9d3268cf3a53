package io.jingsai.api.spreadsheet;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetWriterTest {

    private static final SheetColumn NAME = SheetColumn.required("姓名", "name", "张三");
    private static final SheetColumn ID = SheetColumn.required("身份证号", "idNumber", "11010519491231002X").asText();
    private static final SheetColumn SCORE = SheetColumn.optional("成绩", "score", "92.5");
    private static final List<SheetColumn> COLUMNS = List.of(NAME, ID, SCORE);

    private static final List<List<String>> ROWS = List.of(
            List.of("张三", "11010519491231002X", "92.5"),
            Arrays.asList("Smith, \"Jo\"", "012345678901234567", null),
            List.of("=HYPERLINK(\"x\")", "440524188001010014", "-3"));

    @Test
    void csvStartsWithABomAndUsesCrlf() {
        String csv = new String(write(SheetFormat.CSV, ROWS), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFF姓名,身份证号,成绩\r\n张三,11010519491231002X,92.5\r\n");
    }

    @Test
    void csvQuotesPerRfc4180AndGuardsFormulas() {
        String csv = new String(write(SheetFormat.CSV, ROWS), StandardCharsets.UTF_8);

        assertThat(csv).contains("\r\n\"Smith, \"\"Jo\"\"\",012345678901234567,\r\n");
        assertThat(csv).contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",440524188001010014,-3\r\n");
    }

    @Test
    void csvRoundTripsThroughTheReader() {
        assertRoundTrip(SheetFormat.CSV);
    }

    @Test
    void xlsxRoundTripsThroughTheReader() {
        assertRoundTrip(SheetFormat.XLSX);
    }

    @Test
    void xlsxHasABoldHeaderAndTextFormattedCodeColumns() throws IOException {
        try (XSSFWorkbook workbook = open(write(SheetFormat.XLSX, ROWS))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            XSSFRow header = sheet.getRow(0);
            assertThat(header.getCell(0).getCellStyle().getFont().getBold()).isTrue();
            XSSFCell id = sheet.getRow(2).getCell(1);
            assertThat(id.getCellType()).isEqualTo(CellType.STRING);
            assertThat(id.getCellStyle().getDataFormatString()).isEqualTo("@");
            // Cells typed in later below the data are text too.
            assertThat(sheet.getColumnStyle(1).getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void xlsxWritesPlainDecimalsInOtherColumnsAsNumbers() throws IOException {
        try (XSSFWorkbook workbook = open(write(SheetFormat.XLSX, ROWS))) {
            XSSFCell score = workbook.getSheetAt(0).getRow(1).getCell(2);
            assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(score.getNumericCellValue()).isEqualTo(92.5);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
        }
    }

    @Test
    void xlsxFitsColumnWidthsCountingChineseCharactersDouble() throws IOException {
        try (XSSFWorkbook workbook = open(write(SheetFormat.XLSX, ROWS))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            // 18 characters + 2 padding.
            assertThat(sheet.getColumnWidth(1)).isEqualTo(20 * 256);
            // "成绩" is 4 units wide, below the minimum of 8.
            assertThat(sheet.getColumnWidth(2)).isEqualTo(8 * 256);
        }
        assertThat(SheetWriter.displayWidth("张三 ab")).isEqualTo(7);
    }

    @Test
    void templateHasTheHeaderAndOneExampleRow() {
        for (SheetFormat format : SheetFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SheetWriter.template(format, COLUMNS, out);

            Sheet sheet = SheetReader.of(COLUMNS).read(out.toByteArray(), format);
            assertThat(sheet.rows()).singleElement().satisfies(row -> {
                assertThat(row.number()).isEqualTo(2);
                assertThat(row.value(ID)).isEqualTo("11010519491231002X");
                assertThat(row.value(SCORE)).isEqualTo("92.5");
            });
        }
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(SheetFormat.XLSX, List.of(List.of("only one"))))
                .withMessage("row 1 has 1 values for 3 columns");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(SheetFormat.CSV, List.of(List.of("only one"))))
                .withMessage("row 1 has 1 values for 3 columns");
    }

    @Test
    void formatFollowsTheFileName() {
        assertThat(SheetFormat.fromFileName("报名表.XLSX")).isEqualTo(SheetFormat.XLSX);
        assertThat(SheetFormat.fromFileName("list.csv")).isEqualTo(SheetFormat.CSV);
        assertThatThrownBy(() -> SheetFormat.fromFileName("list.xls"))
                .isInstanceOf(UnreadableSheetException.class)
                .hasMessage("old Excel 97-2003 (.xls) files are not supported: save the file as .xlsx or .csv");
        assertThatThrownBy(() -> SheetFormat.fromFileName("list.pdf"))
                .hasMessage("file name must end with .csv or .xlsx, was 'list.pdf'");
    }

    private static void assertRoundTrip(SheetFormat format) {
        Sheet sheet = SheetReader.of(COLUMNS).read(write(format, ROWS), format);

        assertThat(sheet.rows()).extracting(row -> Arrays.asList(row.value(NAME), row.value(ID), row.value(SCORE)))
                .containsExactlyElementsOf(ROWS);
    }

    private static byte[] write(SheetFormat format, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetWriter.write(format, COLUMNS, rows, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook open(byte[] file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(file));
    }
}
