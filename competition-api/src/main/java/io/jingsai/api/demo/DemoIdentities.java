package io.jingsai.api.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;

/**
 * Valid, synthetic identifiers for demo data, drawn from one seeded random source and never repeated within a plan:
 * unified social credit codes (GB 32100, with the GB 11714 organisation check character inside) and resident ID
 * numbers (GB 11643). The check characters come from the application's own identifiers, so a code made here is one
 * the API accepts; everything else (the body characters, birth dates, sequence numbers) is drawn at random.
 */
final class DemoIdentities {

    /** GB 11714: the weights of the organisation code's eight body characters. */
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    /** The 31 characters of GB 32100 (no I, O, S, V, Z). */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1968, 1, 1);
    /** Contestants born 1968–2002: aged about 23 to 57 in the years a demo runs. */
    private static final int BIRTH_DAYS = 35 * 365;

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    DemoIdentities(SplittableRandom random) {
        this.random = random;
    }

    /**
     * A credit code of an enterprise (registration authority 9 market regulation, type 1 enterprise) registered in
     * {@code division}; its organisation code starts with "MA", as codes given since 2015 do.
     */
    String creditCode(String division) {
        String code;
        do {
            StringBuilder body = new StringBuilder("MA");
            for (int i = 2; i < 8; i++) {
                body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String first17 = "91" + division + body + organisationCheck(body);
            code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        } while (!used.add(code));
        return code;
    }

    /** A resident ID number of someone born in {@code division} between 1968 and 2002; odd sequence for men. */
    String residentId(String division, boolean male) {
        String number;
        do {
            LocalDate birth = FIRST_BIRTH_DAY.plusDays(random.nextInt(BIRTH_DAYS));
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String first17 = division + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), sequence);
            number = first17 + ResidentIdNumber.checkCharacter(first17);
        } while (!used.add(number));
        return number;
    }

    /** GB 11714: 11 minus the weighted sum modulo 11, written X for 10 and 0 for 11. */
    static char organisationCheck(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
