package io.jingsai.api.programme;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface ProgrammeRepository extends ReactiveCrudRepository<ProgrammeRow, Long> {
}
