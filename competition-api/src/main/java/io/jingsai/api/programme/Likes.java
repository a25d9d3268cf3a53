package io.jingsai.api.programme;

/** LIKE patterns for list filters: user text is matched literally. */
final class Likes {

    private Likes() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A province or city code matches everything inside it: 610000 → 61…, 610100 → 6101…. */
    static String regionPrefix(String code) {
        String prefix = code;
        while (prefix.endsWith("00") && prefix.length() > 2) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return escape(prefix);
    }
}
