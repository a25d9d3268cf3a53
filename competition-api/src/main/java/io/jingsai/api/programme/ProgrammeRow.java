package io.jingsai.api.programme;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.jingsai.scoring.award.CutOffPolicy;
import io.r2dbc.postgresql.codec.Json;

@Table("programme")
record ProgrammeRow(@Id Long id, String name, Integer year, String organizer, String regionCode, Json keyAreas,
                    Integer quotaDemonstration, Integer quotaKey, Integer quotaStars, Integer quotaEnterprises,
                    Long fundFen, ProgrammeStatus status, Instant freezeAt, @Version Long version,
                    Instant createdAt, Instant updatedAt, StarCombination starsCombination,
                    CutOffPolicy starsCutOff) {

    static ProgrammeRow create(ProgrammeCommand command, Json keyAreas, Instant now) {
        TierQuotas q = command.quotas();
        return new ProgrammeRow(null, command.name(), command.year(), command.organizer(), command.regionCode(),
                keyAreas, q.demonstration(), q.key(), q.stars(), q.enterprises(), command.fundFen(),
                ProgrammeStatus.PLANNING, command.freezeAt(), null, now, now, command.starRule().combination(),
                command.starRule().cutOffPolicy());
    }

    ProgrammeRow update(ProgrammeCommand command, Json newKeyAreas, Instant now) {
        TierQuotas q = command.quotas();
        return new ProgrammeRow(id, command.name(), command.year(), command.organizer(), command.regionCode(),
                newKeyAreas, q.demonstration(), q.key(), q.stars(), q.enterprises(), command.fundFen(),
                command.status() == null ? status : command.status(), command.freezeAt(), version, createdAt, now,
                command.starRule().combination(), command.starRule().cutOffPolicy());
    }

    StarRule starRule() {
        return new StarRule(starsCombination, starsCutOff);
    }

    TierQuotas quotas() {
        return new TierQuotas(quotaDemonstration, quotaKey, quotaStars, quotaEnterprises);
    }
}
