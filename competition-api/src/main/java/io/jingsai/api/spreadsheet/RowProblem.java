package io.jingsai.api.spreadsheet;

import java.util.Objects;

/**
 * One thing wrong with one cell of an imported file.
 *
 * @param row     the row number as Excel shows it
 * @param column  the column's header as written in templates (e.g. {@code "身份证号"})
 * @param rule    the stable key of the broken rule (e.g. {@code "check-character"}, {@code "required"})
 * @param message what is wrong (e.g. {@code "check character must be X, was 3"})
 */
public record RowProblem(int row, String column, String rule, String message) {

    public RowProblem {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return "row " + row + ", " + column + ": " + message;
    }
}
