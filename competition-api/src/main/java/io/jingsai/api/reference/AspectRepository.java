package io.jingsai.api.reference;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

interface AspectRepository extends ReactiveCrudRepository<AspectRow, String> {

    Flux<AspectRow> findAllByOrderByPosition();
}
