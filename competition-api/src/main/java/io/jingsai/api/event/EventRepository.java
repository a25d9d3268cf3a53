package io.jingsai.api.event;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface EventRepository extends ReactiveCrudRepository<EventRow, Long> {
}
