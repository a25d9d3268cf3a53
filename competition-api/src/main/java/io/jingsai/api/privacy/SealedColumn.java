package io.jingsai.api.privacy;

import java.util.List;

/**
 * A column that holds sealed personal data. The features that write them (contestant, judge) seal and open the
 * values; this list is what the migration and a key rotation walk over, by table and column name only.
 */
record SealedColumn(String table, String column) {

    static final List<SealedColumn> ALL = List.of(
            new SealedColumn("contestant", "id_number"),
            new SealedColumn("contestant", "phone"),
            new SealedColumn("judge", "phone"),
            new SealedColumn("judge", "email"));

    @Override
    public String toString() {
        return table + "." + column;
    }
}
