package io.jingsai.api.contestant;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.Sex;

@Table("contestant")
record ContestantRow(@Id Long id, String name, String idNumber, LocalDate birthDate, Sex sex, long enterpriseId,
                     long tradeId, String phone, @Version Long version, Instant createdAt, Instant updatedAt) {

    static ContestantRow create(ContestantCommand command, ResidentIdNumber idNumber, Instant now) {
        return new ContestantRow(null, command.name(), idNumber.value(), idNumber.birthDate(), idNumber.sex(),
                command.enterpriseId(), command.tradeId(), command.phone(), null, now, now);
    }

    ContestantRow update(ContestantCommand command, ResidentIdNumber idNumber, Instant now) {
        return new ContestantRow(id, command.name(), idNumber.value(), idNumber.birthDate(), idNumber.sex(),
                command.enterpriseId(), command.tradeId(), command.phone(), version, createdAt, now);
    }
}
