package io.jingsai.api.bulk;

import io.jingsai.api.spreadsheet.ImportReport;
import reactor.core.publisher.Mono;

/** The outcome of validating a file: its report and, if the report allows it, how to write every row. */
public interface PreparedImport {

    ImportReport report();

    /** Writes all rows; called only when {@link ImportReport#mayWrite()}, inside one transaction. */
    Mono<Integer> write();
}
