package io.jingsai.api.bulk;

import java.util.List;

import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetColumn;
import reactor.core.publisher.Mono;

/**
 * One kind of registry row that can be imported in bulk (enterprises, contestants, judges). Implemented inside the
 * feature that owns the rows, so that import validates with the same rules as the REST resource and writes its own
 * table; the bulk feature only reads files, runs jobs and reports.
 */
public interface BulkImportKind {

    /** The kind's name in URLs, e.g. {@code enterprises}. */
    String name();

    /** The columns of the file, in template order, with Chinese headers. */
    List<SheetColumn> columns();

    /**
     * Validates every row of the sheet (against each other and the database) without writing anything.
     * Blocking work is not allowed here: database lookups are reactive.
     */
    Mono<PreparedImport> prepare(Sheet sheet);
}
