package io.jingsai.leaderboard;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.SynchronousSink;

/**
 * Coalesces a board's public changes into one {@link FeedState} per tick and fans them out.
 *
 * <p>The latest state lives in a replay-latest sink, so a new subscriber immediately gets it (as a snapshot).
 * Each subscriber reads through {@code onBackpressureLatest}: if it is slow, intermediate states are dropped for
 * it alone, and the sequence gap turns the next state into a snapshot rather than an inapplicable delta. The
 * ticker runs only while someone subscribes.
 */
final class ChangeFeed {

    private final Board board;
    private final BoardRuntime runtime;
    private final Sinks.Many<FeedState> sink = Sinks.many().replay().latest();
    private FeedState latest;
    private Object publishedView;
    private long publishedVersion;
    private int subscribers;
    private Disposable ticker;

    ChangeFeed(Board board, BoardRuntime runtime) {
        this.board = board;
        this.runtime = runtime;
    }

    Flux<BoardChange> changes() {
        return Flux.defer(() -> {
            subscriberArrived();
            long[] delivered = {-1};
            return sink.asFlux()
                    .onBackpressureLatest()
                    .<BoardChange>handle((FeedState state, SynchronousSink<BoardChange> out) -> {
                        if (state.sequence <= delivered[0]) {
                            return;
                        }
                        boolean inSequence = state.sequence == delivered[0] + 1 && state.delta != null;
                        delivered[0] = state.sequence;
                        out.next(inSequence ? state.delta : state.snapshot());
                    })
                    .doFinally(signal -> subscriberLeft());
        });
    }

    private synchronized void subscriberArrived() {
        if (subscribers++ == 0) {
            ticker = Flux.interval(runtime.tick(), runtime.tick(), runtime.scheduler())
                    .subscribe(tick -> publishOnTick());
        }
        publishIfChanged();
    }

    /** A failing tick must not end the ticker: later ticks publish again (and deltas stay in sequence). */
    private void publishOnTick() {
        try {
            publishIfChanged();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "change feed of board '" + board.name() + "' failed a tick", e);
        }
    }

    private static final System.Logger LOGGER = System.getLogger(ChangeFeed.class.getName());

    private synchronized void subscriberLeft() {
        if (--subscribers == 0 && ticker != null) {
            ticker.dispose();
            ticker = null;
        }
    }

    /** Publishes the public view if it changed since the last published state. */
    synchronized void publishIfChanged() {
        AbstractView view = board.publicAbstractView();
        long version = view.version();
        if (latest != null && view == publishedView && version == publishedVersion) {
            return;
        }
        long sequence = latest == null ? 0 : latest.sequence + 1;
        FeedState previous = latest;
        FeedState next = view.read(o -> FeedState.capture(board.name(), o, runtime.feedTop(), sequence,
                runtime.clock().instant(), view.frozenAt(), previous));
        // A freeze or a release is published even when the leading entries stay as they were: subscribers are told.
        if (latest != null && next.delta != null && isEmpty(next.delta, latest.total)
                && next.frozenAt.equals(latest.frozenAt)) {
            publishedView = view;
            publishedVersion = version;
            return; // the change did not touch anything the feed shows
        }
        latest = next;
        publishedView = view;
        publishedVersion = version;
        sink.tryEmitNext(next);
    }

    private static boolean isEmpty(BoardChange.Delta delta, int previousTotal) {
        return delta.changed().isEmpty() && delta.leftTop().isEmpty() && delta.tierEvents().isEmpty()
                && delta.tierChanges().isEmpty() && delta.total() == previousTotal;
    }
}
