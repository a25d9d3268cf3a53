package io.jingsai.api.spreadsheet;

import io.jingsai.api.spreadsheet.UnreadableSheetException.Reason;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxSheetReaderTest {

    private static final SheetColumn NAME = SheetColumn.required("姓名", "name", null);
    private static final SheetColumn VALUE = SheetColumn.optional("值", "value", null);
    private static final SheetReader READER = SheetReader.of(List.of(NAME, VALUE));

    @Test
    void readsStringsByHeaderWithExcelRowNumbers() {
        Sheet sheet = read(workbook(data -> {
            header(data);
            row(data, 1, "张三", "甲");
            row(data, 2, "李四", null);
        }));

        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(2, 3);
        assertThat(sheet.rows().get(0).value(NAME)).isEqualTo("张三");
        assertThat(sheet.rows().get(0).value(VALUE)).isEqualTo("甲");
        assertThat(sheet.rows().get(1).value(VALUE)).isNull();
    }

    @Test
    void readsWholeNumbersWithoutDecimalPointOrExponent() {
        assertThat(numberAsText(13800138000d)).isEqualTo("13800138000");
        assertThat(numberAsText(3.0)).isEqualTo("3");
        assertThat(numberAsText(610102)).isEqualTo("610102");
        assertThat(numberAsText(1.2345678901234E14)).isEqualTo("123456789012340");
    }

    @Test
    void readsDecimalsAsExcelShowsThemToFifteenSignificantDigits() {
        assertThat(numberAsText(92.5)).isEqualTo("92.5");
        assertThat(numberAsText(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(numberAsText(-0.25)).isEqualTo("-0.25");
    }

    @Test
    void readsNumbersBeyondFifteenDigitsAsExcelStoresThem() {
        // Excel keeps 15 significant digits: an 18-digit ID typed as a number has already lost its tail.
        assertThat(numberAsText(110105194912310023d)).isEqualTo("110105194912310000");
    }

    @Test
    void readsDatesAsIsoText() {
        Sheet sheet = read(workbook(data -> {
            header(data);
            CellStyle date = data.getWorkbook().createCellStyle();
            date.setDataFormat(data.getWorkbook().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Row row = data.createRow(1);
            row.createCell(0).setCellValue("date");
            Cell cell = row.createCell(1);
            cell.setCellValue(LocalDate.of(2024, 5, 1));
            cell.setCellStyle(date);
            Row second = data.createRow(2);
            second.createCell(0).setCellValue("date-time");
            Cell dateTime = second.createCell(1);
            dateTime.setCellValue(LocalDateTime.of(2024, 5, 1, 8, 30));
            CellStyle withTime = data.getWorkbook().createCellStyle();
            withTime.setDataFormat((short) 22); // built-in "m/d/yy h:mm"
            dateTime.setCellStyle(withTime);
        }));

        assertThat(sheet.rows().get(0).value(VALUE)).isEqualTo("2024-05-01");
        assertThat(sheet.rows().get(1).value(VALUE)).isEqualTo("2024-05-01T08:30");
    }

    @Test
    void readsBooleansAndFormulaResults() {
        Sheet sheet = read(workbook(data -> {
            header(data);
            Row row = data.createRow(1);
            row.createCell(0).setCellValue(true);
            row.createCell(1).setCellFormula("1+2");
            data.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateAll();
        }));

        assertThat(sheet.rows().get(0).value(NAME)).isEqualTo("TRUE");
        assertThat(sheet.rows().get(0).value(VALUE)).isEqualTo("3");
    }

    @Test
    void skipsBlankRowsIncludingFormattedEmptyCells() {
        Sheet sheet = read(workbook(data -> {
            header(data);
            Row styledButEmpty = data.createRow(1);
            styledButEmpty.createCell(0).setCellValue("  ");
            styledButEmpty.createCell(1).setCellStyle(data.getWorkbook().createCellStyle());
            row(data, 3, "王五", "x");
        }));

        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(4);
    }

    @Test
    void readsSparseRowsByColumnPosition() {
        Sheet sheet = read(workbook(data -> {
            Row header = data.createRow(0);
            header.createCell(0).setCellValue("姓名");
            header.createCell(3).setCellValue("value");
            Row row = data.createRow(1);
            row.createCell(3).setCellValue("only D");
        }));

        assertThat(sheet.rows().get(0).value(NAME)).isNull();
        assertThat(sheet.rows().get(0).value(VALUE)).isEqualTo("only D");
    }

    @Test
    void readsOnlyTheFirstWorksheet() {
        Sheet sheet = read(workbook(data -> {
            header(data);
            row(data, 1, "first", null);
            XSSFSheet other = data.getWorkbook().createSheet("other");
            header(other);
            row(other, 1, "second", null);
        }));

        assertThat(sheet.rows()).extracting(r -> r.value(NAME)).containsExactly("first");
    }

    @Test
    void rejectsMoreRowsThanTheLimitWhileStreaming() {
        byte[] file = workbook(sheet -> {
            header(sheet);
            for (int i = 1; i <= 4; i++) {
                row(sheet, i, "n" + i, null);
            }
        });

        assertThatThrownBy(() -> READER.withRowLimit(3).read(file, SheetFormat.XLSX))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS));
    }

    @Test
    void rejectsAMissingRequiredColumn() {
        byte[] file = workbook(sheet -> row(sheet, 0, "value", null));

        assertThatThrownBy(() -> READER.read(file, SheetFormat.XLSX))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMN))
                .hasMessage("header row 1: required column 姓名 (name) is missing");
    }

    @Test
    void rejectsAnEmptyWorkbook() {
        assertRefused(workbook(sheet -> { }), Reason.EMPTY, "the file has no header row");
    }

    @Test
    void rejectsCsvTextUploadedAsXlsx() {
        assertRefused("姓名,值\n甲,1\n".getBytes(), Reason.WRONG_TYPE, "the file is not an XLSX workbook");
    }

    @Test
    void rejectsOldBinaryWorkbooks() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        assertRefused(ole2, Reason.WRONG_TYPE, "the file is an old Excel 97-2003 (.xls) or password-protected "
                + "workbook: save it as .xlsx without a password");
    }

    @Test
    void rejectsAZipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }

        assertRefused(bytes.toByteArray(), Reason.MALFORMED, "the file is not a readable XLSX workbook");
    }

    private static String numberAsText(double number) {
        Sheet sheet = read(workbook(data -> {
            header(data);
            Row row = data.createRow(1);
            row.createCell(0).setCellValue("n");
            row.createCell(1).setCellValue(number);
        }));
        return sheet.rows().get(0).value(VALUE);
    }

    private static void header(XSSFSheet sheet) {
        row(sheet, 0, "姓名", "值");
    }

    private static void row(XSSFSheet sheet, int index, String first, String second) {
        Row row = sheet.createRow(index);
        if (first != null) {
            row.createCell(0).setCellValue(first);
        }
        if (second != null) {
            row.createCell(1).setCellValue(second);
        }
    }

    static byte[] workbook(Consumer<XSSFSheet> content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            content.accept(workbook.createSheet("data"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet read(byte[] file) {
        return READER.read(file, SheetFormat.XLSX);
    }

    private static void assertRefused(byte[] file, Reason reason, String message) {
        assertThatThrownBy(() -> read(file))
                .isInstanceOfSatisfying(UnreadableSheetException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessage(message);
    }
}
