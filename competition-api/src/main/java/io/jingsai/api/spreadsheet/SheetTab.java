package io.jingsai.api.spreadsheet;

import java.util.List;

/**
 * One sheet of a workbook of several ({@link SheetWriter#writeTabs}): its name, lines printed above the header row
 * (a title), the columns and rows, and lines printed below them (such as a line to sign on).
 *
 * @param name  the sheet's name in XLSX; made safe (at most 31 characters, none of {@code []:*?/\}) and unique
 */
public record SheetTab(String name, List<String> above, List<SheetColumn> columns, List<List<String>> rows,
                       List<String> below) {

    public SheetTab {
        above = List.copyOf(above);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        below = List.copyOf(below);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one column");
        }
    }
}
