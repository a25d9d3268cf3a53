package io.jingsai.api.spreadsheet;

import io.jingsai.api.spreadsheet.UnreadableSheetException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSheetReaderTest {

    private static final SheetColumn NAME = SheetColumn.required("姓名", "name", "张三");
    private static final SheetColumn ID = SheetColumn.required("身份证号", "idNumber", "11010519491231002X").asText();
    private static final SheetColumn PHONE = SheetColumn.optional("手机", "phone", "13800138000").asText();
    private static final SheetReader READER = SheetReader.of(List.of(NAME, ID, PHONE));

    @Test
    void readsRowsByHeaderWithExcelRowNumbers() {
        Sheet sheet = read("\uFEFF姓名,身份证号,手机\r\n张三,11010519491231002X,13800138000\r\n李四,440524188001010014,\r\n");

        assertThat(sheet.size()).isEqualTo(2);
        SheetRow first = sheet.rows().get(0);
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.value(NAME)).isEqualTo("张三");
        assertThat(first.value("身份证号")).isEqualTo("11010519491231002X");
        assertThat(sheet.rows().get(1).number()).isEqualTo(3);
        assertThat(sheet.rows().get(1).value(PHONE)).isNull();
    }

    @Test
    void readsUtf8WithoutBom() {
        assertThat(read("姓名,身份证号\n王五,1\n").rows().get(0).value(NAME)).isEqualTo("王五");
    }

    @Test
    void readsFilesSavedByChineseExcelInGb18030() {
        byte[] gbk = "姓名,身份证号\r\n欧阳娜娜,1\r\n".getBytes(Charset.forName("GBK"));

        assertThat(READER.read(gbk, SheetFormat.CSV).rows().get(0).value(NAME)).isEqualTo("欧阳娜娜");
    }

    @Test
    void readsUtf16TabSeparatedUnicodeText() {
        byte[] utf16 = "姓名\t身份证号\r\n赵六\t2\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);

        SheetRow row = READER.read(withBom, SheetFormat.CSV).rows().get(0);
        assertThat(row.value(NAME)).isEqualTo("赵六");
        assertThat(row.value(ID)).isEqualTo("2");
    }

    @Test
    void honoursRfc4180Quoting() {
        Sheet sheet = read("姓名,身份证号\n\"Smith, \"\"Jo\"\"\",\"line one\nline two\"\n孙七,3\n");

        assertThat(sheet.rows().get(0).value(NAME)).isEqualTo("Smith, \"Jo\"");
        assertThat(sheet.rows().get(0).value(ID)).isEqualTo("line one\nline two");
        // A quoted line break stays inside one Excel row.
        assertThat(sheet.rows().get(1).number()).isEqualTo(3);
    }

    @Test
    void acceptsBareCarriageReturnLineEnds() {
        assertThat(read("姓名,身份证号\r甲,1\r乙,2").rows()).extracting(SheetRow::number).containsExactly(2, 3);
    }

    @Test
    void skipsBlankRowsButKeepsTheirNumbers() {
        Sheet sheet = read("姓名,身份证号\n,\n\n 　, \n甲,1\n");

        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(5);
    }

    @Test
    void trimsValuesIncludingIdeographicSpace() {
        assertThat(read("姓名,身份证号\n\u3000甲 ,1\n").rows().get(0).value(NAME)).isEqualTo("甲");
    }

    @Test
    void acceptsEnglishAliasesInAnyCase() {
        Sheet sheet = read("NAME, IdNumber \nAnna,1\n");

        assertThat(sheet.rows().get(0).value(NAME)).isEqualTo("Anna");
        assertThat(sheet.rows().get(0).value(ID)).isEqualTo("1");
    }

    @Test
    void ignoresUnknownColumnsAndReportsAbsentOptionalOnes() {
        Sheet sheet = read("备注,姓名,身份证号\nnote,甲,1\n");

        assertThat(sheet.rows().get(0).value(NAME)).isEqualTo("甲");
        assertThat(sheet.hasColumn(NAME)).isTrue();
        assertThat(sheet.hasColumn(PHONE)).isFalse();
        assertThat(sheet.rows().get(0).value(PHONE)).isNull();
    }

    @Test
    void findsTheHeaderBelowLeadingBlankRows() {
        assertThat(read("\n,\n姓名,身份证号\n甲,1\n").rows().get(0).number()).isEqualTo(4);
    }

    @Test
    void stripsTheFormulaGuardTheWriterAdds() {
        assertThat(read("姓名,身份证号\n'=SUM(A1),'-x\n").rows().get(0).value(NAME)).isEqualTo("=SUM(A1)");
    }

    @Test
    void rejectsAMissingRequiredColumn() {
        assertRefused("姓名,手机\n甲,1\n", Reason.MISSING_COLUMN,
                "header row 1: required column 身份证号 (idNumber) is missing");
        assertRefused("手机\n1\n", Reason.MISSING_COLUMN,
                "header row 1: required columns 姓名 (name), 身份证号 (idNumber) are missing");
    }

    @Test
    void rejectsADuplicateHeader() {
        assertRefused("姓名,身份证号,姓名\n甲,1,乙\n", Reason.DUPLICATE_COLUMN,
                "header row 1: column '姓名' appears twice");
    }

    @Test
    void rejectsAColumnGivenByHeaderAndByAlias() {
        assertRefused("姓名,身份证号,name\n甲,1,乙\n", Reason.DUPLICATE_COLUMN,
                "header row 1: column 姓名 (name) appears twice");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> READER.read(new byte[0], SheetFormat.CSV))
                .isInstanceOf(UnreadableSheetException.class).hasMessage("the file is empty");
        assertRefused("\r\n , \r\n", Reason.EMPTY, "the file has no header row");
    }

    @Test
    void rejectsAHeaderWithoutData() {
        assertRefused("姓名,身份证号\r\n", Reason.EMPTY, "the file has a header row but no data rows");
    }

    @Test
    void rejectsMoreRowsThanTheLimit() {
        SheetReader reader = READER.withRowLimit(2);
        String twoRows = "姓名,身份证号\n甲,1\n\n乙,2\n";

        assertThat(reader.read(twoRows.getBytes(StandardCharsets.UTF_8), SheetFormat.CSV).size()).isEqualTo(2);
        assertThatThrownBy(() -> reader.read((twoRows + "丙,3\n").getBytes(StandardCharsets.UTF_8), SheetFormat.CSV))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS))
                .hasMessage("the file has more than 2 data rows: split it into smaller files");
    }

    @Test
    void defaultLimitIsTenThousandRows() {
        assertThat(READER.rowLimit()).isEqualTo(10_000);
    }

    @Test
    void rejectsAnUnclosedQuote() {
        assertRefused("姓名,身份证号\n甲,1\n\"乙,2\n", Reason.MALFORMED,
                "row 3: a quoted field is not closed (missing '\"')");
    }

    @Test
    void rejectsAWorkbookUploadedAsCsv() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};

        assertThatThrownBy(() -> READER.read(zip, SheetFormat.CSV))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE))
                .hasMessage("the file is an Excel workbook, not CSV: upload it as .xlsx or save it as CSV");
    }

    @Test
    void rejectsBinaryContent() {
        assertThatThrownBy(() -> READER.read(new byte[] {'%', 'P', 'D', 'F', 0, 1}, SheetFormat.CSV))
                .hasMessage("the file is binary, not CSV text");
    }

    @Test
    void refusesLayoutsThatUseANameTwice() {
        assertThatThrownBy(() -> SheetReader.of(List.of(NAME, SheetColumn.optional("Name", null, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header or alias 'Name' is used twice in the layout");
    }

    private static Sheet read(String csv) {
        return READER.read(csv.getBytes(StandardCharsets.UTF_8), SheetFormat.CSV);
    }

    private static void assertRefused(String csv, Reason reason, String message) {
        assertThatThrownBy(() -> read(csv))
                .isInstanceOfSatisfying(UnreadableSheetException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessage(message);
    }
}
