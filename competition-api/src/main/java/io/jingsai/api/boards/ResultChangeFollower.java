package io.jingsai.api.boards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.jingsai.api.result.ResultChangesFollowed;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Follows the committed result changes of every instance: LISTENs on the channel {@code result_change} over a
 * connection of its own (a pooled one would be handed to other work and lose the LISTEN), and on every
 * notification, at start, after each reconnection and every {@code poll}, reads the outbox rows it has not applied
 * yet in id order ({@link OutboxCursor}, which also picks up rows that commit after a later id) and applies them to
 * the boards. A notification only says "look": whatever was missed while the connection was down is read from the
 * outbox when it is back. A lost connection is reconnected with exponential back-off. Once the boards have taken a
 * batch, the features that follow result changes too ({@link ResultChangesFollowed}: the programme's tier history)
 * are given it, before the cursor moves on.
 *
 * <p>The same connection LISTENs on {@code board_freeze} for changes of boards' freezes (封榜): after a notification
 * there, at start, after each reconnection and every {@code poll}, the boards held take their stored freeze states,
 * and the freezes still to be taken are timed ({@link ScheduledFreezes}). Results read for a board bring its freeze
 * along by themselves ({@link EventBoards}).
 *
 * <p>The followers also hear the end of every catch-up ({@link ResultChangesFollowed#caughtUp()}). The connection
 * LISTENs on {@value EventStepNotice#CHANNEL} too, so that a step of an event's life wakes it up at once to tell them.
 */
@Component
class ResultChangeFollower implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ResultChangeFollower.class);
    /** Rows read at once; a full batch is followed at once by the next. */
    static final int BATCH = 500;
    /** At start, rows this far back are read again, so that gaps among them are known. */
    private static final int START_WINDOW = 1_000;

    private static final String START = "SELECT GREATEST(COALESCE(MAX(id), 0) - " + START_WINDOW
            + ", 0) AS after FROM result_change";
    /** The snapshot's horizon and, in the same snapshot, the rows after the cursor and the gaps that appeared. */
    private static final String READ = """
            SELECT s.oldest_running::text AS oldest_running, s.next_xid::text AS next_xid,
                   c.id, c.event_id, c.registration_id
            FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS oldest_running,
                         pg_snapshot_xmax(pg_current_snapshot()) AS next_xid) s
            LEFT JOIN LATERAL (SELECT id, event_id, registration_id FROM result_change
                               WHERE id > $1 OR id = ANY($2) ORDER BY id LIMIT $3) c ON true
            ORDER BY c.id""";

    private final ConnectionFactory connections;
    private final EventBoards boards;
    private final BoardSettings settings;
    private final ScheduledFreezes scheduledFreezes;
    private final ObjectProvider<ResultChangesFollowed> followers;
    private final AtomicReference<OutboxCursor> cursor = new AtomicReference<>();
    /** Set when the freezes may have changed; the next catch-up follows them and clears it. */
    private final AtomicBoolean freezesChanged = new AtomicBoolean(true);
    private volatile Integer backendPid;
    private volatile Disposable following;

    ResultChangeFollower(ConnectionFactory connections, EventBoards boards, ScheduledFreezes scheduledFreezes,
                         BoardSettings settings, ObjectProvider<ResultChangesFollowed> followers) {
        this.connections = unpooled(connections);
        this.followers = followers;
        this.boards = boards;
        this.scheduledFreezes = scheduledFreezes;
        this.settings = settings;
    }

    /** The pool's own factory: a connection of its own, which the pool neither hands out nor validates. */
    private static ConnectionFactory unpooled(ConnectionFactory connections) {
        return connections instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory unwrapped
                ? unwrapped : connections;
    }

    @Override
    public void start() {
        following = Flux.defer(this::session)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, settings.reconnectFirst())
                        .maxBackoff(settings.reconnectMax())
                        .transientErrors(true)
                        .doBeforeRetry(retry -> LOG.warn("Following result changes failed ({}); reconnecting",
                                retry.failure().toString())))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = following;
        if (running != null) {
            running.dispose();
        }
        following = null;
    }

    @Override
    public boolean isRunning() {
        return following != null;
    }

    /** The server process of the listening connection (tests end it to see the follower reconnect). */
    Integer backendPid() {
        return backendPid;
    }

    /** One connection's life: LISTEN, catch up, then catch up on every notification and poll until it fails. */
    private Flux<Integer> session() {
        return Flux.usingWhen(Mono.from(connections.create()),
                connection -> listen((PostgresqlConnection) connection),
                Connection::close,
                (connection, failure) -> Mono.from(connection.close()).onErrorResume(closing -> Mono.empty()),
                Connection::close);
    }

    private Flux<Integer> listen(PostgresqlConnection connection) {
        Flux<Object> wakeUps = Flux.merge(
                connection.getNotifications()
                        .doOnNext(notification -> {
                            if (BoardFreezeStore.CHANNEL.equals(notification.getName())) {
                                freezesChanged.set(true);
                            }
                        })
                        .cast(Object.class)
                        .concatWith(Mono.error(() -> new IllegalStateException("notifications ended"))),
                Flux.interval(settings.poll(), settings.poll()).onBackpressureDrop()
                        .doOnNext(poll -> freezesChanged.set(true)).cast(Object.class));
        return rowsUpdated(connection, "LISTEN result_change")
                .then(rowsUpdated(connection, "LISTEN " + BoardFreezeStore.CHANNEL))
                .then(rowsUpdated(connection, "LISTEN " + EventStepNotice.CHANNEL))
                .doOnNext(listening -> freezesChanged.set(true)) // whatever changed while not listening
                .then(pidOf(connection))
                .then(startingCursor(connection))
                .thenMany(Flux.concat(Mono.just((Object) "start"), wakeUps))
                .onBackpressureLatest()
                .concatMap(wakeUp -> catchUp(connection), 1);
    }

    private static Mono<Long> rowsUpdated(PostgresqlConnection connection, String sql) {
        return connection.createStatement(sql).execute().flatMap(PostgresqlResult::getRowsUpdated).then(Mono.just(0L));
    }

    private Mono<Void> pidOf(PostgresqlConnection connection) {
        return connection.createStatement("SELECT pg_backend_pid() AS pid").execute()
                .flatMap(result -> result.map((row, meta) -> row.get("pid", Integer.class)))
                .doOnNext(pid -> backendPid = pid)
                .then();
    }

    private Mono<Void> startingCursor(PostgresqlConnection connection) {
        if (cursor.get() != null) {
            return Mono.empty(); // a reconnection goes on from where the last connection stopped
        }
        return connection.createStatement(START).execute()
                .flatMap(result -> result.map((row, meta) -> row.get("after", Long.class)))
                .next()
                .doOnNext(after -> cursor.compareAndSet(null, OutboxCursor.after(after)))
                .then();
    }

    /** Reads and applies batches until one is not full, then follows the freezes if they may have changed. */
    private Mono<Integer> catchUp(PostgresqlConnection connection) {
        return batch(connection)
                .expand(applied -> applied == BATCH ? batch(connection) : Mono.empty())
                .reduce(0, Integer::sum)
                .flatMap(applied -> followFreezes()
                        .then(Flux.fromStream(followers.orderedStream()).concatMap(ResultChangesFollowed::caughtUp).then())
                        .thenReturn(applied));
    }

    private Mono<Void> followFreezes() {
        if (!freezesChanged.getAndSet(false)) {
            return Mono.empty();
        }
        return boards.followFreezes(null)
                .then(scheduledFreezes.refresh())
                .doOnError(failure -> freezesChanged.set(true)); // tried again after reconnecting
    }

    private Mono<Integer> batch(PostgresqlConnection connection) {
        OutboxCursor from = cursor.get();
        return connection.createStatement(READ)
                .bind("$1", from.after()).bind("$2", from.gapIds()).bind("$3", BATCH)
                .execute()
                .flatMap(result -> result.map((row, meta) -> new Read(
                        Long.parseLong(row.get("oldest_running", String.class)),
                        Long.parseLong(row.get("next_xid", String.class)),
                        row.get("id", Long.class) == null ? null : new OutboxCursor.Change(row.get("id", Long.class),
                                row.get("event_id", Long.class), row.get("registration_id", Long.class)))))
                .collectList()
                .flatMap(read -> apply(from, read));
    }

    /** One row of a read: the snapshot's horizon, and a change unless the read found none. */
    private record Read(long oldestRunning, long nextXid, OutboxCursor.Change change) {
    }

    private Mono<Integer> apply(OutboxCursor from, List<Read> read) {
        List<OutboxCursor.Change> batch = new ArrayList<>(read.size());
        read.stream().map(Read::change).filter(Objects::nonNull).forEach(batch::add);
        Read snapshot = read.get(0);
        OutboxCursor.Step step = from.advance(batch, snapshot.oldestRunning(), snapshot.nextXid(),
                batch.size() < BATCH);
        Map<Long, Set<Long>> byEvent = new LinkedHashMap<>();
        for (OutboxCursor.Change change : step.changes()) {
            byEvent.computeIfAbsent(change.eventId(), id -> new LinkedHashSet<>()).add(change.registrationId());
        }
        // The cursor moves only once the changes are applied: a failure reads them again after reconnecting.
        return boards.changed(byEvent)
                .then(tellFollowers(step.changes()))
                .then(Mono.fromRunnable(() -> cursor.set(step.next())))
                .thenReturn(batch.size());
    }

    /** The features that follow result changes after the boards ({@link ResultChangesFollowed}), one after another. */
    private Mono<Void> tellFollowers(List<OutboxCursor.Change> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        List<ResultChangesFollowed.Change> committed = changes.stream()
                .map(change -> new ResultChangesFollowed.Change(change.id(), change.eventId(), change.registrationId()))
                .toList();
        return Flux.fromStream(followers.orderedStream())
                .concatMap(follower -> follower.followed(committed))
                .then();
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024; // stops after the web server, which stops its streams first
    }
}
