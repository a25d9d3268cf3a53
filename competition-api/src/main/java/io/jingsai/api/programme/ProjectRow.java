package io.jingsai.api.programme;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.r2dbc.postgresql.codec.Json;

@Table("project")
record ProjectRow(@Id Long id, Long programmeId, String name, Long hostEnterpriseId, String aspectCode,
                  String keyArea, String regionCode, TierStatus tierStatus, Json indicators, @Version Long version,
                  Instant createdAt, Instant updatedAt) {

    static ProjectRow create(long programmeId, ProjectCommand command, Json indicators, Instant now) {
        return new ProjectRow(null, programmeId, command.name(), command.hostEnterpriseId(), command.aspect(),
                command.keyArea(), command.regionCode(), command.tierStatus(), indicators, null, now, now);
    }

    ProjectRow update(ProjectCommand command, Json newIndicators, Instant now) {
        return new ProjectRow(id, programmeId, command.name(), command.hostEnterpriseId(), command.aspect(),
                command.keyArea(), command.regionCode(), command.tierStatus(), newIndicators, version, createdAt, now);
    }
}
