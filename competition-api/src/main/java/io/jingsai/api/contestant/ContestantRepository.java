package io.jingsai.api.contestant;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface ContestantRepository extends ReactiveCrudRepository<ContestantRow, Long> {
}
