package io.jingsai.api.spreadsheet;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.EMPTY;
import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.MALFORMED;
import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.WRONG_TYPE;

/**
 * Streams the first worksheet of an XLSX workbook with SAX (no in-memory cell model, so 10,000 rows read in well
 * under a second once warm).
 *
 * <p>Cell text: strings as stored; numbers as plain decimals rounded to Excel's 15 significant digits, without
 * exponent or trailing {@code .0} ({@code 110101199003070000}, {@code 92.5}); numbers in a date format as ISO text
 * ({@code 2024-05-01}, or {@code 2024-05-01T08:30} with a time); booleans as {@code TRUE}/{@code FALSE}; formulas
 * by their cached result. Workbooks using the 1904 date system are read as if they used 1900.
 */
final class XlsxParser {

    /** Cells beyond this column are ignored: no layout needs them and they bound the work per row. */
    private static final int MAX_COLUMNS = 256;
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private XlsxParser() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static boolean isOle2(byte[] bytes) {
        return bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }

    static void parse(byte[] bytes, RowSink sink) {
        if (isOle2(bytes)) {
            throw new UnreadableSheetException(WRONG_TYPE, "the file is an old Excel 97-2003 (.xls) or "
                    + "password-protected workbook: save it as .xlsx without a password");
        }
        if (!isZip(bytes)) {
            throw new UnreadableSheetException(WRONG_TYPE, "the file is not an XLSX workbook");
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (IOException | OpenXML4JException | RuntimeException broken) {
            throw new UnreadableSheetException(MALFORMED, "the file is not a readable XLSX workbook", broken);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableSheetException(EMPTY, "the workbook has no worksheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, styles, sink));
                xml.parse(new InputSource(sheet));
            }
        } catch (UnreadableSheetException refused) {
            throw refused;
        } catch (SAXException broken) {
            if (broken.getException() instanceof UnreadableSheetException refused) {
                throw refused;
            }
            throw new UnreadableSheetException(MALFORMED, "the file is not a readable XLSX workbook", broken);
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException broken) {
            throw new UnreadableSheetException(MALFORMED, "the file is not a readable XLSX workbook", broken);
        } finally {
            pkg.revert();
        }
    }

    /** Renders a numeric cell value as its text, the way Excel shows it under the General format. */
    static String number(String raw) {
        return new BigDecimal(raw.trim()).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    /** Renders a numeric cell in a date format as ISO text. */
    static String date(String raw) {
        double serial = Double.parseDouble(raw.trim());
        if (!DateUtil.isValidExcelDate(serial)) {
            return number(raw);
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, false, true).truncatedTo(ChronoUnit.SECONDS);
        return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? dateTime.toLocalDate().toString()
                : dateTime.toString();
    }

    /** SAX handler for one worksheet part. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final RowSink sink;
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();
        private final StringBuilder text = new StringBuilder();

        private List<String> cells;
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private String value;
        private boolean collecting;
        private boolean inPhonetic;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, RowSink sink) {
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                    column = 0;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? cells.size() : columnIndex(ref);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value = null;
                    text.setLength(0);
                }
                case "v", "t" -> {
                    collecting = !inPhonetic;
                    if ("v".equals(name(localName, qName))) {
                        text.setLength(0);
                    }
                }
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (name(localName, qName)) {
                case "v" -> {
                    value = text.toString();
                    collecting = false;
                }
                case "t" -> collecting = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> value = text.toString();
                case "c" -> {
                    if (column < MAX_COLUMNS && value != null) {
                        while (cells.size() <= column) {
                            cells.add(null);
                        }
                        cells.set(column, cellText());
                    }
                }
                case "row" -> sink.row(rowNumber, cells);
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        private String cellText() {
            if (value.isBlank()) {
                return value;
            }
            if (type == null || type.equals("n")) {
                return isDateStyle(style) ? date(value) : number(value);
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(value.trim())).getString();
                case "b" -> value.trim().equals("1") ? "TRUE" : "FALSE";
                default -> value; // inlineStr, str (formula text), e (error such as #N/A), d (ISO date)
            };
        }

        private boolean isDateStyle(int index) {
            if (styles == null || index >= styles.getNumCellStyles()) {
                return false;
            }
            return dateStyles.computeIfAbsent(index, i -> {
                XSSFCellStyle cellStyle = styles.getStyleAt(i);
                return cellStyle != null
                        && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
            });
        }

        private static int columnIndex(String ref) {
            int index = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return index - 1;
        }

        private static String name(String localName, String qName) {
            if (localName != null && !localName.isEmpty()) {
                return localName;
            }
            int colon = qName.indexOf(':');
            return colon < 0 ? qName : qName.substring(colon + 1);
        }
    }
}
