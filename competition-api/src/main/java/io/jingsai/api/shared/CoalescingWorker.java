package io.jingsai.api.shared;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Work done off the caller's path, in rounds, one at a time: a caller notes what is to be done (in structures of its
 * own) and {@link #wake()}s the worker, which returns at once; a round takes everything noted since the round before,
 * so wake-ups during a round are coalesced into one more round. For followers of result changes whose work (reading
 * and recomputing) must never hold up the follower, nor run twice at once.
 *
 * <p>A worker may <em>rest</em> after each round: wake-ups during the rest are coalesced into the one round that
 * follows it, so that work whose every round reads a lot (a programme's standings) runs at most once per rest under
 * a steady stream of changes, instead of back to back, taking the CPU and connections that the changes themselves
 * need. A wake-up after a quiet spell longer than the rest is served at once.
 *
 * <p>A failing round is logged and forgotten: the next wake-up runs another. {@link #wake()} may be called from any
 * thread, concurrently.
 */
public final class CoalescingWorker implements Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(CoalescingWorker.class);

    private final Sinks.Many<Boolean> wakeUps = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable rounds;

    /**
     * @param name  what the rounds do, for the log
     * @param round one round: takes what was noted, and does it
     */
    public CoalescingWorker(String name, Supplier<Mono<Void>> round) {
        this(name, round, Duration.ZERO);
    }

    /**
     * @param name  what the rounds do, for the log
     * @param round one round: takes what was noted, and does it
     * @param rest  how long the worker waits after a round before it starts another (zero: none)
     */
    public CoalescingWorker(String name, Supplier<Mono<Void>> round, Duration rest) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(round, "round");
        if (rest.isNegative()) {
            throw new IllegalArgumentException("rest must not be negative, was " + rest);
        }
        Mono<Void> resting = rest.isZero() ? Mono.empty() : Mono.delay(rest).then();
        this.rounds = wakeUps.asFlux()
                .onBackpressureLatest()
                .concatMap(wakeUp -> Mono.defer(round).onErrorResume(failure -> {
                    LOG.warn("A round of {} failed ({}); the next wake-up runs another", name, failure.toString());
                    return Mono.empty();
                }).then(resting), 0) // no prefetch: the one wake-up waiting is the latest, held above
                .subscribe();
    }

    /** Asks for a round after whatever was noted before this call. */
    public void wake() {
        wakeUps.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
    }

    @Override
    public void dispose() {
        rounds.dispose();
    }

    @Override
    public boolean isDisposed() {
        return rounds.isDisposed();
    }
}
