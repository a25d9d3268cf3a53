package io.jingsai.api.judge;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("judge")
record JudgeRow(@Id Long id, String name, Long enterpriseId, Qualification qualification, String phone, String email,
                @Version Long version, Instant createdAt, Instant updatedAt) {

    static JudgeRow create(JudgeCommand command, Instant now) {
        return new JudgeRow(null, command.name(), command.enterpriseId(), command.qualification(), command.phone(),
                command.email(), null, now, now);
    }

    JudgeRow update(JudgeCommand command, Instant now) {
        return new JudgeRow(id, command.name(), command.enterpriseId(), command.qualification(), command.phone(),
                command.email(), version, createdAt, now);
    }
}
