package io.jingsai.api.spreadsheet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes rows under a layout of {@link SheetColumn columns} as CSV or XLSX, and import templates.
 *
 * <p><b>Blocking</b>: run it on {@code Schedulers.boundedElastic()}. The output stream is flushed, not closed.
 *
 * <p>Each row is a list with one value per column, in column order; {@code null} writes an empty cell.
 * <ul>
 *   <li><b>CSV</b>: UTF-8 with a BOM (so Excel detects the encoding), CRLF line ends, RFC 4180 quoting. A value that
 *       Excel would run as a formula (starting with {@code = + @}, a tab or carriage return, or {@code -} not followed
 *       by a number) gets a leading apostrophe; {@link SheetReader} removes it again on import. Excel still shows
 *       long digit strings in CSV as numbers ({@code 1.1E+17}) when it opens the file: prefer XLSX for files
 *       people will edit.</li>
 *   <li><b>XLSX</b>: one sheet, bold frozen header row (required columns' headers in dark red), text-formatted
 *       {@linkplain SheetColumn#text() text columns} (also for cells users add later), plain decimals in other
 *       columns written as numbers, column widths fitted to the content (CJK characters count double, 8 to 60
 *       characters). Streaming (SXSSF), so memory stays flat for large exports.</li>
 * </ul>
 */
public final class SheetWriter {

    /** Numbers Excel holds exactly (up to 15 significant digits) and that have no leading zero to lose. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,14})(\\.\\d{1,14})?");
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;
    private static final String SHEET_NAME = "Sheet1";

    private SheetWriter() {
    }

    /**
     * Writes a header row and the rows.
     *
     * @throws IllegalArgumentException if a row does not have exactly one value per column
     * @throws UncheckedIOException     if the stream fails
     */
    public static void write(SheetFormat format, List<SheetColumn> columns, Iterable<? extends List<String>> rows,
                             OutputStream out) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one column");
        }
        try {
            switch (format) {
                case CSV -> writeCsv(columns, rows, out);
                case XLSX -> writeXlsx(columns, rows, out);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Writes an import template: the header row and one row of the columns' example values. */
    public static void template(SheetFormat format, List<SheetColumn> columns, OutputStream out) {
        List<String> example = new ArrayList<>(columns.size());
        for (SheetColumn column : columns) {
            example.add(column.example());
        }
        write(format, columns, List.of(example), out);
    }

    private static void writeCsv(List<SheetColumn> columns, Iterable<? extends List<String>> rows, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        List<String> headers = columns.stream().map(SheetColumn::header).toList();
        writeCsvLine(writer, headers);
        int index = 0;
        for (List<String> row : rows) {
            checkWidth(row, columns, ++index);
            writeCsvLine(writer, row);
        }
        writer.flush();
    }

    private static void writeCsvLine(Writer writer, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(values.get(i)));
        }
        writer.write("\r\n");
    }

    static String csvField(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String guarded = needsFormulaGuard(value) ? "'" + value : value;
        boolean quote = guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\n') >= 0
                || guarded.indexOf('\r') >= 0 || Character.isWhitespace(guarded.charAt(0))
                || Character.isWhitespace(guarded.charAt(guarded.length() - 1));
        return quote ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
    }

    private static boolean needsFormulaGuard(String value) {
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return first == '-' && !PLAIN_NUMBER.matcher(value).matches();
    }

    /**
     * Writes several sheets: in XLSX one worksheet per tab, in CSV the tabs one after another (each with its lines
     * above, header row, rows and lines below), separated by an empty line.
     *
     * @throws IllegalArgumentException if there is no tab, or a row does not have exactly one value per column
     * @throws UncheckedIOException     if the stream fails
     */
    public static void writeTabs(SheetFormat format, List<SheetTab> tabs, OutputStream out) {
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        try {
            switch (format) {
                case CSV -> writeCsvTabs(tabs, out);
                case XLSX -> writeXlsxTabs(tabs, out);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void writeCsvTabs(List<SheetTab> tabs, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        for (int t = 0; t < tabs.size(); t++) {
            SheetTab tab = tabs.get(t);
            if (t > 0) {
                writer.write("\r\n");
            }
            for (String line : tab.above()) {
                writeCsvLine(writer, List.of(line));
            }
            writeCsvLine(writer, tab.columns().stream().map(SheetColumn::header).toList());
            int index = 0;
            for (List<String> row : tab.rows()) {
                checkWidth(row, tab.columns(), ++index);
                writeCsvLine(writer, row);
            }
            for (String line : tab.below()) {
                writeCsvLine(writer, List.of(line));
            }
        }
        writer.flush();
    }

    private static void writeXlsx(List<SheetColumn> columns, Iterable<? extends List<String>> rows, OutputStream out)
            throws IOException {
        writeWorkbook(out, (workbook, styles) ->
                fill(workbook.createSheet(SHEET_NAME), styles, List.of(), columns, rows, List.of()));
    }

    private static void writeXlsxTabs(List<SheetTab> tabs, OutputStream out) throws IOException {
        writeWorkbook(out, (workbook, styles) -> {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (SheetTab tab : tabs) {
                fill(workbook.createSheet(uniqueName(tab.name(), names)), styles, tab.above(), tab.columns(),
                        tab.rows(), tab.below());
            }
        });
    }

    /** A sheet name Excel takes, not yet taken: case does not tell names apart there. */
    private static String uniqueName(String wanted, java.util.Set<String> taken) {
        String safe = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(wanted);
        String name = safe;
        for (int n = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private interface Sheets {
        void write(SXSSFWorkbook workbook, Styles styles);
    }

    private static void writeWorkbook(OutputStream out, Sheets sheets) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            sheets.write(workbook, new Styles(workbook));
            workbook.write(out);
            out.flush();
        } finally {
            // dispose() first: it deletes the temporary files, and when writing failed half-way it must flush
            // pending rows while the temporary file is still open (close() alone then logs a warning).
            workbook.dispose();
            workbook.close();
        }
    }

    /** Lines above, the header row (frozen when nothing is above it), the rows, and lines below. */
    private static void fill(SXSSFSheet sheet, Styles styles, List<String> above, List<SheetColumn> columns,
                             Iterable<? extends List<String>> rows, List<String> below) {
        int[] widths = new int[columns.size()];
        int rowIndex = 0;
        for (String line : above) {
            sheet.createRow(rowIndex++).createCell(0).setCellValue(line);
        }
        SXSSFRow header = sheet.createRow(rowIndex);
        for (int c = 0; c < columns.size(); c++) {
            SheetColumn column = columns.get(c);
            SXSSFCell cell = header.createCell(c);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
            widths[c] = displayWidth(column.header());
            if (column.text()) {
                sheet.setDefaultColumnStyle(c, styles.text);
            }
        }
        sheet.createFreezePane(0, rowIndex + 1);
        int index = 0;
        for (List<String> values : rows) {
            checkWidth(values, columns, ++index);
            SXSSFRow row = sheet.createRow(++rowIndex);
            for (int c = 0; c < columns.size(); c++) {
                String value = values.get(c);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                SXSSFCell cell = row.createCell(c);
                if (columns.get(c).text()) {
                    cell.setCellStyle(styles.text);
                    cell.setCellValue(value);
                } else if (PLAIN_NUMBER.matcher(value).matches()) {
                    cell.setCellValue(Double.parseDouble(value));
                } else {
                    cell.setCellValue(value);
                }
                widths[c] = Math.max(widths[c], displayWidth(value));
            }
        }
        if (!below.isEmpty()) {
            rowIndex++;
            for (String line : below) {
                sheet.createRow(++rowIndex).createCell(0).setCellValue(line);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            int characters = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2));
            sheet.setColumnWidth(c, characters * 256);
        }
    }

    private static void checkWidth(List<String> row, List<SheetColumn> columns, int index) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("row " + index + " has " + row.size() + " values for "
                    + columns.size() + " columns");
        }
    }

    /** Width in Excel character units: CJK and other wide characters take two. */
    static int displayWidth(String value) {
        int width = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303F)   // CJK punctuation
                || (cp >= 0xFF00 && cp <= 0xFFEF);  // full-width forms
    }

    /** The few cell styles a sheet needs, created once per workbook. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle text;

        Styles(SXSSFWorkbook workbook) {
            short textFormat = workbook.createDataFormat().getFormat("@");
            text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            header = headerStyle(workbook, textFormat, IndexedColors.BLACK);
            requiredHeader = headerStyle(workbook, textFormat, IndexedColors.DARK_RED);
        }

        private static CellStyle headerStyle(SXSSFWorkbook workbook, short textFormat, IndexedColors colour) {
            Font font = workbook.createFont();
            font.setBold(true);
            font.setColor(colour.getIndex());
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setDataFormat(textFormat);
            style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return style;
        }
    }
}
