package io.jingsai.api.contestant;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.Sex;
import io.jingsai.api.privacy.PersonalDataCipher;

/**
 * A contestant as stored: {@code idNumber} and {@code phone} sealed ({@link PersonalDataCipher}), and the ID number's
 * keyed hash, on which registering a person twice is refused. {@link ContestantViews} opens them.
 */
@Table("contestant")
record ContestantRow(@Id Long id, String name, String idNumber, String idNumberHash, LocalDate birthDate, Sex sex,
                     long enterpriseId, long tradeId, String phone, @Version Long version, Instant createdAt,
                     Instant updatedAt) {

    static ContestantRow create(ContestantCommand command, ResidentIdNumber idNumber, PersonalDataCipher cipher,
                                Instant now) {
        return new ContestantRow(null, command.name(), cipher.seal(idNumber.value()),
                cipher.lookupHash(idNumber.value()), idNumber.birthDate(), idNumber.sex(), command.enterpriseId(),
                command.tradeId(), cipher.seal(command.phone()), null, now, now);
    }

    ContestantRow update(ContestantCommand command, ResidentIdNumber idNumber, PersonalDataCipher cipher,
                         Instant now) {
        return new ContestantRow(id, command.name(), cipher.seal(idNumber.value()),
                cipher.lookupHash(idNumber.value()), idNumber.birthDate(), idNumber.sex(), command.enterpriseId(),
                command.tradeId(), cipher.seal(command.phone()), version, createdAt, now);
    }
}
