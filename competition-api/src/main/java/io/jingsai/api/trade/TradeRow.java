package io.jingsai.api.trade;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("trade")
record TradeRow(@Id Long id, String code, String nameZh, String nameEn, boolean builtIn, @Version Long version,
                Instant createdAt, Instant updatedAt) {

    static TradeRow create(TradeCommand command, Instant now) {
        return new TradeRow(null, command.code(), command.nameZh(), command.nameEn(), false, null, now, now);
    }

    TradeRow update(TradeCommand command, Instant now) {
        return new TradeRow(id, command.code(), command.nameZh(), command.nameEn(), builtIn, version, createdAt, now);
    }
}
