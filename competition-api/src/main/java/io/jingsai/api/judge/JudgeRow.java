package io.jingsai.api.judge;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.jingsai.api.privacy.PersonalDataCipher;

/** A judge as stored: {@code phone} and {@code email} sealed ({@link PersonalDataCipher}); {@link JudgeViews} opens them. */
@Table("judge")
record JudgeRow(@Id Long id, String name, Long enterpriseId, Qualification qualification, String phone, String email,
                @Version Long version, Instant createdAt, Instant updatedAt) {

    static JudgeRow create(JudgeCommand command, PersonalDataCipher cipher, Instant now) {
        return new JudgeRow(null, command.name(), command.enterpriseId(), command.qualification(),
                cipher.seal(command.phone()), cipher.seal(command.email()), null, now, now);
    }

    JudgeRow update(JudgeCommand command, PersonalDataCipher cipher, Instant now) {
        return new JudgeRow(id, command.name(), command.enterpriseId(), command.qualification(),
                cipher.seal(command.phone()), cipher.seal(command.email()), version, createdAt, now);
    }
}
