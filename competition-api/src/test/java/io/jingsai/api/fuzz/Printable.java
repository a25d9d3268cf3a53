package io.jingsai.api.fuzz;

/** Text for reports: control characters, surrogates and invalid bytes shown as escapes, long text cut. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        int length = Math.min(text.length(), limit);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' || c == 0x7f || Character.isSurrogate(c) && !paired(text, i) || c == '\ufffd') {
                shown.append(String.format("\\u%04x", (int) c));
            } else if (c == '\n') {
                shown.append("\\n");
            } else {
                shown.append(c);
            }
        }
        if (text.length() > limit) {
            shown.append("… (").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }

    private static boolean paired(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
