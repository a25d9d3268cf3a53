package io.jingsai.api;

import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.jingsai.api.identifiers.ResidentIdNumber;
import io.jingsai.api.identifiers.UnifiedSocialCreditCode;

/**
 * Valid, unique identifiers for tests. Unique per run and across runs (a configured server keeps data), so tests
 * never collide with rows written earlier.
 */
public final class TestIdentities {

    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Random RANDOM = new java.security.SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] REGIONS = {"610102", "610103", "610104", "610111", "610112", "610113"};

    private TestIdentities() {
    }

    /**
     * A credit code of an enterprise (authority 9, type 1) registered in Xi'an (610100). The organisation code is
     * random over the full 31-character alphabet (about 8.5 × 10^11 codes), so codes from many runs against one
     * server do not collide.
     */
    public static String creditCode() {
        StringBuilder body = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String first17 = "91" + "610100" + body + organisationCheck(body.toString());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** The same code with a wrong final check character. */
    public static String withWrongCheckCharacter(String code) {
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    /** A resident ID number of someone born on {@code birth}, male when {@code male}. */
    public static String residentId(LocalDate birth, boolean male) {
        int sequence = RANDOM.nextInt(500) * 2 + (male ? 1 : 0);
        String first17 = REGIONS[RANDOM.nextInt(REGIONS.length)] + String.format("%04d%02d%02d", birth.getYear(),
                birth.getMonthValue(), birth.getDayOfMonth()) + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A resident ID number unlikely to repeat across runs: region, birth date and sequence all vary (~10^8). */
    public static String residentId() {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(RANDOM.nextInt(16_000));
        return residentId(birth, RANDOM.nextBoolean());
    }

    /** A name unique across runs, for resources whose names must be unique. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(SEQUENCE.incrementAndGet(), 36) + Integer.toString(RANDOM.nextInt(1 << 20), 36);
    }

    private static char organisationCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
