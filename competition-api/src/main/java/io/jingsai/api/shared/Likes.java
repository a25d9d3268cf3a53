package io.jingsai.api.shared;

/**
 * SQL LIKE patterns built from user text: the wildcards {@code %} and {@code _} (and the escape character) in the
 * text match themselves, so a search for "50%" finds "50%" and not everything starting with "50".
 */
public final class Likes {

    private Likes() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches values containing {@code text} (stripped). */
    public static String containing(String text) {
        return "%" + escape(text.strip()) + "%";
    }

    /** Matches values starting with {@code text} (stripped). */
    public static String startingWith(String text) {
        return escape(text.strip()) + "%";
    }

    /**
     * Matches the administrative division codes inside {@code code}: a province code matches its whole province
     * (610000 → 61…), a city code its city (610100 → 6101…), a county code itself.
     */
    public static String regionPrefix(String code) {
        String prefix = code.strip();
        while (prefix.endsWith("00") && prefix.length() > 2) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return escape(prefix) + "%";
    }
}
