package io.jingsai.api.boards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

/**
 * Times the board freezes still to be taken, of every event, on this instance: when one comes due by the clock, it
 * is taken ({@link BoardFreezeService#takeScheduled}), unless another instance took it first. The follower of
 * changes refreshes the timers whenever freezes may have changed; a timer that fired is dropped, so that a freeze
 * still scheduled after it (not due yet by the clock, or a failure) is timed again at the next refresh.
 */
@Component
class ScheduledFreezes implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledFreezes.class);

    /** A freeze timed for {@code at}. */
    private record Timer(Instant at, Disposable.Swap pending) {
    }

    private final Map<Long, Timer> timers = new ConcurrentHashMap<>();
    private final BoardFreezeStore store;
    private final BoardFreezeService freezes;
    private final Clock clock;

    ScheduledFreezes(BoardFreezeStore store, BoardFreezeService freezes, Clock clock) {
        this.store = store;
        this.freezes = freezes;
        this.clock = clock;
    }

    /** Times every scheduled freeze as stored now, and stops the timers of those no longer scheduled so. */
    Mono<Void> refresh() {
        return store.scheduled()
                .collectMap(BoardFreezeStore.Scheduled::eventId, BoardFreezeStore.Scheduled::at)
                .doOnNext(this::retime)
                .then();
    }

    private synchronized void retime(Map<Long, Instant> scheduled) {
        timers.entrySet().removeIf(timed -> {
            boolean stale = !timed.getValue().at().equals(scheduled.get(timed.getKey()));
            if (stale) {
                timed.getValue().pending().dispose();
            }
            return stale;
        });
        scheduled.forEach((eventId, at) -> timers.computeIfAbsent(eventId, id -> time(id, at)));
    }

    private Timer time(long eventId, Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        Timer timer = new Timer(at, Disposables.swap());
        timer.pending().update(Mono.delay(wait.isNegative() ? Duration.ZERO : wait)
                .then(Mono.defer(() -> freezes.takeScheduled(eventId)))
                .doFinally(signal -> timers.remove(eventId, timer))
                .subscribe(null, failure -> LOG.warn("The scheduled freeze of event {}'s board failed ({}); "
                        + "it is tried again later", eventId, failure.toString())));
        return timer;
    }

    @Override
    public void destroy() {
        timers.values().forEach(timer -> timer.pending().dispose());
        timers.clear();
    }
}
