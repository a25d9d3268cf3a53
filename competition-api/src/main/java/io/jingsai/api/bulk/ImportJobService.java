package io.jingsai.api.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.relational.core.query.Update;
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
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs bulk imports as jobs: the job is recorded before the upload is acknowledged, the file is read and validated
 * off the event loop, and the rows are written all together in one transaction or not at all, the job's SUCCEEDED
 * with them. While it runs, the job's heartbeat says its process is alive.
 */
@Service
class ImportJobService {

    static final int MAX_LISTED_PROBLEMS = 1000;
    /** How often a running job's process records that it is alive (see {@link AbandonedImportJobs}). */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
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
        Instant now = clock.instant();
        ImportJobRow job = new ImportJobRow(UUID.randomUUID(), kind.name(), fileName, ImportStatus.VALIDATING, 0, 0, 0,
                Json.of("[]"), null, now, null, now);
        return template.insert(job)
                .doOnNext(saved -> run(kind, saved, format, content).subscribe())
                .map(this::toView);
    }

    Mono<ImportJobView> find(UUID id) {
        return jobs.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("importJob", id)))
                .map(this::toView);
    }

    private Mono<Void> run(BulkImportKind kind, ImportJobRow job, SheetFormat format, byte[] content) {
        Disposable heartbeat = Flux.interval(HEARTBEAT).onBackpressureDrop().concatMap(tick -> beat(job)).subscribe();
        SheetReader reader = SheetReader.of(kind.columns());
        return Mono.fromCallable(() -> reader.read(content, format))
                .subscribeOn(Schedulers.boundedElastic())
                // Progress for pollers: the file is read, its rows are counted, validation starts.
                .flatMap(sheet -> update(job, ImportStatus.VALIDATING, sheet.size(), 0, List.of(), null)
                        .thenReturn(sheet))
                .flatMap(sheet -> kind.prepare(sheet).flatMap(prepared -> prepared.report().mayWrite()
                        ? write(job, kind, sheet, prepared) : rejected(job, prepared.report())))
                .onErrorResume(UnreadableSheetException.class, e -> update(job, ImportStatus.REJECTED, 0, 0,
                        List.of(new RowProblem(0, "(file)", e.reason().name().toLowerCase(), e.getMessage())),
                        e.getMessage()))
                .onErrorResume(AbandonedJobException.class, e -> {
                    log.warn("Import job {} was marked abandoned while it ran; its rows were not written", job.id());
                    return Mono.empty();
                })
                .onErrorResume(e -> {
                    String reference = UUID.randomUUID().toString();
                    log.error("Import job {} failed, reference {}", job.id(), reference, e);
                    return update(job, ImportStatus.FAILED, 0, 0, List.of(),
                            "the server failed; nothing was written (reference " + reference + ")");
                })
                .doFinally(signal -> heartbeat.dispose())
                .then();
    }

    /**
     * Writes the rows and marks the job SUCCEEDED in one transaction, so that a job is SUCCEEDED exactly when its rows
     * are there. If a unique key refuses a row, something was registered since validation (another import, a
     * request): the file is validated again, which names the rows that are now taken.
     */
    private Mono<Long> write(ImportJobRow job, BulkImportKind kind, Sheet sheet, PreparedImport prepared) {
        int rows = prepared.report().rowsRead();
        return update(job, ImportStatus.WRITING, rows, 0, List.of(), null)
                .then(transaction.transactional(prepared.write().flatMap(written -> succeed(job, rows, written))))
                .onErrorResume(DuplicateKeyException.class, conflict -> kind.prepare(sheet)
                        .flatMap(again -> again.report().mayWrite() ? Mono.error(conflict)
                                : rejected(job, again.report())));
    }

    /**
     * Marks the job SUCCEEDED inside the write's transaction. If the job is no longer WRITING, a sweep found it
     * abandoned and reported that nothing was written: the error rolls the rows back, so the report stays true.
     */
    private Mono<Long> succeed(ImportJobRow job, int rows, int written) {
        return update(job, ImportStatus.SUCCEEDED, rows, written, List.of(), null)
                .flatMap(updated -> updated == 1 ? Mono.just(updated)
                        : Mono.error(new AbandonedJobException(job.id())));
    }

    private Mono<Long> rejected(ImportJobRow job, ImportReport report) {
        int problems = report.problems().size();
        String message = report.rowsRead() == 0 ? "the file has no data rows"
                : report.badRows() + " of " + report.rowsRead() + " rows are invalid; nothing was written"
                + (problems > MAX_LISTED_PROBLEMS
                        ? "; the first " + MAX_LISTED_PROBLEMS + " of " + problems + " problems are listed" : "");
        return update(job, ImportStatus.REJECTED, report.rowsRead(), 0, report.problems(), message);
    }

    /**
     * Records progress or the end of a job that is still running; a job that has ended (e.g. one a sweep marked
     * FAILED) does not change again. Returns the number of jobs changed: 1, or 0 if it had ended.
     */
    private Mono<Long> update(ImportJobRow job, ImportStatus status, int read, int written, List<RowProblem> problems,
                              String message) {
        Instant now = clock.instant();
        List<RowProblem> listed = problems.subList(0, Math.min(problems.size(), MAX_LISTED_PROBLEMS));
        Update update = Update.update("status", status).set("rowsRead", read).set("rowsWritten", written)
                .set("problemCount", problems.size()).set("problems", Json.of(json.writeValueAsString(listed)))
                .set("message", message).set("finishedAt", status.running() ? null : now).set("heartbeatAt", now);
        return template.update(ImportJobRow.class).matching(running(job.id())).apply(update);
    }

    /** Tells sweeps that the job's process is alive; a beat that cannot be recorded is tried again at the next. */
    private Mono<Long> beat(ImportJobRow job) {
        return template.update(ImportJobRow.class).matching(running(job.id()))
                .apply(Update.update("heartbeatAt", clock.instant()))
                .onErrorResume(DataAccessException.class, e -> {
                    log.warn("Heartbeat of import job {} not recorded: {}", job.id(), e.getMessage());
                    return Mono.just(0L);
                });
    }

    private static Query running(UUID id) {
        return Query.query(Criteria.where("id").is(id).and("status").in(ImportStatus.RUNNING));
    }

    private ImportJobView toView(ImportJobRow row) {
        List<RowProblem> problems = json.readValue(row.problems().asString(), new TypeReference<List<RowProblem>>() { });
        return new ImportJobView(row.id(), row.kind(), row.fileName(), row.status(), row.rowsRead(),
                row.rowsWritten(), row.problemCount(), problems, row.problemCount() > problems.size(), row.message(),
                row.createdAt(), row.finishedAt());
    }
}
