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
                    CutOffPolicy starsCutOff, StarSplitBy starsSplitBy, Json starsSplits, Json enterpriseIndex) {

    /** The JSONB columns a command writes: the key areas, the star rule's splits and the enterprise index rule. */
    record Documents(Json keyAreas, Json starsSplits, Json enterpriseIndex) {
    }

    static ProgrammeRow create(ProgrammeCommand command, Documents documents, Instant now) {
        TierQuotas q = command.quotas();
        StarRule stars = command.starRule();
        return new ProgrammeRow(null, command.name(), command.year(), command.organizer(), command.regionCode(),
                documents.keyAreas(), q.demonstration(), q.key(), q.stars(), q.enterprises(), command.fundFen(),
                ProgrammeStatus.PLANNING, command.freezeAt(), null, now, now, stars.combination(),
                stars.cutOffPolicy(), stars.splitBy(), documents.starsSplits(), documents.enterpriseIndex());
    }

    ProgrammeRow update(ProgrammeCommand command, Documents documents, Instant now) {
        TierQuotas q = command.quotas();
        StarRule stars = command.starRule();
        return new ProgrammeRow(id, command.name(), command.year(), command.organizer(), command.regionCode(),
                documents.keyAreas(), q.demonstration(), q.key(), q.stars(), q.enterprises(), command.fundFen(),
                command.status() == null ? status : command.status(), command.freezeAt(), version, createdAt, now,
                stars.combination(), stars.cutOffPolicy(), stars.splitBy(), documents.starsSplits(),
                documents.enterpriseIndex());
    }

    TierQuotas quotas() {
        return new TierQuotas(quotaDemonstration, quotaKey, quotaStars, quotaEnterprises);
    }
}
