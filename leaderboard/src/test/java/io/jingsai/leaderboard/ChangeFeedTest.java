package io.jingsai.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.test.scheduler.VirtualTimeScheduler;

class ChangeFeedTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration TICK = Duration.ofMillis(200);
    private static final RankingOrder ORDER = RankingOrder.score(0);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<Disposable> subscriptions = new ArrayList<>();

    @AfterEach
    void cancel() {
        subscriptions.forEach(Disposable::dispose);
        time.dispose();
    }

    private Board board(int feedTop) {
        var spec = BoardSpec.of("projects", ORDER).withTiers(Tier.of("demonstration", 2), Tier.of("key", 4));
        return Board.create(spec, new BoardRuntime(Clock.fixed(NOW, ZoneOffset.UTC), time, TICK, feedTop));
    }

    private List<BoardChange> subscribe(Board board) {
        var events = new ArrayList<BoardChange>();
        subscriptions.add(board.changes().subscribe(events::add));
        return events;
    }

    private static SortKey score(long s) {
        return ORDER.keyOfUnscaled(s);
    }

    @Test
    void startsWithASnapshotAndCoalescesEachTickIntoOneDelta() {
        Board board = board(3);
        board.upsert(1, 1, score(50));
        List<BoardChange> events = subscribe(board);

        assertThat(events).hasSize(1);
        var snapshot = (BoardChange.Snapshot) events.get(0);
        assertThat(snapshot.total()).isEqualTo(1);
        assertThat(snapshot.top()).extracting(Standing::id).containsExactly(1L);
        assertThat(snapshot.at()).isEqualTo(NOW);

        board.upsert(2, 2, score(60));
        board.upsert(3, 3, score(40));
        board.rescore(3, score(70));
        time.advanceTimeBy(TICK.minusMillis(1));
        assertThat(events).hasSize(1);
        time.advanceTimeBy(Duration.ofMillis(1));

        assertThat(events).hasSize(2);
        var delta = (BoardChange.Delta) events.get(1);
        assertThat(delta.sequence()).isEqualTo(snapshot.sequence() + 1);
        assertThat(delta.total()).isEqualTo(3);
        assertThat(delta.changed()).extracting(Standing::id, Standing::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 1), org.assertj.core.groups.Tuple.tuple(2L, 2),
                        org.assertj.core.groups.Tuple.tuple(1L, 3));
        assertThat(delta.tierEvents()).containsExactlyInAnyOrder(
                new BoardChange.TierEvent("demonstration", 2, true),
                new BoardChange.TierEvent("demonstration", 3, true),
                new BoardChange.TierEvent("demonstration", 1, false),
                new BoardChange.TierEvent("key", 2, true),
                new BoardChange.TierEvent("key", 3, true));
        assertThat(delta.tierChanges()).extracting(TierStatus::tier, TierStatus::members)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("demonstration", 2),
                        org.assertj.core.groups.Tuple.tuple("key", 3));
    }

    @Test
    void quietTicksAndInvisibleChangesPublishNothing() {
        Board board = board(1);
        for (long id = 1; id <= 6; id++) {
            board.upsert(id, id, score(100 - id));
        }
        List<BoardChange> events = subscribe(board);
        time.advanceTimeBy(TICK.multipliedBy(5));
        assertThat(events).hasSize(1);

        board.rescore(6, score(1)); // last place moves further down: nothing the feed shows changes
        time.advanceTimeBy(TICK);
        assertThat(events).hasSize(1);

        board.upsert(7, 7, score(0)); // only the total changes
        time.advanceTimeBy(TICK);
        assertThat(events).hasSize(2);
        var delta = (BoardChange.Delta) events.get(1);
        assertThat(delta.total()).isEqualTo(7);
        assertThat(delta.changed()).isEmpty();
        assertThat(delta.tierEvents()).isEmpty();
    }

    @Test
    void aSlowSubscriberSkipsAheadToASnapshotWithoutHoldingBackOthers() {
        Board board = board(3);
        List<BoardChange> fast = subscribe(board);
        var slow = new BaseSubscriber<BoardChange>() {
            final List<BoardChange> received = new ArrayList<>();

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnNext(BoardChange change) {
                received.add(change);
            }
        };
        board.changes().subscribe(slow);
        subscriptions.add(slow);

        for (long id = 1; id <= 5; id++) {
            board.upsert(id, id, score(id * 10));
            time.advanceTimeBy(TICK);
        }
        assertThat(fast).hasSize(6);
        assertThat(fast).extracting(BoardChange::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(slow.received).hasSize(1);

        slow.request(1);
        assertThat(slow.received).hasSize(2);
        var caughtUp = (BoardChange.Snapshot) slow.received.get(1);
        assertThat(caughtUp.sequence()).isEqualTo(5);
        assertThat(caughtUp.top()).extracting(Standing::id).containsExactly(5L, 4L, 3L);

        slow.request(10);
        board.upsert(9, 9, score(99));
        time.advanceTimeBy(TICK);
        assertThat(slow.received.get(2)).isInstanceOf(BoardChange.Delta.class);
        assertThat(slow.received.get(2).sequence()).isEqualTo(6);
    }

    @Test
    void aFreezeIsPublishedOnceThenNothingUntilUnfreezePublishesAtOnce() {
        Board board = board(3);
        board.upsert(1, 1, score(10));
        List<BoardChange> events = subscribe(board);
        assertThat(events.get(0).frozenAt()).isEmpty();
        Instant frozenAt = board.freeze();
        assertThat(frozenAt).isEqualTo(NOW);

        board.upsert(2, 2, score(20));
        board.remove(1);
        time.advanceTimeBy(TICK.multipliedBy(3));
        assertThat(events).hasSize(2);
        var freeze = (BoardChange.Delta) events.get(1);
        assertThat(freeze.frozenAt()).as("the delta says the view is frozen").contains(NOW);
        assertThat(freeze.changed()).as("and changes nothing the public sees").isEmpty();
        assertThat(freeze.leftTop()).isEmpty();
        assertThat(board.publicView().top(3)).extracting(Standing::id).containsExactly(1L);
        assertThat(board.top(3)).extracting(Standing::id).containsExactly(2L);

        List<BoardChange> late = subscribe(board); // a new subscriber sees the frozen state too
        assertThat(((BoardChange.Snapshot) late.get(0)).top()).extracting(Standing::id).containsExactly(1L);
        assertThat(late.get(0).frozenAt()).contains(NOW);

        assertThat(board.unfreeze()).isTrue();
        assertThat(events).hasSize(3); // no tick needed
        var delta = (BoardChange.Delta) events.get(2);
        assertThat(delta.leftTop()).containsExactly(1L);
        assertThat(delta.changed()).extracting(Standing::id).containsExactly(2L);
        assertThat(delta.frozenAt()).isEmpty();
        assertThat(board.unfreeze()).isFalse();
    }

    /**
     * Frozen with content of its own (as another copy of the board was): the feed publishes that content with the
     * given instant, a second such freeze replaces the first, and unfreezing publishes the live board.
     */
    @Test
    void aBoardFrozenWithGivenContentPublishesThatContent() {
        Board board = board(3);
        board.upsert(1, 1, score(10));
        board.upsert(2, 2, score(20));
        List<BoardChange> events = subscribe(board);
        Instant elsewhere = NOW.minusSeconds(5);

        board.freeze(List.of(Entry.of(1, 1, score(30)), Entry.of(3, 3, score(5))), elsewhere);
        time.advanceTimeBy(TICK);
        var frozen = (BoardChange.Delta) events.get(1);
        assertThat(frozen.frozenAt()).contains(elsewhere);
        assertThat(frozen.total()).isEqualTo(2);
        assertThat(frozen.leftTop()).containsExactly(2L);
        assertThat(board.publicView().top(3)).extracting(Standing::id).containsExactly(1L, 3L);
        assertThat(board.top(3)).extracting(Standing::id).containsExactly(2L, 1L);

        board.freeze(List.of(Entry.of(2, 2, score(1))), NOW);
        time.advanceTimeBy(TICK);
        assertThat(events).hasSize(3);
        assertThat(events.get(2).frozenAt()).contains(NOW);
        assertThat(board.publicView().top(3)).extracting(Standing::id).containsExactly(2L);

        assertThat(board.unfreeze()).isTrue();
        assertThat(events.get(3).frozenAt()).isEmpty();
        assertThat(((BoardChange.Delta) events.get(3)).total()).isEqualTo(2);
        assertThat(board.publicView().top(3)).extracting(Standing::id).containsExactly(2L, 1L);
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** A client that applies snapshots and deltas always ends up with what the board shows. */
    @ParameterizedTest
    @MethodSource("seeds")
    void snapshotPlusDeltasReproduceThePublicState(long seed) {
        var random = new Random(seed);
        int feedTop = 1 + random.nextInt(6);
        Board board = board(feedTop);
        List<BoardChange> events = subscribe(board);
        var client = new Client();
        for (int step = 0; step < 150; step++) {
            int op = random.nextInt(10);
            long id = random.nextInt(15);
            boolean published = op == 9;
            if (op < 5) {
                board.upsert(id, random.nextInt(3), score(random.nextInt(6)));
            } else if (op < 7) {
                board.remove(id);
            } else if (op == 7) {
                board.freeze();
            } else if (op == 8) {
                published = board.unfreeze();
            } else {
                time.advanceTimeBy(TICK);
            }
            events.forEach(client::apply);
            events.clear();
            if (published) {
                BoardView view = board.publicView();
                assertThat(client.frozenAt).isEqualTo(view.frozenAt());
                assertThat(client.top()).isEqualTo(view.top(feedTop));
                assertThat(client.tiers).isEqualTo(view.tiers());
                assertThat(client.total).isEqualTo(view.count());
                for (TierStatus tier : view.tiers()) {
                    Set<Long> members = new HashSet<>();
                    view.tierMembers(tier.tier(), 0, BoardView.MAX_LIMIT).entries().forEach(s -> members.add(s.id()));
                    assertThat(client.members.getOrDefault(tier.tier(), Set.of())).isEqualTo(members);
                }
            }
        }
    }

    /** What a dashboard does with the feed. */
    private static final class Client {
        long sequence = -1;
        int total;
        java.util.Optional<Instant> frozenAt = java.util.Optional.empty();
        final Map<Long, Standing> top = new HashMap<>();
        List<TierStatus> tiers = List.of();
        final Map<String, Set<Long>> members = new HashMap<>();

        void apply(BoardChange change) {
            if (change instanceof BoardChange.Snapshot snapshot) {
                assertThat(snapshot.sequence()).isGreaterThan(sequence);
                top.clear();
                snapshot.top().forEach(s -> top.put(s.id(), s));
                tiers = snapshot.tiers();
                total = snapshot.total();
                // the board starts empty and this client never falls behind, so tier members follow the events
            } else {
                var delta = (BoardChange.Delta) change;
                assertThat(delta.sequence()).isEqualTo(sequence + 1);
                delta.leftTop().forEach(top::remove);
                delta.changed().forEach(s -> top.put(s.id(), s));
                var updated = new ArrayList<>(tiers);
                for (TierStatus status : delta.tierChanges()) {
                    for (int t = 0; t < updated.size(); t++) {
                        if (updated.get(t).tier().equals(status.tier())) {
                            updated.set(t, status);
                        }
                    }
                }
                tiers = List.copyOf(updated);
                total = delta.total();
                for (BoardChange.TierEvent event : delta.tierEvents()) {
                    Set<Long> set = members.computeIfAbsent(event.tier(), k -> new HashSet<>());
                    assertThat(event.entered() ? set.add(event.id()) : set.remove(event.id())).isTrue();
                }
            }
            sequence = change.sequence();
            frozenAt = change.frozenAt();
        }

        List<Standing> top() {
            return top.values().stream().sorted(Comparator.comparingInt(Standing::position)).toList();
        }
    }
}
