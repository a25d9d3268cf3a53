package io.jingsai.api.programme;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface ProgrammeRepository extends ReactiveCrudRepository<ProgrammeRow, Long> {

    /** Reads a programme and locks it against changes until the transaction ends (SELECT … FOR UPDATE). */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Mono<ProgrammeRow> findForUpdateById(long id);

    /** Reads a programme and keeps others from changing it until the transaction ends (SELECT … FOR SHARE). */
    @Lock(LockMode.PESSIMISTIC_READ)
    Mono<ProgrammeRow> findForShareById(long id);
}
