package io.jingsai.api.contestant;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.jingsai.api.identifiers.Masks;

@Mapper
interface ContestantMapper {

    @Mapping(target = "idNumberMasked", constant = "false")
    ContestantView toRevealedView(ContestantRow row);

    /** Hides what identifies the person beyond the name: the ID number (masked), its birth date, the phone. */
    default ContestantView toView(ContestantRow row) {
        ContestantView full = toRevealedView(row);
        return new ContestantView(full.id(), full.name(), Masks.idNumber(row.idNumber()), true, null,
                full.sex(), full.enterpriseId(), full.tradeId(), Masks.phone(row.phone()), full.version(),
                full.createdAt(), full.updatedAt());
    }
}
