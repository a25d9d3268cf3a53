package io.jingsai.api.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.relational.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds import jobs whose process stopped (a crash, a restart, a lost server) while they were VALIDATING or WRITING,
 * and marks them FAILED: their rows were never written, because a job's rows commit together with its SUCCEEDED.
 * A job is abandoned when its heartbeat is older than {@link #ABANDONED_AFTER}; the jobs of other instances that
 * are still alive keep beating, so a restart of one instance never fails another's work. Sweeps run at start-up and
 * then every {@link #ABANDONED_AFTER}, so a job left by a crash is failed within about twice that.
 */
@Component
class AbandonedImportJobs {

    /** Six missed heartbeats: far beyond a pause of the process or a slow database. */
    static final Duration ABANDONED_AFTER = ImportJobService.HEARTBEAT.multipliedBy(6);
    static final String MESSAGE = "the server working on this import stopped; nothing was written, upload the file again";
    private static final Logger log = LoggerFactory.getLogger(AbandonedImportJobs.class);

    private final R2dbcEntityTemplate template;
    private final Clock clock;
    private Disposable sweeps;

    AbandonedImportJobs(R2dbcEntityTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    /** Marks every abandoned job FAILED; returns how many there were. */
    Mono<Long> sweep() {
        Instant now = clock.instant();
        return template.update(ImportJobRow.class)
                .matching(Query.query(Criteria.where("status").in(ImportStatus.RUNNING)
                        .and("heartbeatAt").lessThan(now.minus(ABANDONED_AFTER))))
                .apply(Update.update("status", ImportStatus.FAILED).set("finishedAt", now).set("message", MESSAGE));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        sweeps = Flux.interval(Duration.ZERO, ABANDONED_AFTER)
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(DataAccessException.class, e -> {
                    log.warn("Could not look for abandoned import jobs: {}", e.getMessage());
                    return Mono.just(0L);
                }))
                .filter(failed -> failed > 0)
                .subscribe(failed -> log.warn("{} import job(s) were abandoned by a stopped server and marked FAILED",
                        failed));
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.dispose();
        }
    }
}
