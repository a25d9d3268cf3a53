package io.jingsai.api.programme;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface ProjectRepository extends ReactiveCrudRepository<ProjectRow, Long> {

    Mono<ProjectRow> findByIdAndProgrammeId(long id, long programmeId);
}
