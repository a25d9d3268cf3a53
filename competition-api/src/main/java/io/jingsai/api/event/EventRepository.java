package io.jingsai.api.event;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface EventRepository extends ReactiveCrudRepository<EventRow, Long> {

    /** The event, locked until the transaction ends: one writer of a step nobody names a version for. */
    @Query("SELECT * FROM event WHERE id = :id FOR UPDATE")
    Mono<EventRow> lockById(long id);
}
