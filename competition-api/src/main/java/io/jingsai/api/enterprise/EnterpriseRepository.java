package io.jingsai.api.enterprise;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface EnterpriseRepository extends ReactiveCrudRepository<EnterpriseRow, Long> {
}
