package io.jingsai.api.bulk;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.spreadsheet.ImportReport;
import io.jingsai.api.spreadsheet.RowProblem;
import io.jingsai.api.spreadsheet.Sheet;
import io.jingsai.api.spreadsheet.SheetFormat;
import io.jingsai.api.spreadsheet.SheetReader;
import io.jingsai.api.spreadsheet.UnreadableSheetException;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs bulk imports as jobs: the job is recorded before the upload is acknowledged, the file is read and validated
 * off the event loop, and the rows are written all together in one transaction or not at all.
 */
@Service
class ImportJobService {

    static final int MAX_LISTED_PROBLEMS = 1000;
    private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);

    private final Map<String, BulkImportKind> kinds;
    private final ImportJobRepository jobs;
    private final R2dbcEntityTemplate template;
    private final TransactionalOperator transaction;
    private final JsonMapper json;
    private final Clock clock;

    ImportJobService(List<BulkImportKind> kinds, ImportJobRepository jobs, R2dbcEntityTemplate template,
                     TransactionalOperator transaction, JsonMapper json, Clock clock) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(BulkImportKind::name, Function.identity()));
        this.jobs = jobs;
        this.template = template;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    BulkImportKind kind(String name) {
        BulkImportKind kind = kinds.get(name);
        if (kind == null) {
            throw NotFoundException.because("notFound.importKind", kinds.keySet().stream().sorted().toList());
        }
        return kind;
    }

    /** Records the job, starts it in the background and returns it as first recorded. */
    Mono<ImportJobView> submit(BulkImportKind kind, String fileName, SheetFormat format, byte[] content) {
        ImportJobRow job = new ImportJobRow(UUID.randomUUID(), kind.name(), fileName, ImportStatus.VALIDATING, 0, 0, 0,
                Json.of("[]"), null, clock.instant(), null);
        return template.insert(job)
                .doOnNext(saved -> run(kind, saved, format, content).subscribe())
                .map(this::toView);
    }

    Mono<ImportJobView> find(UUID id) {
        return jobs.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("importJob", id)))
                .map(this::toView);
    }

    /** Jobs that were running when the last process stopped wrote nothing (one transaction); say so. */
    @EventListener(ApplicationReadyEvent.class)
    void reportInterruptedJobs() {
        jobs.failInterrupted(clock.instant())
                .subscribe(count -> {
                    if (count > 0) {
                        log.warn("{} import job(s) were interrupted by a restart and marked FAILED", count);
                    }
                });
    }

    private Mono<ImportJobRow> run(BulkImportKind kind, ImportJobRow job, SheetFormat format, byte[] content) {
        SheetReader reader = SheetReader.of(kind.columns());
        return Mono.fromCallable(() -> reader.read(content, format))
                .subscribeOn(Schedulers.boundedElastic())
                // Progress for pollers: the file is read, its rows are counted, validation starts.
                .flatMap(sheet -> update(job, ImportStatus.VALIDATING, sheet.size(), 0, List.of(), null)
                        .thenReturn(sheet))
                .flatMap(kind::prepare)
                .flatMap(prepared -> prepared.report().mayWrite() ? write(job, prepared) : rejected(job, prepared.report()))
                .onErrorResume(UnreadableSheetException.class, e -> finish(job, ImportStatus.REJECTED, 0, 0,
                        List.of(new RowProblem(0, "(file)", e.reason().name().toLowerCase(), e.getMessage())),
                        e.getMessage()))
                .onErrorResume(e -> {
                    String reference = UUID.randomUUID().toString();
                    log.error("Import job {} failed, reference {}", job.id(), reference, e);
                    return finish(job, ImportStatus.FAILED, 0, 0, List.of(),
                            "the server failed; nothing was written (reference " + reference + ")");
                });
    }

    private Mono<ImportJobRow> write(ImportJobRow job, PreparedImport prepared) {
        int rows = prepared.report().rowsRead();
        return update(job, ImportStatus.WRITING, rows, 0, List.of(), null)
                .then(transaction.transactional(prepared.write()))
                .flatMap(written -> finish(job, ImportStatus.SUCCEEDED, rows, written, List.of(), null));
    }

    private Mono<ImportJobRow> rejected(ImportJobRow job, ImportReport report) {
        int problems = report.problems().size();
        String message = report.rowsRead() == 0 ? "the file has no data rows"
                : report.badRows() + " of " + report.rowsRead() + " rows are invalid; nothing was written"
                + (problems > MAX_LISTED_PROBLEMS
                        ? "; the first " + MAX_LISTED_PROBLEMS + " of " + problems + " problems are listed" : "");
        return finish(job, ImportStatus.REJECTED, report.rowsRead(), 0, report.problems(), message);
    }

    private Mono<ImportJobRow> finish(ImportJobRow job, ImportStatus status, int read, int written,
                                      List<RowProblem> problems, String message) {
        return update(job, status, read, written, problems, message);
    }

    private Mono<ImportJobRow> update(ImportJobRow job, ImportStatus status, int read, int written,
                                      List<RowProblem> problems, String message) {
        boolean finished = status != ImportStatus.VALIDATING && status != ImportStatus.WRITING;
        List<RowProblem> listed = problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS));
        return template.update(new ImportJobRow(job.id(), job.kind(), job.fileName(), status, read, written,
                problems.size(), Json.of(json.writeValueAsString(listed)), message, job.createdAt(),
                finished ? clock.instant() : null));
    }

    private ImportJobView toView(ImportJobRow row) {
        List<RowProblem> problems = json.readValue(row.problems().asString(), new TypeReference<List<RowProblem>>() { });
        return new ImportJobView(row.id(), row.kind(), row.fileName(), row.status(), row.rowsRead(),
                row.rowsWritten(), row.problemCount(), problems, row.problemCount() > problems.size(), row.message(),
                row.createdAt(), row.finishedAt());
    }
}
