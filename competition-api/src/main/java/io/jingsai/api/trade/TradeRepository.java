package io.jingsai.api.trade;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

interface TradeRepository extends ReactiveCrudRepository<TradeRow, Long> {
}
