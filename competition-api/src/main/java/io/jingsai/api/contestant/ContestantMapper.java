package io.jingsai.api.contestant;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import io.jingsai.api.identifiers.ResidentIdNumber;

@Mapper
interface ContestantMapper {

    @Mapping(target = "idNumberMasked", constant = "false")
    ContestantView toRevealedView(ContestantRow row);

    /** Hides what identifies the person beyond the name: the ID number (masked), its birth date, the phone. */
    default ContestantView toView(ContestantRow row) {
        ContestantView full = toRevealedView(row);
        return new ContestantView(full.id(), full.name(), ResidentIdNumber.mask(row.idNumber()), true, null,
                full.sex(), full.enterpriseId(), full.tradeId(), maskPhone(row.phone()), full.version(),
                full.createdAt(), full.updatedAt());
    }

    private static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
