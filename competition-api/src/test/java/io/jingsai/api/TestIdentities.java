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
    /** 31^8: the organisation codes of 8 characters over the 31-character alphabet. */
    private static final long ORGANISATION_CODES = 852_891_037_441L;
    private static final AtomicLong CREDIT_CODE_SEQUENCE = new AtomicLong(System.currentTimeMillis() * 100);
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int FIRST_COUNTY = 611_100;
    private static final int COUNTIES = 8_900;
    private static final int SEQUENCE_NUMBERS = 1_000;
    private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1960, 1, 1);
    private static final int BIRTH_DAYS = 16_000;
    private static final AtomicLong RESIDENT_SEQUENCE = new AtomicLong(System.currentTimeMillis());

    private TestIdentities() {
    }

    /**
     * A credit code of an enterprise (authority 9, type 1) registered in Yanta district, Xi'an (610113). Tests run
     * against a server that keeps its data, which by now holds hundreds of thousands of enterprises, so random codes
     * collide now and then (a 10,000-row import met one). The organisation code is therefore a counter, written in
     * base 31 over its 8 characters and started from the clock in 10 µs steps: a run writes far fewer than 100,000
     * codes a second, so a later run starts past every code an earlier one used; the counter wraps after 98 days.
     * Earlier generators drew random codes in division 610100 only, so none of those rows can match.
     */
    public static String creditCode() {
        long next = Math.floorMod(CREDIT_CODE_SEQUENCE.getAndIncrement(), ORGANISATION_CODES);
        char[] body = new char[8];
        for (int i = 7; i >= 0; i--) {
            body[i] = ALPHABET.charAt((int) (next % ALPHABET.length()));
            next /= ALPHABET.length();
        }
        String organisation = new String(body);
        String first17 = "91" + "610113" + organisation + organisationCheck(organisation);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** The same code with a wrong final check character. */
    public static String withWrongCheckCharacter(String code) {
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    /**
     * A resident ID number of someone born on {@code birth}, male when {@code male}: a random county code from
     * 611100–619999 and a random sequence number of that sex (odd for men), about 4.5 million numbers per birth
     * date and sex. Earlier generators used counties 610102–610113 only, so none of their rows can match.
     */
    public static String residentId(LocalDate birth, boolean male) {
        int sequence = RANDOM.nextInt(SEQUENCE_NUMBERS / 2) * 2 + (male ? 1 : 0);
        return residentId(birth, RANDOM.nextInt(COUNTIES), sequence);
    }

    /**
     * A resident ID number that no earlier run used: birth date, county and sequence all come from one counter,
     * started from the clock in milliseconds (a run registers far fewer than 1,000 people a second), which wraps
     * after about four and a half years.
     */
    public static String residentId() {
        long next = Math.floorMod(RESIDENT_SEQUENCE.getAndIncrement(), (long) BIRTH_DAYS * COUNTIES * SEQUENCE_NUMBERS);
        int sequence = (int) (next % SEQUENCE_NUMBERS);
        int county = (int) (next / SEQUENCE_NUMBERS % COUNTIES);
        int day = (int) (next / SEQUENCE_NUMBERS / COUNTIES);
        return residentId(FIRST_BIRTH_DAY.plusDays(day), county, sequence);
    }

    /** {@code sequence} is the 3-digit sequence number, whose parity is the sex (odd for men). */
    private static String residentId(LocalDate birth, int county, int sequence) {
        String first17 = (FIRST_COUNTY + county) + String.format("%04d%02d%02d%03d", birth.getYear(),
                birth.getMonthValue(), birth.getDayOfMonth(), sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
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
