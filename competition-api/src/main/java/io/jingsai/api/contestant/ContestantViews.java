package io.jingsai.api.contestant;

import org.springframework.stereotype.Component;

import io.jingsai.api.identifiers.Masks;
import io.jingsai.api.privacy.PersonalDataCipher;

/** A stored contestant as the API shows it: masked, or in full after an audited reveal. */
@Component
class ContestantViews {

    private final PersonalDataCipher cipher;

    ContestantViews(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Hides what identifies the person beyond the name: the ID number (masked), its birth date, the phone. */
    ContestantView masked(ContestantRow row) {
        return new ContestantView(row.id(), row.name(), Masks.idNumber(cipher.open(row.idNumber())), true, null,
                row.sex(), row.enterpriseId(), row.tradeId(), Masks.phone(cipher.open(row.phone())), row.version(),
                row.createdAt(), row.updatedAt());
    }

    ContestantView revealed(ContestantRow row) {
        return new ContestantView(row.id(), row.name(), cipher.open(row.idNumber()), false, row.birthDate(),
                row.sex(), row.enterpriseId(), row.tradeId(), cipher.open(row.phone()), row.version(),
                row.createdAt(), row.updatedAt());
    }
}
