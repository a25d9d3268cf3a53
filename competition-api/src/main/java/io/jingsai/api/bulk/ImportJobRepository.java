package io.jingsai.api.bulk;

import java.util.UUID;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface ImportJobRepository extends ReactiveCrudRepository<ImportJobRow, UUID> {
}
