package io.jingsai.api.boards;

import java.time.Duration;

import reactor.core.publisher.Flux;

/**
 * A board's server-sent events: a comment first (so that the headers go out at once), then the board's events,
 * with a heartbeat comment every so often.
 *
 * <p>Each subscriber reads through a buffer of one: the board's feed keeps only the latest state for a subscriber
 * that does not ask for more (the write to a slow client is what asks), so a slow client is skipped ahead and never
 * holds up the board or other clients; heartbeats a slow client cannot take are dropped. Cancelling the stream
 * (the client hangs up, and {@code web.AbandonedResponseFilter} cuts the body off) ends its feed subscription and
 * its heartbeat.
 */
public final class BoardStreams {

    private BoardStreams() {
    }

    private static final StreamFrame HEARTBEAT = StreamFrame.comment("heartbeat");

    static Flux<StreamFrame> of(EventBoard board, String lastEventId, Duration heartbeat) {
        return of("board " + board.eventId(), board.events(lastEventId), heartbeat);
    }

    /**
     * A board's events as a stream: the {@code opening} comment, then the events with heartbeats. The events must
     * come from a board's feed (latest state only for a slow subscriber), so that the buffer of one holds.
     */
    public static Flux<StreamFrame> of(String opening, Flux<StreamFrame> events, Duration heartbeat) {
        Flux<StreamFrame> heartbeats = Flux.interval(heartbeat, heartbeat)
                .onBackpressureDrop()
                .map(beat -> HEARTBEAT);
        return Flux.concat(Flux.just(StreamFrame.comment(opening)), Flux.merge(1, events, heartbeats));
    }
}
