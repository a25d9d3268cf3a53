package io.jingsai.api.privacy;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Re-seals, under the active key, every value sealed under another one, so an old key can be retired. Runs column by
 * column in batches of {@value #BATCH} rows, in id order: one query reads a batch, the batch is re-sealed off the
 * event loop, and one statement writes it back. A value changed meanwhile is left as its writer sealed it (the
 * update matches the old text), and the row's version and times stay as they were: the data did not change.
 * Stopping half-way is harmless; running it again continues.
 */
@Component
class KeyRotation {

    static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final DatabaseClient database;

    KeyRotation(DatabaseClient database) {
        this.database = database;
    }

    /** Re-seals everything under {@code cipher}'s active key; answers how many values were re-sealed, by column. */
    Mono<RotationView> rotate(PersonalDataCipher cipher) {
        return Flux.fromIterable(SealedColumn.ALL)
                .concatMap(column -> rotate(cipher, column, 0, 0)
                        .map(count -> new RotationView.Column(column.toString(), count)))
                .collectList()
                .map(columns -> new RotationView(cipher.activeKeyId(),
                        columns.stream().mapToLong(RotationView.Column::resealed).sum(), columns))
                .doOnNext(done -> log.info("Key rotation: {} values re-sealed under data key {}", done.resealed(),
                        done.keyId()));
    }

    private Mono<Long> rotate(PersonalDataCipher cipher, SealedColumn column, long after, long done) {
        return database.sql("SELECT id, " + column.column() + " AS v FROM " + column.table() + " WHERE id > :after"
                        + " AND " + column.column() + " IS NOT NULL AND " + column.column() + " NOT LIKE :active"
                        + " ORDER BY id LIMIT " + BATCH)
                .bind("after", after)
                .bind("active", PersonalDataCipher.prefix(cipher.activeKeyId()) + "%")
                .map(row -> new Sealed(row.get("id", Long.class), row.get("v", String.class)))
                .all().collectList()
                .flatMap(batch -> batch.isEmpty() ? Mono.just(done)
                        : reseal(cipher, batch)
                        .flatMap(resealed -> write(column, batch, resealed))
                        .flatMap(written -> batch.size() < BATCH ? Mono.just(done + written)
                                : rotate(cipher, column, batch.get(batch.size() - 1).id(), done + written)));
    }

    /** AES work for a whole batch: microseconds a value, but thousands of them, so not on the event loop. */
    private static Mono<List<String>> reseal(PersonalDataCipher cipher, List<Sealed> batch) {
        return Mono.fromCallable(() -> {
            List<String> resealed = new ArrayList<>(batch.size());
            for (Sealed value : batch) {
                resealed.add(cipher.seal(cipher.open(value.text())));
            }
            return resealed;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Long> write(SealedColumn column, List<Sealed> batch, List<String> resealed) {
        return database.sql("UPDATE " + column.table() + " t SET " + column.column() + " = n.v"
                        + " FROM unnest(:ids, :olds, :news) AS n(id, old, v)"
                        + " WHERE t.id = n.id AND t." + column.column() + " = n.old")
                .bind("ids", batch.stream().map(Sealed::id).toArray(Long[]::new))
                .bind("olds", batch.stream().map(Sealed::text).toArray(String[]::new))
                .bind("news", resealed.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    private record Sealed(long id, String text) {
    }
}
