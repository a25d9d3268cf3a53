package io.jingsai.api.identifiers;

import java.util.Locale;

/** Input clean-up shared by the identifier parsers. */
final class Texts {

    private Texts() {
    }

    /**
     * Trims Unicode white space (including the ideographic space U+3000, no-break spaces and a stray BOM, which
     * pasted Chinese text often carries) and upper-cases ASCII letters.
     */
    static String normalise(String raw) {
        return trim(raw).toUpperCase(Locale.ROOT);
    }

    static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isBlankChar(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean isBlankChar(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** Renders one character for a message, making invisible or control characters visible. */
    static String show(char c) {
        return Character.isISOControl(c) || Character.isSpaceChar(c)
                ? String.format("U+%04X", (int) c)
                : "'" + c + "'";
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
