package io.jingsai.api.judge;

import org.springframework.stereotype.Component;

import io.jingsai.api.identifiers.Masks;
import io.jingsai.api.privacy.PersonalDataCipher;

/** A stored judge as the API shows them: contact masked, or in full after an audited reveal. */
@Component
class JudgeViews {

    private final PersonalDataCipher cipher;

    JudgeViews(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Hides how to reach the judge, as for contestants: phone and e-mail address are masked. */
    JudgeView masked(JudgeRow row) {
        return new JudgeView(row.id(), row.name(), row.enterpriseId(), row.qualification(),
                Masks.phone(cipher.open(row.phone())), Masks.email(cipher.open(row.email())), true, row.version(),
                row.createdAt(), row.updatedAt());
    }

    JudgeView revealed(JudgeRow row) {
        return new JudgeView(row.id(), row.name(), row.enterpriseId(), row.qualification(), cipher.open(row.phone()),
                cipher.open(row.email()), false, row.version(), row.createdAt(), row.updatedAt());
    }
}
