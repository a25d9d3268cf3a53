package io.jingsai.api.team;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface TeamRepository extends ReactiveCrudRepository<TeamRow, Long> {
}
