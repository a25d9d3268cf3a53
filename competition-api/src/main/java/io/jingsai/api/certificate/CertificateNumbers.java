package io.jingsai.api.certificate;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.jingsai.api.privacy.PersonalDataCipher;
import io.jingsai.api.programme.ProgrammeTier;
import io.jingsai.api.shared.Crockford;

/**
 * The numbers of both kinds of certificate, and how a typed number is read. A number is a stem that makes it unique
 * (the programme's year and the ids of what it certifies) and eight characters of Crockford's base 32 from a keyed
 * HMAC-SHA256 of the stem (the lookup key of personal data), under a label of its kind, that make it impossible to
 * guess: knowing one number tells nothing of another.
 * <ul>
 *   <li>an award winner of an event: {@code 2025-0012-0007-7K3M9QXD}, the year, the event id and the registration
 *       number (each at least four digits);</li>
 *   <li>a tier member of a programme: {@code 2025-P0003-S0017-Q8ZC4M1T}, the year, {@code P} and the programme id,
 *       the tier's letter (D demonstration, K key, S stars, E enterprises) and the member's id (project, contestant or
 *       enterprise). The letters keep the two kinds apart (an event number's second part is all digits), and each
 *       kind's label keeps their check characters apart.</li>
 * </ul>
 */
@Component
class CertificateNumbers {

    static final int CHECK_LENGTH = 8;
    private static final String EVENT_LABEL = "jingsai certificate v1:";
    private static final String TIER_LABEL = "jingsai tier certificate v1:";

    private final PersonalDataCipher cipher;

    CertificateNumbers(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** The number of the certificate of the entry with this number in the event, in this programme year. */
    String ofEntry(int year, long eventId, int registrationNumber) {
        return checked(EVENT_LABEL, String.format(Locale.ROOT, "%d-%04d-%04d", year, eventId, registrationNumber));
    }

    /** The number of the certificate of a member of a programme's tier, in the programme's year. */
    String ofTierMember(int year, long programmeId, ProgrammeTier tier, long subjectId) {
        return checked(TIER_LABEL, String.format(Locale.ROOT, "%d-P%04d-%c%04d", year, programmeId, letter(tier),
                subjectId));
    }

    /**
     * A number as typed on paper, in the form numbers are stored in: white space dropped, small letters as capitals,
     * O as 0, I and L as 1 (none of the letters a number holds is one of those).
     */
    static String read(String typed) {
        return Crockford.read(typed);
    }

    private String checked(String label, String stem) {
        return stem + "-" + Crockford.ofHex(cipher.lookupHash(label + stem), CHECK_LENGTH);
    }

    private static char letter(ProgrammeTier tier) {
        return switch (tier) {
            case DEMONSTRATION -> 'D';
            case KEY -> 'K';
            case STARS -> 'S';
            case ENTERPRISES -> 'E';
        };
    }
}
