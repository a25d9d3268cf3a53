package io.jingsai.api.team;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("team")
record TeamRow(@Id Long id, String name, long enterpriseId, Long tradeId, ScoreRule scoreRule, @Version Long version,
               Instant createdAt, Instant updatedAt) {

    static TeamRow create(TeamCommand command, Instant now) {
        return new TeamRow(null, command.name(), command.enterpriseId(), command.tradeId(), command.scoreRule(), null,
                now, now);
    }

    TeamRow update(TeamCommand command, Instant now) {
        return new TeamRow(id, command.name(), command.enterpriseId(), command.tradeId(), command.scoreRule(), version,
                createdAt, now);
    }
}
