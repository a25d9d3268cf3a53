package io.jingsai.api.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.result.CurrentResults.CurrentResult;
import io.jingsai.api.result.EntryResultStatus;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** A board's stream for a client that reads slowly: it is skipped ahead, never handed a backlog. */
class BoardStreamsTest {

    private static final RankingRule<Standing> BY_TOTAL = RankingRule.standard(
            TieBreakChain.of(TieBreakKey.descending("total", Standing::total)),
            Comparator.comparingInt(Standing::registrationNumber));

    private final EventBoard board = new EventBoard(7, "test", BY_TOTAL,
            new BoardRuntime(Clock.systemUTC(), Schedulers.parallel(), Duration.ofMillis(10), 100), 16);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void theLatestStateArrivesAsASnapshotAfterAtMostOneStaleEvent() {
        board.apply(result(1, "50"));
        List<ServerSentEvent<Object>> afterTheBacklog = new ArrayList<>();
        StepVerifier.create(BoardStreams.of(board, null, Duration.ofHours(1)), 2)
                .expectNextCount(2)
                .then(() -> {
                    for (int entry = 2; entry <= 21; entry++) {
                        board.apply(result(entry, entry + ".5"));
                        pause();
                    }
                })
                .thenRequest(1)
                .assertNext(afterTheBacklog::add)
                .thenRequest(1)
                .assertNext(afterTheBacklog::add)
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        ServerSentEvent<Object> latest = afterTheBacklog.get(1);
        assertThat(latest.event()).as("skipped ahead to a snapshot").isEqualTo("snapshot");
        BoardStreamEvents.Snapshot snapshot = (BoardStreamEvents.Snapshot) latest.data();
        assertThat(snapshot.total()).isEqualTo(21);
        assertThat(snapshot.top()).extracting(BoardLineView::registrationNumber).startsWith(1, 21, 20);
        assertThat(board.watching()).isZero();
    }

    private static void pause() {
        try {
            Thread.sleep(30); // longer than a tick: every change is its own published state
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CurrentResult result(int number, String total) {
        BigDecimal value = new BigDecimal(total);
        return new CurrentResult(7, 1000 + number, number, null, RegistrationStatus.REGISTERED,
                EntryResultStatus.COMPLETE, value, new Standing(number, Map.of("total", value), true, true), 0);
    }
}
