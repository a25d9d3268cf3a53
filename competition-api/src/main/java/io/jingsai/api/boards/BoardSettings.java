package io.jingsai.api.boards;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.jingsai.leaderboard.BoardRuntime;
import reactor.core.scheduler.Schedulers;

/**
 * The settings of the public boards ({@code jingsai.boards.*}): the event boards and the programmes' star boards.
 *
 * @param heartbeat      how often a board stream sends a comment while nothing else happens, so that proxies keep
 *                       it open and clients notice a dead one
 * @param tick           how often a board's accumulated changes are published on its stream (coalesced)
 * @param streamTop      how many leading entries a stream's snapshot and changes carry
 * @param resumeHistory  how many recent changes a board keeps so that a client reconnecting with
 *                       {@code Last-Event-ID} resumes instead of starting over with a snapshot
 * @param reconnectFirst the first wait before the follower of result changes reconnects to the database
 * @param reconnectMax   the longest wait between its reconnection attempts
 * @param poll           how often the follower reads the outbox even without a notification, which also checks
 *                       that its connection is alive
 * @param starsRest      how long the programmes' star boards rest after taking result changes before they take the
 *                       next: every change of an event standardises again and restates all of its entrants (one mark
 *                       moves every standardised score of its event), so under marking at full speed the work grows
 *                       with the event's size times the rounds; a star board follows the marks up to this much later
 */
@ConfigurationProperties("jingsai.boards")
public record BoardSettings(@DefaultValue("20s") Duration heartbeat, @DefaultValue("200ms") Duration tick,
                     @DefaultValue("100") int streamTop, @DefaultValue("256") int resumeHistory,
                     @DefaultValue("500ms") Duration reconnectFirst, @DefaultValue("30s") Duration reconnectMax,
                     @DefaultValue("10s") Duration poll, @DefaultValue("1s") Duration starsRest) {

    /** What every public board runs on: its change feed ticks on the parallel scheduler, carrying the stream's top. */
    public BoardRuntime runtime(Clock clock) {
        return new BoardRuntime(clock, Schedulers.parallel(), tick, streamTop);
    }
}
