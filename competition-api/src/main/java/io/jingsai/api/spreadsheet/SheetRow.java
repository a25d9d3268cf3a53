package io.jingsai.api.spreadsheet;

import java.util.List;

/**
 * One non-blank data row of a {@link Sheet}.
 *
 * <p>{@link #number()} is the row number the user sees in Excel (the header is usually row 1, so the first data
 * row is 2). Values are trimmed; a blank cell, or a column that the file does not have, reads as {@code null}.
 */
public final class SheetRow {

    private final int number;
    private final List<SheetColumn> columns;
    private final String[] values;

    SheetRow(int number, List<SheetColumn> columns, String[] values) {
        this.number = number;
        this.columns = columns;
        this.values = values;
    }

    /** The row number as shown in Excel (1-based, counting the header and any skipped blank rows). */
    public int number() {
        return number;
    }

    /**
     * The trimmed value of a column, or {@code null} when blank or absent.
     *
     * @throws IllegalArgumentException if the column is not one of the sheet's columns
     */
    public String value(SheetColumn column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("column " + column.label() + " is not a column of this sheet");
        }
        return values[index];
    }

    /**
     * The trimmed value of the column with this header (or alias), or {@code null} when blank or absent.
     *
     * @throws IllegalArgumentException if no column has this header or alias
     */
    public String value(String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).matches(header)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no column with header '" + header + "'");
    }

    @Override
    public String toString() {
        return "row " + number;
    }
}
