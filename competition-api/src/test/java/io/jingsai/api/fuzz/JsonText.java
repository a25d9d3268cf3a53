package io.jingsai.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes request bodies byte for byte, including what a JSON library will not write: number tokens such as
 * {@code 1e309}, objects with a duplicate key, lone surrogates (as {@code \ud800} escapes) and invalid UTF-8.
 * Values are {@link Map}, {@link List}, {@link String}, {@link Number}, {@link Boolean}, {@code null} and the
 * records below.
 */
final class JsonText {

    private JsonText() {
    }

    /** A token written as is, e.g. {@code 1e309}, {@code 1.5} or {@code NaN}. */
    record Raw(String token) {
    }

    /** An object whose entries may repeat a key. */
    record Entries(List<Map.Entry<String, Object>> entries) {
    }

    /** A string holding bytes that are not UTF-8 (written between the quotes without escaping). */
    record Bytes(byte[] bytes, String shownAs) {
    }

    static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value == null) {
            ascii("null", out);
        } else if (value instanceof Raw raw) {
            ascii(raw.token(), out);
        } else if (value instanceof Bytes bytes) {
            out.write('"');
            out.writeBytes(bytes.bytes());
            out.write('"');
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            ascii(value.toString(), out);
        } else if (value instanceof Map<?, ?> map) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            map.forEach((key, v) -> entries.add(Map.entry(String.valueOf(key), nullable(v))));
            object(entries, out);
        } else if (value instanceof Entries entries) {
            object(entries.entries(), out);
        } else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                write(list.get(i), out);
            }
            out.write(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass());
        }
    }

    /** Map.entry refuses nulls: a JSON null inside an entry is this marker. */
    private static Object nullable(Object value) {
        return value == null ? new Raw("null") : value;
    }

    private static void object(List<Map.Entry<String, Object>> entries, ByteArrayOutputStream out) {
        out.write('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            string(entries.get(i).getKey(), out);
            out.write(':');
            write(entries.get(i).getValue(), out);
        }
        out.write('}');
    }

    /** Escapes quotes, backslashes, control characters and unpaired surrogates; writes the rest as UTF-8. */
    private static void string(String text, ByteArrayOutputStream out) {
        StringBuilder escaped = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !paired)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (paired) {
                escaped.append(c).append(text.charAt(++i));
            } else {
                escaped.append(c);
            }
        }
        escaped.append('"');
        out.writeBytes(escaped.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void ascii(String token, ByteArrayOutputStream out) {
        out.writeBytes(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** A deep, mutable copy of maps and lists (other values are immutable or records). */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, v) -> copy.put(String.valueOf(key), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
