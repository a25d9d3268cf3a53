package io.jingsai.api.judge;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.jingsai.api.identifiers.Masks;

@Mapper
interface JudgeMapper {

    @Mapping(target = "contactMasked", constant = "false")
    JudgeView toRevealedView(JudgeRow row);

    /** Hides how to reach the judge, as for contestants: phone and e-mail address are masked. */
    default JudgeView toView(JudgeRow row) {
        JudgeView full = toRevealedView(row);
        return new JudgeView(full.id(), full.name(), full.enterpriseId(), full.qualification(),
                Masks.phone(row.phone()), Masks.email(row.email()), true, full.version(), full.createdAt(),
                full.updatedAt());
    }
}
