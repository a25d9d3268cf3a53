package io.jingsai.api.spreadsheet;

import io.jingsai.api.identifiers.Parsed;
import io.jingsai.api.identifiers.Rejection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The result of checking every row of an imported {@link Sheet}.
 *
 * <p>Imports are all-or-nothing: {@link #mayWrite()} is true only when no row has a problem, and then every row
 * may be written; one bad cell anywhere means nothing is written. Problems are listed by row number, then in the
 * order they were found, so the user can fix the file top to bottom.
 *
 * <p>Build one with {@link #builder(Sheet)}; the builder's {@link Builder#field field} and {@link Builder#text text}
 * methods read a cell, apply the same parsers REST validation uses, and record what is wrong.
 */
public final class ImportReport {

    private final int rowsRead;
    private final List<RowProblem> problems;

    private ImportReport(int rowsRead, List<RowProblem> problems) {
        this.rowsRead = rowsRead;
        this.problems = List.copyOf(problems);
    }

    /** A builder checking the rows of this sheet. */
    public static Builder builder(Sheet sheet) {
        return new Builder(sheet);
    }

    /** Whether the import may be written: there is at least one row and no problem at all. */
    public boolean mayWrite() {
        return problems.isEmpty() && rowsRead > 0;
    }

    /** The number of non-blank data rows in the file. */
    public int rowsRead() {
        return rowsRead;
    }

    /** The number of distinct rows with at least one problem. */
    public int badRows() {
        return (int) problems.stream().mapToInt(RowProblem::row).distinct().count();
    }

    /** Every problem found, by row. */
    public List<RowProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return mayWrite()
                ? rowsRead + " rows, no problems"
                : rowsRead + " rows, " + badRows() + " with problems: " + problems;
    }

    /** Collects problems while a caller checks the rows. Not thread-safe. */
    public static final class Builder {

        private final Sheet sheet;
        private final List<RowProblem> problems = new ArrayList<>();
        private final Map<SheetColumn, Map<Object, Integer>> firstRowByKey = new HashMap<>();

        private Builder(Sheet sheet) {
            this.sheet = Objects.requireNonNull(sheet, "sheet");
        }

        /**
         * Reads a cell, refusing a blank one in a required column.
         *
         * @return the trimmed text, or {@code null} when blank (a problem is recorded if the column is required)
         */
        public String text(SheetRow row, SheetColumn column) {
            String value = row.value(column);
            if (value == null && column.required()) {
                reject(row, column, new Rejection("required", "must not be blank"));
            }
            return value;
        }

        /**
         * Reads and parses a cell: blank follows {@link #text}; otherwise the parser's rejection, if any, is
         * recorded for this row and column.
         *
         * @return the parsed value, or {@code null} when the cell is blank or was rejected
         */
        public <T> T field(SheetRow row, SheetColumn column, Function<String, Parsed<T>> parser) {
            String value = text(row, column);
            if (value == null) {
                return null;
            }
            Parsed<T> parsed = parser.apply(value);
            if (parsed instanceof Parsed.Invalid<T> invalid) {
                reject(row, column, invalid.rejection());
                return null;
            }
            return ((Parsed.Valid<T>) parsed).value();
        }

        /**
         * Refuses a value seen before in this column of the file, e.g. the same ID number twice. The first
         * occurrence is kept; each later one is reported with rule {@code "duplicate"} and the row it repeats.
         * {@code null} keys (blank or rejected cells) are ignored.
         *
         * @param key the parsed value to compare (e.g. a {@code ResidentIdNumber}), so that spelling variants that
         *            parse to the same value count as duplicates
         * @return whether the key was new
         */
        public boolean requireUnique(SheetRow row, SheetColumn column, Object key) {
            if (key == null) {
                return true;
            }
            Integer first = firstRowByKey.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(key, row.number());
            if (first == null) {
                return true;
            }
            reject(row, column, "duplicate", "the same value is already in row " + first);
            return false;
        }

        /** Records a problem found by the caller. */
        public Builder reject(SheetRow row, SheetColumn column, Rejection rejection) {
            problems.add(new RowProblem(row.number(), column.header(), rejection.rule(), rejection.message()));
            return this;
        }

        /** Records a problem found by the caller. */
        public Builder reject(SheetRow row, SheetColumn column, String rule, String message) {
            return reject(row, column, new Rejection(rule, message));
        }

        /** Whether any problem has been recorded so far. */
        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** The report; the builder may go on collecting afterwards. */
        public ImportReport build() {
            List<RowProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(RowProblem::row)); // stable: keeps the order found within a row
            return new ImportReport(sheet.size(), sorted);
        }
    }
}
