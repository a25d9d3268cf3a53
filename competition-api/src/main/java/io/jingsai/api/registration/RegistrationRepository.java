package io.jingsai.api.registration;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface RegistrationRepository extends ReactiveCrudRepository<RegistrationRow, Long> {

    Mono<RegistrationRow> findByIdAndEventId(long id, long eventId);
}
