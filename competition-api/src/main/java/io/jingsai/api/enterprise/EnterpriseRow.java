package io.jingsai.api.enterprise;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("enterprise")
record EnterpriseRow(@Id Long id, String name, String creditCode, String regionCode, String industry,
                     Ownership ownership, @Version Long version, Instant createdAt, Instant updatedAt) {

    static EnterpriseRow create(EnterpriseCommand command, Instant now) {
        return new EnterpriseRow(null, command.name(), command.creditCode(), command.regionCode(), command.industry(),
                command.ownership(), null, now, now);
    }

    EnterpriseRow update(EnterpriseCommand command, Instant now) {
        return new EnterpriseRow(id, command.name(), command.creditCode(), command.regionCode(), command.industry(),
                command.ownership(), version, createdAt, now);
    }
}
