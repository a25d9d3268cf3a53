package io.jingsai.api.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.MALFORMED;
import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.WRONG_TYPE;

/**
 * RFC 4180 reader. Decoding: a UTF-8 BOM or valid UTF-8 → UTF-8; a UTF-16 BOM → UTF-16 (Excel's "Unicode text");
 * anything else → GB18030, the superset of GBK that Chinese Excel uses for "CSV (comma delimited)". Records end at
 * CRLF, LF or CR outside quotes; a quoted field may span lines and counts as one Excel row. Lenient where Excel is:
 * text after a closing quote is kept. The delimiter is a comma, or a tab when the first line has tabs but no comma.
 */
final class CsvParser {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvParser() {
    }

    static void parse(byte[] bytes, RowSink sink) {
        rejectBinary(bytes);
        String text = decode(bytes);
        char delimiter = delimiterOf(text);
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int quoteStartRow = 0;
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteStartRow = row;
            } else if (c == delimiter) {
                cells.add(unguard(field));
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < n && text.charAt(i) == '\n') {
                    i++;
                }
                cells.add(unguard(field));
                field.setLength(0);
                sink.row(row++, cells);
                cells = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new UnreadableSheetException(MALFORMED,
                    "row " + quoteStartRow + ": a quoted field is not closed (missing '\"')");
        }
        if (!field.isEmpty() || !cells.isEmpty()) {
            cells.add(unguard(field));
            sink.row(row, cells);
        }
    }

    /**
     * Undoes the formula guard {@link SheetWriter} puts on CSV values: a leading apostrophe before = + - or @ is
     * dropped, so an exported file imports back to the same values.
     */
    static String unguard(CharSequence field) {
        if (field.length() >= 2 && field.charAt(0) == '\'' && "=+-@".indexOf(field.charAt(1)) >= 0) {
            return field.subSequence(1, field.length()).toString();
        }
        return field.toString();
    }

    private static void rejectBinary(byte[] bytes) {
        if (XlsxParser.isZip(bytes) || XlsxParser.isOle2(bytes)) {
            throw new UnreadableSheetException(WRONG_TYPE,
                    "the file is an Excel workbook, not CSV: upload it as .xlsx or save it as CSV");
        }
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        if (!utf16) {
            for (byte b : bytes) {
                if (b == 0) {
                    throw new UnreadableSheetException(WRONG_TYPE, "the file is binary, not CSV text");
                }
            }
        }
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        return firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
    }
}
