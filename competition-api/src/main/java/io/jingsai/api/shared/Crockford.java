package io.jingsai.api.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Crockford's base 32, for codes people read off paper and type: digits and capitals without I, L, O and U, each
 * character five bits. Typed codes are read leniently: spaces and hyphens are dropped, small letters taken as capitals,
 * and the letters mistaken for digits read as those digits (O as 0, I and L as 1).
 */
public final class Crockford {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern SEPARATORS = Pattern.compile("-");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s");

    private Crockford() {
    }

    /** The first {@code characters} × 5 bits of a hexadecimal string (such as a hash), as that many characters. */
    public static String ofHex(String hex, int characters) {
        StringBuilder code = new StringBuilder(characters);
        int bits = 0;
        int buffer = 0;
        for (int i = 0; code.length() < characters; i++) {
            buffer = buffer << 4 | Character.digit(hex.charAt(i), 16);
            bits += 4;
            if (bits >= 5) {
                bits -= 5;
                code.append(ALPHABET.charAt(buffer >>> bits & 31));
                buffer &= (1 << bits) - 1;
            }
        }
        return code.toString();
    }

    /** A code as typed, in the form codes are compared in: its characters {@linkplain #read read}, separators dropped. */
    public static String normalised(String typed) {
        return read(SEPARATORS.matcher(typed).replaceAll(""));
    }

    /**
     * Text typed where such codes appear (a number with a code in it, say), its characters read as this alphabet
     * reads them: white space dropped, small letters as capitals, O as 0, I and L as 1; anything else kept.
     */
    public static String read(String typed) {
        return WHITE_SPACE.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }

    /** Whether a normalised code is {@code characters} characters of the alphabet. */
    public static boolean wellFormed(String normalised, int characters) {
        if (normalised.length() != characters) {
            return false;
        }
        return normalised.chars().allMatch(character -> ALPHABET.indexOf(character) >= 0);
    }
}
