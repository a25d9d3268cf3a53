package io.jingsai.api.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.DUPLICATE_COLUMN;
import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.EMPTY;
import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.MISSING_COLUMN;
import static io.jingsai.api.spreadsheet.UnreadableSheetException.Reason.TOO_MANY_ROWS;

/**
 * Reads a CSV or XLSX file into a {@link Sheet} of rows keyed by a layout of {@link SheetColumn columns}.
 *
 * <p><b>Blocking.</b> Reading parses the whole file on the calling thread: from a WebFlux handler call it on
 * {@code Schedulers.boundedElastic()}, never on the event loop. Instances are immutable and thread-safe.
 *
 * <p>Layout rules: the first non-blank row is the header row (a title row above it is not supported: the first
 * non-blank row must hold the headers). Headers match a column's header or alias, trimmed, ignoring ASCII case.
 * Header cells that match no column are ignored, with their data, so users may keep notes columns. Fully blank
 * rows are skipped but keep their place in the numbering, so row numbers are those Excel shows.
 *
 * <p>The file is refused with an {@link UnreadableSheetException} when it is empty (no bytes, no header, no data
 * rows), is not of the stated format, is malformed, lacks a required column, has a column twice (counting
 * aliases and repeated unknown headers), or has more data rows than the limit (default
 * {@value #DEFAULT_ROW_LIMIT}).
 */
public final class SheetReader {

    /** The default maximum number of non-blank data rows. */
    public static final int DEFAULT_ROW_LIMIT = 10_000;

    private final List<SheetColumn> columns;
    private final int rowLimit;

    private SheetReader(List<SheetColumn> columns, int rowLimit) {
        this.columns = columns;
        this.rowLimit = rowLimit;
    }

    /**
     * A reader for this layout with the default row limit.
     *
     * @throws IllegalArgumentException if the layout is empty or two columns share a header or alias
     */
    public static SheetReader of(List<SheetColumn> columns) {
        List<SheetColumn> copy = List.copyOf(columns);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one column");
        }
        Set<String> names = new LinkedHashSet<>();
        for (SheetColumn column : copy) {
            for (String name : column.alias() == null
                    ? List.of(column.header()) : List.of(column.header(), column.alias())) {
                if (!names.add(name.trim().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("header or alias '" + name + "' is used twice in the layout");
                }
            }
        }
        return new SheetReader(copy, DEFAULT_ROW_LIMIT);
    }

    /**
     * The same reader with another limit on non-blank data rows.
     *
     * @throws IllegalArgumentException if the limit is not positive
     */
    public SheetReader withRowLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("row limit must be positive, was " + limit);
        }
        return new SheetReader(columns, limit);
    }

    /** The maximum number of non-blank data rows this reader accepts. */
    public int rowLimit() {
        return rowLimit;
    }

    /**
     * Reads a whole stream (the caller closes it).
     *
     * @throws UnreadableSheetException if the file as a whole cannot be used
     * @throws UncheckedIOException     if the stream fails
     */
    public Sheet read(InputStream in, SheetFormat format) {
        try {
            return read(in.readAllBytes(), format);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Reads a file's bytes.
     *
     * @throws UnreadableSheetException if the file as a whole cannot be used
     */
    public Sheet read(byte[] content, SheetFormat format) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(format, "format");
        if (content.length == 0) {
            throw new UnreadableSheetException(EMPTY, "the file is empty");
        }
        Collector collector = new Collector();
        switch (format) {
            case CSV -> CsvParser.parse(content, collector);
            case XLSX -> XlsxParser.parse(content, collector);
        }
        if (collector.headerIndexes == null) {
            throw new UnreadableSheetException(EMPTY, "the file has no header row");
        }
        if (collector.rows.isEmpty()) {
            throw new UnreadableSheetException(EMPTY, "the file has a header row but no data rows");
        }
        return new Sheet(columns, collector.present, collector.rows);
    }

    /** Maps the header row and collects data rows, enforcing the limit while the parser runs. */
    private final class Collector implements RowSink {

        private int[] headerIndexes;
        private final Set<SheetColumn> present = new LinkedHashSet<>();
        private final List<SheetRow> rows = new ArrayList<>();

        @Override
        public void row(int number, List<String> cells) {
            if (isBlank(cells)) {
                return;
            }
            if (headerIndexes == null) {
                headerIndexes = mapHeader(number, cells);
                return;
            }
            if (rows.size() == rowLimit) {
                throw new UnreadableSheetException(TOO_MANY_ROWS,
                        "the file has more than " + rowLimit + " data rows: split it into smaller files");
            }
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                int index = headerIndexes[i];
                values[i] = index < 0 || index >= cells.size() ? null : clean(cells.get(index));
            }
            rows.add(new SheetRow(number, columns, values));
        }

        private int[] mapHeader(int rowNumber, List<String> cells) {
            int[] indexes = new int[columns.size()];
            Arrays.fill(indexes, -1);
            Set<String> seen = new LinkedHashSet<>();
            for (int cell = 0; cell < cells.size(); cell++) {
                String header = clean(cells.get(cell));
                if (header == null) {
                    continue;
                }
                if (!seen.add(header.toLowerCase(Locale.ROOT))) {
                    throw new UnreadableSheetException(DUPLICATE_COLUMN,
                            "header row " + rowNumber + ": column '" + header + "' appears twice");
                }
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).matches(header)) {
                        if (indexes[c] >= 0) {
                            throw new UnreadableSheetException(DUPLICATE_COLUMN, "header row " + rowNumber
                                    + ": column " + columns.get(c).label() + " appears twice");
                        }
                        indexes[c] = cell;
                        present.add(columns.get(c));
                    }
                }
            }
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (indexes[c] < 0 && columns.get(c).required()) {
                    missing.add(columns.get(c).label());
                }
            }
            if (!missing.isEmpty()) {
                throw new UnreadableSheetException(MISSING_COLUMN, "header row " + rowNumber
                        + ": required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                        + (missing.size() > 1 ? " are" : " is") + " missing");
            }
            return indexes;
        }

        private boolean isBlank(List<String> cells) {
            for (String cell : cells) {
                if (clean(cell) != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Trims Unicode white space (ideographic and no-break spaces included); blank becomes {@code null}. */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlankChar(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(raw.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : raw.substring(start, end);
    }

    private static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }
}
