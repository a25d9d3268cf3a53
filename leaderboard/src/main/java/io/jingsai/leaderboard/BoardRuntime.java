package io.jingsai.leaderboard;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The time sources of a board: the {@link Clock} that stamps freezes and change events, the Reactor
 * {@link Scheduler} and {@code tick} on which the change feed coalesces changes, and how many top entries the feed
 * tracks. Tests pass a fixed clock and a {@code VirtualTimeScheduler}.
 *
 * @param clock     stamps freezes and change events
 * @param scheduler runs the change feed's tick
 * @param tick      how often accumulated changes are published, positive
 * @param feedTop   how many top entries snapshots and deltas carry, at least 1
 */
public record BoardRuntime(Clock clock, Scheduler scheduler, Duration tick, int feedTop) {

    /** The default tick, 200 ms. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(200);
    /** The default number of top entries in the feed, 100. */
    public static final int DEFAULT_FEED_TOP = 100;

    public BoardRuntime {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(tick, "tick");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive but was " + tick);
        }
        if (feedTop < 1) {
            throw new IllegalArgumentException("feedTop must be at least 1 but was " + feedTop);
        }
    }

    /** The given clock, {@link Schedulers#parallel()}, a 200 ms tick and the top 100. */
    public static BoardRuntime of(Clock clock) {
        return new BoardRuntime(clock, Schedulers.parallel(), DEFAULT_TICK, DEFAULT_FEED_TOP);
    }

    /** A copy with another scheduler and tick. */
    public BoardRuntime withTick(Scheduler scheduler, Duration tick) {
        return new BoardRuntime(clock, scheduler, tick, feedTop);
    }

    /** A copy tracking another number of top entries. */
    public BoardRuntime withFeedTop(int feedTop) {
        return new BoardRuntime(clock, scheduler, tick, feedTop);
    }
}
