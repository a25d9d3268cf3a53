package io.jingsai.api.judge;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface JudgeRepository extends ReactiveCrudRepository<JudgeRow, Long> {
}
