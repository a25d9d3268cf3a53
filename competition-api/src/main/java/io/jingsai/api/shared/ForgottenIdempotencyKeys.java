package io.jingsai.api.shared;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Forgets the answers kept for {@code Idempotency-Key}s once no client would still retry with them
 * ({@code jingsai.idempotency.keep-for}, a day by default), so that the table does not grow for ever. A retry later
 * than that is a new request: a second POST of a sheet then meets the first (409) rather than its answer. Runs every
 * hour, the first an hour after start-up (so that a short test run never sees rows vanish under it); every instance
 * may run it, deleting the same rows does no harm.
 */
@Component
class ForgottenIdempotencyKeys {

    private static final Duration EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ForgottenIdempotencyKeys.class);

    private final DatabaseClient database;
    private final Clock clock;
    private final Duration keepFor;
    private Disposable sweeps;

    ForgottenIdempotencyKeys(DatabaseClient database, Clock clock,
                             @Value("${jingsai.idempotency.keep-for:P1D}") Duration keepFor) {
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("jingsai.idempotency.keep-for must be positive, was " + keepFor);
        }
        this.database = database;
        this.clock = clock;
        this.keepFor = keepFor;
    }

    /** Deletes the keys claimed longer ago than the keep-for period; answers how many. */
    Mono<Long> sweep() {
        return database.sql("DELETE FROM idempotent_request WHERE created_at < :before")
                .bind("before", clock.instant().minus(keepFor))
                .fetch().rowsUpdated();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        sweeps = Flux.interval(EVERY, EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> sweep().onErrorResume(DataAccessException.class, e -> {
                    log.warn("Could not forget old idempotency keys: {}", e.getMessage());
                    return Mono.just(0L);
                }))
                .filter(forgotten -> forgotten > 0)
                .subscribe(forgotten -> log.info("Forgot {} idempotency key(s) older than {}", forgotten, keepFor));
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.dispose();
        }
    }
}
