package io.jingsai.api.result;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.JingsaiApplication;
import io.jingsai.api.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The command {@code java -jar competition-api.jar --jingsai.check-results=all} (or a comma-separated list of event
 * ids): recomputes every stored result of those events from their marks and records alone, logs one line per event
 * and one per entry that differs, and exits with 0 when nothing differs, 1 otherwise (2 for an id that is not a
 * number or not an event). The application starts without its web server for it, so it runs beside a serving instance.
 */
@Component
@ConditionalOnProperty(JingsaiApplication.CHECK_RESULTS)
class ResultCheckCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(ResultCheckCommand.class);

    private final ResultService results;
    private final DatabaseClient database;
    private final String configured;
    private final AtomicInteger exitCode = new AtomicInteger();

    ResultCheckCommand(ResultService results, DatabaseClient database,
                       @Value("${" + JingsaiApplication.CHECK_RESULTS + "}") String configured) {
        this.results = results;
        this.database = database;
        this.configured = configured;
    }

    /**
     * Runs at start-up, on the main thread, which may wait: no request is served meanwhile. The events are those the
     * command line names, else those the property names.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        List<String> named = arguments.getOptionValues(JingsaiApplication.CHECK_RESULTS);
        String events = named == null || named.isEmpty() ? configured : String.join(",", named);
        List<Long> differing = eventIds(events)
                .concatMap(results::recomputation)
                .doOnNext(ResultCheckCommand::log)
                .filter(report -> !report.differences().isEmpty())
                .map(RecomputationView::eventId)
                .collectList()
                .onErrorResume(NumberFormatException.class, badId -> refuse("{} is not all or a list of event ids",
                        events))
                .onErrorResume(NotFoundException.class, missing -> refuse("{} names an event that does not exist",
                        events))
                .block();
        if (differing != null) {
            LOG.info("Result check: {}", differing.isEmpty() ? "every stored result equals its recomputation"
                    : "results differ in events " + differing);
            exitCode.set(differing.isEmpty() ? 0 : 1);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.get();
    }

    private Mono<List<Long>> refuse(String problem, String events) {
        LOG.error("Result check: " + problem, events);
        exitCode.set(2);
        return Mono.empty();
    }

    private Flux<Long> eventIds(String events) {
        if (events.isBlank() || events.strip().equalsIgnoreCase("all")) {
            return database.sql("SELECT DISTINCT event_id FROM entry_result ORDER BY event_id")
                    .map(row -> row.get("event_id", Long.class))
                    .all();
        }
        return Flux.defer(() -> Flux.fromIterable(Arrays.stream(events.split(",")).map(String::strip)
                .map(Long::valueOf).toList()));
    }

    private static void log(RecomputationView report) {
        LOG.info("Result check: event {}: {} results checked, {} differ", report.eventId(), report.checked(),
                report.differences().size());
        report.differences().forEach(difference -> LOG.warn("Result check: event {}, registration number {}: {} "
                + "differ", report.eventId(), difference.registrationNumber(), difference.fields()));
    }
}
