package io.jingsai.api.shared;

import java.util.function.ToLongFunction;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

/**
 * The optimistic-concurrency life of one kind of row, in one place for every feature: load or 404, check the
 * version the client read ({@code If-Match}), save with the version check in SQL (a concurrent writer → 412), and
 * delete unless other rows still refer to it (→ 409 with the feature's reason).
 *
 * @param <R> the row type, with a {@code @Version} property
 */
public final class VersionedRows<R> {

    private final String resource;
    private final ReactiveCrudRepository<R, Long> repository;
    private final ToLongFunction<R> version;

    public VersionedRows(String resource, ReactiveCrudRepository<R, Long> repository, ToLongFunction<R> version) {
        this.resource = resource;
        this.repository = repository;
        this.version = version;
    }

    /** The row, or {@link NotFoundException}. */
    public Mono<R> load(long id) {
        return repository.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(resource, id)));
    }

    /** The row if it is still at {@code expectedVersion}; otherwise {@link StaleVersionException}. */
    public Mono<R> loadAt(long id, long expectedVersion) {
        return load(id).doOnNext(row -> Versions.require(resource, id, expectedVersion, version.applyAsLong(row)));
    }

    /** Saves a changed row; if another writer saved first, {@link StaleVersionException}. */
    public Mono<R> save(long id, R changed) {
        return repository.save(changed).onErrorMap(OptimisticLockingFailureException.class,
                e -> StaleVersionException.changedMeanwhile(resource, id));
    }

    /**
     * Deletes the row at {@code expectedVersion}; if other rows refer to it, {@link ConflictException} with the
     * feature's message key {@code stillReferenced} (its value: the id).
     */
    public Mono<Void> delete(long id, long expectedVersion, String stillReferenced) {
        return loadAt(id, expectedVersion)
                .flatMap(repository::delete)
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> new ConflictException(stillReferenced, id));
    }
}
