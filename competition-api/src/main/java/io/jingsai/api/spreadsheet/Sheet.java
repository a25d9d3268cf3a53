package io.jingsai.api.spreadsheet;

import java.util.List;
import java.util.Set;

/**
 * The data rows of an imported file, keyed by the reader's {@link SheetColumn columns}.
 *
 * <p>Fully blank rows are not included; row numbers are those of the file. Optional columns missing from the
 * file read as {@code null} in every row ({@link #hasColumn} tells them apart from empty columns).
 */
public final class Sheet {

    private final List<SheetColumn> columns;
    private final Set<SheetColumn> present;
    private final List<SheetRow> rows;

    Sheet(List<SheetColumn> columns, Set<SheetColumn> present, List<SheetRow> rows) {
        this.columns = List.copyOf(columns);
        this.present = Set.copyOf(present);
        this.rows = List.copyOf(rows);
    }

    /** The columns the reader was asked for, in their declared order. */
    public List<SheetColumn> columns() {
        return columns;
    }

    /** Whether the file's header row contains this column (by header or alias). */
    public boolean hasColumn(SheetColumn column) {
        return present.contains(column);
    }

    /** The non-blank data rows, in file order. */
    public List<SheetRow> rows() {
        return rows;
    }

    /** The number of non-blank data rows. */
    public int size() {
        return rows.size();
    }
}
