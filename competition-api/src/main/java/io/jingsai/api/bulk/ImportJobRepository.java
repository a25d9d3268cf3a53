package io.jingsai.api.bulk;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface ImportJobRepository extends ReactiveCrudRepository<ImportJobRow, UUID> {

    @Modifying
    @Query("""
            UPDATE import_job SET status = 'FAILED', finished_at = :now,
                   message = 'interrupted by a restart; nothing was written, upload the file again'
            WHERE status IN ('VALIDATING', 'WRITING')""")
    Mono<Integer> failInterrupted(Instant now);
}
