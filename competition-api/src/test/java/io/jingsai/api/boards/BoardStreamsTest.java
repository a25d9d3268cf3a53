package io.jingsai.api.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.jingsai.api.event.Standing;
import io.jingsai.api.registration.RegistrationStatus;
import io.jingsai.api.result.CurrentResults.CurrentResult;
import io.jingsai.api.result.EntryResultStatus;
import io.jingsai.leaderboard.BoardRuntime;
import io.jingsai.scoring.ranking.RankingRule;
import io.jingsai.scoring.ranking.TieBreakChain;
import io.jingsai.scoring.ranking.TieBreakKey;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** A board's stream for a client that reads slowly: it is skipped ahead, never handed a backlog. */
class BoardStreamsTest {

    private static final RankingRule<Standing> BY_TOTAL = RankingRule.standard(
            TieBreakChain.of(TieBreakKey.descending("total", Standing::total)),
            Comparator.comparingInt(Standing::registrationNumber));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventBoard board = new EventBoard(7, "test", BY_TOTAL,
            new BoardRuntime(Clock.systemUTC(), Schedulers.parallel(), Duration.ofMillis(10), 100), 16, JSON);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void theLatestStateArrivesAsASnapshotAfterAtMostOneStaleEvent() {
        board.apply(result(1, "50"));
        List<StreamFrame> afterTheBacklog = new ArrayList<>();
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
        StreamFrame latest = afterTheBacklog.get(1);
        assertThat(latest.event()).as("skipped ahead to a snapshot").isEqualTo("snapshot");
        BoardStreamEvents.Snapshot snapshot = snapshot(latest);
        assertThat(snapshot.total()).isEqualTo(21);
        assertThat(snapshot.top()).extracting(BoardLineView::registrationNumber).startsWith(1, 21, 20);
        assertThat(board.watching()).isZero();
    }

    /**
     * Frozen with results of its own (as stored with the freeze, here one entry the live board has not seen): the
     * stream says so once, then sends nothing while live results arrive, and the release turns the frozen board into
     * the live one. Reads show the frozen board under one version meanwhile; an older freeze state changes nothing.
     */
    @Test
    void aFrozenBoardStreamsItsFreezeThenNothingUntilItIsReleased() {
        Instant at = Instant.parse("2026-05-01T08:00:00Z");
        board.apply(result(1, "50"));
        BoardFreeze frozen = new BoardFreeze(7, 1, at, List.of(result(1, "50"), result(2, "40")), null, "o", at);
        List<String> versions = new ArrayList<>();
        StepVerifier.create(BoardStreams.of(board, null, Duration.ofHours(1)).filter(event -> event.event() != null))
                .assertNext(snapshot -> assertThat(snapshot(snapshot).frozenSince()).isNull())
                .then(() -> {
                    board.follow(frozen);
                    board.apply(result(3, "99"));
                })
                .assertNext(freezing -> {
                    BoardStreamEvents.Change change = change(freezing);
                    assertThat(change.frozenSince()).isEqualTo(at);
                    assertThat(change.total()).isEqualTo(2);
                    assertThat(change.changed()).extracting(BoardLineView::registrationNumber).containsExactly(2);
                })
                .then(() -> {
                    versions.add(board.version());
                    board.apply(result(4, "98"));
                    board.follow(frozen);
                    versions.add(board.version());
                })
                .expectNoEvent(Duration.ofMillis(200))
                .then(() -> {
                    assertThat(board.page(0, 10).entries()).extracting(BoardLineView::registrationNumber)
                            .containsExactly(1, 2);
                    assertThat(board.livePage(0, 10).entries()).extracting(BoardLineView::registrationNumber)
                            .containsExactly(3, 4, 1);
                    board.follow(new BoardFreeze(7, 2, null, List.of(), null, "o", at));
                })
                .assertNext(release -> {
                    BoardStreamEvents.Change change = change(release);
                    assertThat(change.frozenSince()).isNull();
                    assertThat(change.total()).isEqualTo(3);
                    assertThat(change.changed()).extracting(BoardLineView::registrationNumber)
                            .containsExactly(3, 4, 1);
                    assertThat(change.leftTop()).containsExactly(2);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
        assertThat(versions.get(1)).as("one version while frozen").isEqualTo(versions.get(0));
        assertThat(board.version()).isNotEqualTo(versions.get(0));
        assertThat(board.page(0, 10).frozenSince()).isNull();
    }

    /**
     * Thousands of subscribers receive each change: it is made and encoded once, and every subscriber gets that one
     * frame, whose data is the JSON the codecs would write.
     */
    @Test
    void everySubscriberReceivesTheOneEncodingOfAChange() {
        board.apply(result(1, "50"));
        List<StreamFrame> first = new CopyOnWriteArrayList<>();
        List<StreamFrame> second = new CopyOnWriteArrayList<>();
        Disposable one = BoardStreams.of(board, null, Duration.ofHours(1))
                .filter(event -> event.event() != null).subscribe(first::add);
        Disposable two = BoardStreams.of(board, null, Duration.ofHours(1))
                .filter(event -> event.event() != null).subscribe(second::add);
        try {
            waitFor(() -> first.size() == 1 && second.size() == 1);
            board.apply(result(2, "60.5"));
            waitFor(() -> first.size() == 2 && second.size() == 2);
        } finally {
            one.dispose();
            two.dispose();
        }
        assertThat(first.get(0)).as("the snapshot").isSameAs(second.get(0));
        assertThat(first.get(1)).as("the change").isSameAs(second.get(1));
        BoardStreamEvents.Change change = change(first.get(1));
        assertThat(change.total()).isEqualTo(2);
        assertThat(change.changed()).extracting(BoardLineView::registrationNumber).containsExactly(2, 1);
        assertThat(change.changed().get(0).total()).isEqualByComparingTo("60.5");
        assertThat(first.get(1).id()).endsWith("." + change.sequence());
    }

    private static BoardStreamEvents.Snapshot snapshot(StreamFrame event) {
        return JSON.readValue(event.data(), BoardStreamEvents.Snapshot.class);
    }

    private static BoardStreamEvents.Change change(StreamFrame event) {
        return JSON.readValue(event.data(), BoardStreamEvents.Change.class);
    }

    private static void waitFor(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(until);
            pause();
        }
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
