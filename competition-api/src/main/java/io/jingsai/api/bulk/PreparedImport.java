package io.jingsai.api.bulk;

import java.util.List;
import java.util.function.Function;

import io.jingsai.api.spreadsheet.ImportReport;
import reactor.core.publisher.Mono;

/** The outcome of validating a file: its report and, if the report allows it, how to write every row. */
public interface PreparedImport {

    ImportReport report();

    /** Writes all rows; called only when {@link ImportReport#mayWrite()}, inside one transaction. */
    Mono<Integer> write();

    /** A prepared import of the valid {@code rows}, written by {@code writer} (which returns the rows written). */
    static <T> PreparedImport of(ImportReport report, List<T> rows, Function<List<T>, Mono<Integer>> writer) {
        List<T> copy = List.copyOf(rows);
        return new PreparedImport() {
            @Override
            public ImportReport report() {
                return report;
            }

            @Override
            public Mono<Integer> write() {
                return writer.apply(copy);
            }
        };
    }
}
