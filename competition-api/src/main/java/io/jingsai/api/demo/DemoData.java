package io.jingsai.api.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.jingsai.api.shared.ExplainedException;
import io.jingsai.api.trade.TradeView;
import jakarta.validation.Validator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --jingsai.demo=true}: once the application is ready, fills a database that has no programme yet with a
 * generated programme ({@link DemoPlan}, written by {@link DemoFiller}), hands in the first share of its score
 * sheets, and then keeps sheets arriving at {@code jingsai.demo.marks-per-second} on a scheduler of its own
 * ({@link DemoMarking}) until the application stops. Started again on the database it filled, it resumes marking
 * after the last sheet handed in ({@link DemoProgress}) and writes nothing else; on a database with other
 * programmes only, or with a demo stopped before its events were all in MARKING, it adds nothing. Nothing runs on
 * the thread that starts the application, and nothing blocks: the work is one reactive pipeline, cancelled when the
 * application context stops (before the database pool closes; an interrupted sheet's transaction rolls back).
 */
@Component
@ConditionalOnProperty(name = "jingsai.demo", havingValue = "true")
class DemoData implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Sheets handed in at once while filling; they lock different entries and mostly different events. */
    private static final int PARALLEL = 4;

    /** Where the demo stands: waiting for the application, writing, marking, or not adding anything. */
    enum State { WAITING, FILLING, MARKING, SKIPPED, FAILED }

    /** Marking ready to go on from sheet number {@code next}. */
    private record Position(DemoMarking marking, long next) {
    }

    private final DemoSettings settings;
    private final DemoServices services;
    private final DemoFiller filler;
    private final DemoProgress progress;
    private final Disposable.Composite running = Disposables.composite();
    private final AtomicLong handedIn = new AtomicLong();
    private volatile Scheduler pace;
    private volatile boolean started;
    private volatile State state = State.WAITING;

    DemoData(@Value("${jingsai.demo.seed:" + DemoSettings.SEED + "}") long seed,
             @Value("${jingsai.demo.trades:" + DemoSettings.TRADES + "}") int trades,
             @Value("${jingsai.demo.enterprises:" + DemoSettings.ENTERPRISES + "}") int enterprises,
             @Value("${jingsai.demo.contestants:" + DemoSettings.CONTESTANTS + "}") int contestants,
             @Value("${jingsai.demo.events:" + DemoSettings.EVENTS + "}") int events,
             @Value("${jingsai.demo.entries-per-event:" + DemoSettings.ENTRIES_PER_EVENT + "}") int entriesPerEvent,
             @Value("${jingsai.demo.judges-per-event:" + DemoSettings.JUDGES_PER_EVENT + "}") int judgesPerEvent,
             @Value("${jingsai.demo.initial-share:" + DemoSettings.INITIAL_SHARE + "}") double initialShare,
             @Value("${jingsai.demo.marks-per-second:" + DemoSettings.MARKS_PER_SECOND + "}") double marksPerSecond,
             DemoServices services, DatabaseClient database, Validator validator, JsonMapper json, Clock clock) {
        this.settings = new DemoSettings(seed, trades, enterprises, contestants, events, entriesPerEvent,
                judgesPerEvent, initialShare, marksPerSecond);
        this.services = services;
        this.filler = new DemoFiller(services, validator, json, clock);
        this.progress = new DemoProgress(database);
    }

    @EventListener(ApplicationReadyEvent.class)
    void begin() {
        if (!started) {
            return;
        }
        log.info("Demo data: seed {}, {} enterprises, {} contestants in {} trades, {} events of {} entries",
                settings.seed(), settings.enterprises(), settings.contestants(), settings.trades(), settings.events(),
                settings.entriesPerEvent());
        state = State.FILLING;
        running.add(Mono.fromSupplier(() -> DemoPlan.of(settings))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(plan -> filler.fill(plan).flatMap(this::firstSheets)
                        .switchIfEmpty(Mono.defer(() -> resumed(plan))))
                .doOnSuccess(position -> {
                    if (position == null) {
                        state = State.SKIPPED;
                    }
                })
                .subscribe(this::keepMarking, failure -> {
                    state = State.FAILED;
                    log.error("Demo data: could not be written: {}", failure.toString(), failure);
                }));
    }

    State state() {
        return state;
    }

    /** How many score sheets the demo has handed in (and had accepted) so far. */
    long handedIn() {
        return handedIn.get();
    }

    /** The first share of the sheets, side by side with the writing of the other contestants. */
    private Mono<Position> firstSheets(DemoMarking.Entries entries) {
        DemoMarking marking = new DemoMarking(entries, services.sheets(), settings.seed());
        long count = Math.round(settings.initialShare() * marking.perRound());
        Mono<Void> sheets = Flux.range(0, (int) count)
                .flatMap(k -> hand(marking, k), PARALLEL)
                .then(Mono.fromRunnable(() -> log.info("Demo data: {} score sheets handed in; {} a second from now on",
                        count, settings.marksPerSecond())));
        Mono<Void> rest = entries.rest().doOnSuccess(done -> log.info("Demo data: all {} contestants written",
                settings.contestants()));
        return Mono.when(sheets, rest).thenReturn(new Position(marking, count));
    }

    /** The demo an earlier start wrote, marking from where its sheets stand; empty when there is none to resume. */
    private Mono<Position> resumed(DemoPlan plan) {
        return progress.programme().flatMap(programme -> filler.trades()
                .flatMap(trades -> progress.events(programme, plan, trades.stream().map(TradeView::id).toList()))
                .flatMap(events -> progress.versions(programme).map(versions -> position(plan, events, versions)))
                .doOnNext(position -> log.info("Demo data: programme {} resumed at sheet {} (round {}), {} a second",
                        programme, position.next(), position.next() / position.marking().perRound(),
                        settings.marksPerSecond()))
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("Demo data: programme {} has events not (yet) "
                        + "marking, so this instance adds nothing (another may be filling it; one stopped while "
                        + "filling stays as it is: start on an empty data directory for a fresh demo)", programme))));
    }

    private Position position(DemoPlan plan, List<DemoMarking.Event> events,
                              Map<DemoProgress.SheetKey, Long> versions) {
        DemoMarking marking = new DemoMarking(new DemoMarking.Entries(plan, events, Mono.empty()), services.sheets(),
                settings.seed());
        return new Position(marking, marking.resumeAt(versions));
    }

    private void keepMarking(Position position) {
        state = State.MARKING;
        DemoMarking marking = position.marking();
        if (settings.marksPerSecond() == 0) {
            return;
        }
        AtomicLong next = new AtomicLong(position.next());
        Duration period = Duration.ofNanos(Math.max(1_000_000L, (long) (1e9 / settings.marksPerSecond())));
        pace = Schedulers.newSingle("demo-marks", true);
        running.add(Flux.interval(period, pace)
                .onBackpressureDrop()
                .concatMap(tick -> hand(marking, next.getAndIncrement()), 1)
                .subscribe());
    }

    /** One sheet; a refusal (an organizer moved the event on, say) or a database failure skips it, and marking goes on. */
    private Mono<Void> hand(DemoMarking marking, long k) {
        return marking.hand(k)
                .doOnSuccess(done -> handedIn.incrementAndGet())
                .onErrorResume(ExplainedException.class, refused -> {
                    log.debug("Demo data: sheet {} refused: {}", k, refused.getMessage());
                    return Mono.empty();
                })
                .onErrorResume(DataAccessException.class, failed -> {
                    log.warn("Demo data: sheet {} not written: {}", k, failed.getMessage());
                    return Mono.empty();
                });
    }

    @Override
    public void start() {
        started = true;
    }

    /** Cancels the fill or the marking, whichever is running, and the scheduler that paces the marking. */
    @Override
    public void stop() {
        started = false;
        running.dispose();
        Scheduler scheduler = pace;
        if (scheduler != null) {
            scheduler.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
