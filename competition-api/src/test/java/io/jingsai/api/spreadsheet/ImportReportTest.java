package io.jingsai.api.spreadsheet;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ImportReportTest {

    private static final SheetColumn NAME = SheetColumn.required("姓名", "name", null);
    private static final SheetColumn ID = SheetColumn.required("身份证号", "idNumber", null).asText();
    private static final SheetColumn CREDIT = SheetColumn.optional("统一社会信用代码", "creditCode", null).asText();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void aFileWithoutProblemsMayBeWrittenAndYieldsParsedValues() {
        Sheet sheet = read("姓名,身份证号,统一社会信用代码\n张三,11010519491231002X,91100000100003962T\n");
        ImportReport.Builder report = ImportReport.builder(sheet);
        SheetRow row = sheet.rows().get(0);

        ResidentIdNumber id = report.field(row, ID, value -> ResidentIdNumber.parse(value, TODAY));
        UnifiedSocialCreditCode code = report.field(row, CREDIT, UnifiedSocialCreditCode::parse);

        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(code.value()).isEqualTo("91100000100003962T");
        assertThat(report.build().mayWrite()).isTrue();
        assertThat(report.build().rowsRead()).isEqualTo(1);
    }

    @Test
    void oneBadCellMeansNothingMayBeWritten() {
        Sheet sheet = read("姓名,身份证号\n张三,11010519491231002X\n李四,110105194912310023\n王五,440524199001010018\n");

        ImportReport report = check(sheet);

        assertThat(report.mayWrite()).isFalse();
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.problems()).containsExactly(
                new RowProblem(3, "身份证号", "check-character", "check character (character 18) is wrong"));
    }

    @Test
    void reportsBlankRequiredCellsByRowAndColumn() {
        Sheet sheet = read("姓名,身份证号\n,11010519491231002X\n");

        assertThat(check(sheet).problems())
                .containsExactly(new RowProblem(2, "姓名", "required", "must not be blank"));
    }

    @Test
    void blankOptionalCellsAreNotProblems() {
        Sheet sheet = read("姓名,身份证号,统一社会信用代码\n张三,11010519491231002X,\n");
        ImportReport.Builder report = ImportReport.builder(sheet);

        assertThat(report.field(sheet.rows().get(0), CREDIT, UnifiedSocialCreditCode::parse)).isNull();
        assertThat(report.build().mayWrite()).isTrue();
    }

    @Test
    void listsProblemsByRowThenInTheOrderFound() {
        Sheet sheet = read("姓名,身份证号\n甲,1\n,2\n");
        ImportReport.Builder builder = ImportReport.builder(sheet);
        SheetRow second = sheet.rows().get(1);
        SheetRow first = sheet.rows().get(0);
        builder.text(second, NAME);
        builder.reject(first, ID, "duplicate", "the same ID number is also in row 3");
        builder.field(second, ID, value -> ResidentIdNumber.parse(value, TODAY));

        ImportReport report = builder.build();

        assertThat(report.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::rule)
                .containsExactly(
                        tuple(2, "身份证号", "duplicate"),
                        tuple(3, "姓名", "required"),
                        tuple(3, "身份证号", "length"));
        assertThat(report.badRows()).isEqualTo(2);
    }

    @Test
    void reportsValuesRepeatedWithinTheFileAgainstTheirFirstRow() {
        Sheet sheet = read("姓名,身份证号\n甲,11010519491231002X\n乙,440524199001010018\n丙, 11010519491231002x\n");
        ImportReport.Builder builder = ImportReport.builder(sheet);
        for (SheetRow row : sheet.rows()) {
            builder.requireUnique(row, ID, builder.field(row, ID, value -> ResidentIdNumber.parse(value, TODAY)));
        }

        assertThat(builder.build().problems()).containsExactly(
                new RowProblem(4, "身份证号", "duplicate", "the same value is already in row 2"));
    }

    private static ImportReport check(Sheet sheet) {
        ImportReport.Builder report = ImportReport.builder(sheet);
        for (SheetRow row : sheet.rows()) {
            report.text(row, NAME);
            report.field(row, ID, value -> ResidentIdNumber.parse(value, TODAY));
        }
        return report.build();
    }

    private static Sheet read(String csv) {
        return SheetReader.of(List.of(NAME, ID, CREDIT)).read(csv.getBytes(StandardCharsets.UTF_8), SheetFormat.CSV);
    }
}
