package io.jingsai.api.spreadsheet;

import java.util.List;

/** Receives raw rows from a format parser, in file order; may throw to stop parsing early. */
@FunctionalInterface
interface RowSink {

    /**
     * @param number the 1-based row number as shown in Excel
     * @param cells  the cell texts by column index, untrimmed; may contain {@code null} for missing cells
     */
    void row(int number, List<String> cells);
}
