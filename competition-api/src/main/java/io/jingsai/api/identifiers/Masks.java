package io.jingsai.api.identifiers;

/**
 * The one masking rule for personal data that views and exported files show, for contestants and judges alike,
 * unless an organizer explicitly asks for the full value. What is kept lets people and staff tell values apart
 * without identifying anyone; everything between is replaced by {@code *}:
 * <ul>
 *   <li>a resident ID number keeps its region (first 6) and its last 4 characters: {@code 110105********002X};</li>
 *   <li>a phone number keeps its first 3 and last 4 characters: {@code 138****8000}, {@code 029*****6666};</li>
 *   <li>an e-mail address keeps the first character of its local part and its domain: {@code l***@example.cn}.</li>
 * </ul>
 * A value too short for the rule to hide anything is masked whole; {@code null} stays {@code null}.
 */
public final class Masks {

    private static final int ID_NUMBER_LENGTH = 18;
    private static final int PHONE_KEPT_START = 3;
    private static final int PHONE_KEPT_END = 4;

    private Masks() {
    }

    /** A resident ID number with its birth date and sequence hidden; anything not 18 characters long is all stars. */
    public static String idNumber(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() != ID_NUMBER_LENGTH) {
            return "*".repeat(ID_NUMBER_LENGTH);
        }
        return number.substring(0, 6) + "*".repeat(8) + number.substring(14);
    }

    /** A phone number with all but its first 3 and last 4 characters hidden. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        int hidden = phone.length() - PHONE_KEPT_START - PHONE_KEPT_END;
        if (hidden < 1) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, PHONE_KEPT_START) + "*".repeat(hidden)
                + phone.substring(phone.length() - PHONE_KEPT_END);
    }

    /** An e-mail address with its local part hidden but for the first character (the length is not shown). */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at < 1) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
